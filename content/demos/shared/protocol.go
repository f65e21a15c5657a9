// The half of every demo that speaks the runner's protocol (content/demos/README.md): built
// into each demo beside its main.go, as part of package main.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"time"
)

var stdout = json.NewEncoder(os.Stdout)

// emit prints one JSON line. stdout is unbuffered, so the line reaches the learner at once;
// if it cannot be written the viewer has gone, and so does the demo.
func emit(line map[string]any) {
	if err := stdout.Encode(line); err != nil {
		os.Exit(1)
	}
}

// announceRuntime prints the runtime line: first, and again after GOMAXPROCS changes.
func announceRuntime() {
	emit(map[string]any{"runtime": map[string]any{
		"gomaxprocs": runtime.GOMAXPROCS(0),
		"num_cpu":    runtime.NumCPU(),
		"version":    runtime.Version(),
	}})
}

// sample prints one point of chart at x (a number, or a category string for bars,
// histograms and stacked bars); NaN and infinities become 0, which the runner accepts.
func sample(chart string, x any, values map[string]float64) {
	line := make(map[string]any, len(values)+2)
	line["chart"] = chart
	line["x"] = x
	for k, v := range values {
		line[k] = finite(v)
	}
	emit(line)
}

// note prints a line of text for the run's log.
func note(format string, args ...any) {
	emit(map[string]any{"note": fmt.Sprintf(format, args...)})
}

// result prints the outcome a prediction is compared with: once, at the end.
func result(v any) {
	if f, ok := v.(float64); ok {
		v = finite(f)
	}
	emit(map[string]any{"result": v})
}

func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// ms is a duration in milliseconds, with microsecond precision.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
