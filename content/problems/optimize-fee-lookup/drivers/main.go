// Driver for quoteFees: parses R rules "network country min max bps fixed" and Q payments
// "network country amount", calls the learner's function (in solution.go), prints one fee per
// payment ("none" for -1) and the total of the fees.
package main

import (
	"bufio"
	"os"
	"strconv"
)

// Rule matches Network (or any, if "*") and Country (or any, if "*") for amounts in
// [Min, Max). Its fee is amount × Bps / 10 000, rounded half up, plus Fixed cents.
type Rule struct {
	Network string
	Country string
	Min     int64
	Max     int64
	Bps     int64
	Fixed   int64
}

// Payment is one payment to price: its card network, the card's country and the amount in cents.
type Payment struct {
	Network string
	Country string
	Amount  int64
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the lookups themselves.
	skip := func() byte {
		for {
			b, err := r.ReadByte()
			if err != nil {
				return 0
			}
			if b != ' ' && b != '\n' && b != '\r' && b != '\t' {
				return b
			}
		}
	}
	readInt := func() int64 {
		c := skip()
		var n int64
		for c >= '0' && c <= '9' {
			n = n*10 + int64(c-'0')
			b, err := r.ReadByte()
			if err != nil {
				break
			}
			c = b
		}
		return n
	}
	// Network and country names repeat: intern them so the driver allocates each once.
	interned := map[string]string{}
	buf := make([]byte, 0, 64)
	readWord := func() string {
		buf = buf[:0]
		c := skip()
		for c != 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			buf = append(buf, c)
			b, err := r.ReadByte()
			if err != nil {
				break
			}
			c = b
		}
		if s, ok := interned[string(buf)]; ok {
			return s
		}
		s := string(buf)
		interned[s] = s
		return s
	}
	rules := make([]Rule, int(readInt()))
	for i := range rules {
		rules[i].Network = readWord()
		rules[i].Country = readWord()
		rules[i].Min = readInt()
		rules[i].Max = readInt()
		rules[i].Bps = readInt()
		rules[i].Fixed = readInt()
	}
	payments := make([]Payment, int(readInt()))
	for i := range payments {
		payments[i].Network = readWord()
		payments[i].Country = readWord()
		payments[i].Amount = readInt()
	}
	fees := quoteFees(rules, payments)
	if len(fees) != len(payments) {
		panic("quoteFees must return one fee per payment")
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	var total int64
	num := make([]byte, 0, 24)
	for _, f := range fees {
		if f < 0 {
			w.WriteString("none\n")
			continue
		}
		total += f
		num = strconv.AppendInt(num[:0], f, 10)
		num = append(num, '\n')
		w.Write(num)
	}
	w.WriteString("total " + strconv.FormatInt(total, 10) + "\n")
}
