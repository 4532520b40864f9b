// Command okrctl treats OKRs as code: it validates objectives, key results
// and KPI definitions kept as YAML, computes progress from CSV snapshots and
// prints tables and Markdown reports.
package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the heap size past which the garbage collector works
// harder, unless GOMEMLIMIT sets another. Real repositories need far less
// (10,000 objectives take 160 MB); a hostile file of the largest size read
// then stays near 500 MB instead of growing to twice its live data.
const memoryLimit = 450 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(Main(os.Args[1:], SystemStreams()))
}
