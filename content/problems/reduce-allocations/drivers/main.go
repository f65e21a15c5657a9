// Driver for settle: passes all of stdin to the learner's function (in solution.go) and counts
// the heap allocations made during that call only (runtime.MemStats.Mallocs before and after).
// Over the budget (64 + 2 × rows returned) it reports the count on stderr and exits with code
// 3; otherwise it prints the rows sorted by merchant and currency, then the rejected count.
package main

import (
	"bufio"
	"io"
	"os"
	"runtime"
	"sort"
	"strconv"
)

// Total is the net amount of one merchant in one currency, in minor units (cents).
type Total struct {
	Merchant string
	Currency string
	Net      int64
}

func main() {
	raw, _ := io.ReadAll(bufio.NewReaderSize(os.Stdin, 1<<16))
	batch := string(raw)

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	rows, rejected := settle(batch)
	runtime.ReadMemStats(&after)
	used := after.Mallocs - before.Mallocs

	budget := uint64(64 + 2*len(rows))
	if used > budget {
		os.Stderr.WriteString("allocations: " + strconv.FormatUint(used, 10) +
			", budget " + strconv.FormatUint(budget, 10) + "\n")
		os.Exit(3)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Merchant != rows[j].Merchant {
			return rows[i].Merchant < rows[j].Merchant
		}
		return rows[i].Currency < rows[j].Currency
	})
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	for _, r := range rows {
		w.WriteString(r.Merchant + " " + r.Currency + " " + strconv.FormatInt(r.Net, 10) + "\n")
	}
	w.WriteString("rejected " + strconv.Itoa(rejected) + "\n")
}
