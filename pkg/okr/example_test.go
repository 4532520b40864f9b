package okr_test

import (
	"fmt"

	"github.com/okrctl/okrctl/pkg/okr"
)

func ExampleParsePeriod() {
	for _, s := range []string{"2026-Q1", "2026-H2", "2026", "2028-02", "2026-Q5"} {
		p, err := okr.ParsePeriod(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s to %s, %d days\n", p, p.Start.Format("2006-01-02"), p.End.Format("2006-01-02"), p.Days())
	}
	// Output:
	// 2026-Q1: 2026-01-01 to 2026-03-31, 90 days
	// 2026-H2: 2026-07-01 to 2026-12-31, 184 days
	// 2026: 2026-01-01 to 2026-12-31, 365 days
	// 2028-02: 2028-02-01 to 2028-02-29, 29 days
	// period "2026-Q5" is not one of YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM
}

func ExampleParseFile() {
	f := okr.ParseFile("okrs/q1.yaml", []byte("kind: KPI\nid: leads\nname: Leads\nid: again\n"))
	for _, is := range f.Issues {
		fmt.Printf("%s:%d:%d: %s [%s]\n", is.File, is.Line, is.Column, is.Message, is.Rule)
	}
	// Output:
	// okrs/q1.yaml:4:1: duplicate key "id" (first at line 2) [yaml]
}
