// Command okrctl treats OKRs as code: it validates objectives, key results
// and KPI definitions kept as YAML, computes progress from CSV snapshots and
// prints tables and Markdown reports.
package main

import "os"

func main() {
	setMemoryPolicy()
	os.Exit(Main(os.Args[1:], SystemStreams()))
}
