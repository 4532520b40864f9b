// Command gen writes a synthetic OKR repository for benchmarks:
//
//	go run ./internal/synth/gen -dir bench/repo -objectives 10000 -rows 1000000
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/okrctl/okrctl/internal/synth"
)

func main() {
	dir := flag.String("dir", "bench/repo", "directory to write")
	var s synth.Spec
	flag.IntVar(&s.Objectives, "objectives", 10000, "objective files")
	flag.IntVar(&s.KPIs, "kpis", 200, "KPI definitions")
	flag.IntVar(&s.SnapshotRows, "rows", 1000000, "snapshot rows")
	flag.Parse()
	if err := synth.Generate(*dir, s); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
