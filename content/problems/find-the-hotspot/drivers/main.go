// Driver for profileTop: parses "n k" and n samples "count depth f1 ... fdepth" (root first),
// calls the learner's function (in solution.go), prints the total and both top-k tables.
package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
)

// Sample is one stack seen by the profiler: how many times, and the frames from the root
// (Stack[0]) to the leaf (Stack[len(Stack)-1]), the function that was running.
type Sample struct {
	Count int64
	Stack []string
}

// Row is one line of a top table.
type Row struct {
	Name string
	Flat int64 // samples in which Name is the leaf
	Cum  int64 // samples in which Name is anywhere on the stack
}

func main() {
	raw, _ := io.ReadAll(bufio.NewReaderSize(os.Stdin, 1<<16))
	data := string(raw) // one copy: every name below is a substring of it
	pos := 0
	// Hand-rolled tokenizer: fmt.Fscan would cost more than the aggregation itself.
	word := func() string {
		for pos < len(data) && (data[pos] == ' ' || data[pos] == '\n' || data[pos] == '\r' || data[pos] == '\t') {
			pos++
		}
		start := pos
		for pos < len(data) && data[pos] != ' ' && data[pos] != '\n' && data[pos] != '\r' && data[pos] != '\t' {
			pos++
		}
		return data[start:pos]
	}
	num := func() int64 {
		var v int64
		for _, c := range []byte(word()) {
			v = v*10 + int64(c-'0')
		}
		return v
	}
	n, k := int(num()), int(num())
	samples := make([]Sample, n)
	var total int64
	for i := range samples {
		samples[i].Count = num()
		total += samples[i].Count
		stack := make([]string, num())
		for j := range stack {
			stack[j] = word()
		}
		samples[i].Stack = stack
	}
	byFlat, byCum := profileTop(samples, k)
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	w.WriteString("total " + strconv.FormatInt(total, 10) + "\n")
	for i, rows := range [][]Row{byFlat, byCum} {
		if i == 0 {
			w.WriteString("flat\n")
		} else {
			w.WriteString("cum\n")
		}
		for _, r := range rows {
			w.WriteString(r.Name)
			w.WriteByte(' ')
			w.WriteString(strconv.FormatInt(r.Flat, 10))
			w.WriteByte(' ')
			w.WriteString(strconv.FormatInt(r.Cum, 10))
			w.WriteByte('\n')
		}
	}
}
