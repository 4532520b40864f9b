package kpi_test

import (
	"fmt"
	"strings"

	"github.com/okrctl/okrctl/pkg/kpi"
)

func Example() {
	const snapshots = `date,kpi,value
2026-01-31,leads_generated,412
2026-02-28,leads_generated,455
2026-02-30,leads_generated,460
2026-03-31,leads_generated,470
`
	s := kpi.NewStore()
	problems := s.Read("kpis/snapshots/2026.csv", strings.NewReader(snapshots))
	problems = append(problems, s.Finish()...)
	for _, p := range problems {
		fmt.Println(p)
	}

	// The key result's window is the first quarter, up to mid-March.
	from, _ := kpi.ParseDay("2026-01-01")
	to, _ := kpi.ParseDay("2026-03-15")
	window := kpi.Window(s.Series("leads_generated"), from, to)
	for _, agg := range []kpi.Aggregation{kpi.AggLast, kpi.AggSum, kpi.AggMax} {
		value, point, _ := kpi.Aggregate(window, agg)
		fmt.Printf("%s: %g (from %s)\n", agg, value, s.Source(point))
	}
	// Output:
	// kpis/snapshots/2026.csv:4:1: error: invalid date "2026-02-30" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z) [csv]
	// last: 455 (from kpis/snapshots/2026.csv:3)
	// sum: 867 (from kpis/snapshots/2026.csv:3)
	// max: 455 (from kpis/snapshots/2026.csv:3)
}
