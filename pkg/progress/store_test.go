package progress_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// The engine reads snapshots through kpi.Store in production.
var _ progress.Series = (*kpi.Store)(nil)

// TestStoreGolden runs the engine over a real snapshot file read by kpi.Store
// at several as-of dates and compares a line per key result with
// testdata/2026-Q1.golden (regenerate with -update and review by eye).
func TestStoreGolden(t *testing.T) {
	store := kpi.NewStore()
	csv := filepath.Join("testdata", "2026-Q1.csv")
	problems := store.ReadFiles([]string{filepath.ToSlash(csv)})
	problems = append(problems, store.Finish()...)
	if len(problems) > 0 {
		t.Fatalf("reading %s: %v", csv, problems)
	}
	kpis := map[string]*okr.KPI{
		"leads_generated": {ID: "leads_generated", Aggregation: "sum", Frequency: "weekly"},
		"cost_per_lead":   {ID: "cost_per_lead", Good: "down", Frequency: "weekly"},
		"conversion_rate": {ID: "conversion_rate", Frequency: "weekly"},
		"nps":             {ID: "nps", Aggregation: "avg", Frequency: "monthly"},
	}
	o := objective(t, "2026-Q1",
		&okr.KeyResult{ID: "leads", KPI: "leads_generated", Target: f(1500), Weight: 2},
		&okr.KeyResult{ID: "cpl", KPI: "cost_per_lead", Target: f(40), Weight: 1},
		&okr.KeyResult{ID: "conversion", KPI: "conversion_rate", Baseline: f(10), Target: f(12), Weight: 1,
			DeadlineText: "2026-02-28", Deadline: date(t, "2026-02-28")},
		&okr.KeyResult{ID: "nps", KPI: "nps", Direction: okr.AtLeast, Target: f(35), Weight: 1},
		&okr.KeyResult{ID: "partners", Direction: okr.Increase, Target: f(3), Current: f(1), Weight: 1},
	)
	o.ID = "marketing-leads-2026q1"

	var b strings.Builder
	for _, asOf := range []string{"2025-12-31", "2026-01-01", "2026-02-14", "2026-03-31", "2026-04-15"} {
		e := &progress.Engine{AsOf: date(t, asOf), Gaps: progress.DefaultGaps(), KPIs: kpis, Series: store}
		r := e.Objective(o)
		fmt.Fprintf(&b, "as of %s: %s score=%.3f expected=%.3f %s no_data=%d\n",
			asOf, r.Objective.ID, r.Score, r.Expected, r.Status, r.NoData)
		for _, k := range r.KeyResults {
			fmt.Fprintf(&b, "  %-10s %-8s baseline=%s (%s) current=%s (%s) progress=%s score=%s expected=%s %s forecast=%s (%s) points=%d\n",
				k.ID, k.Direction, num(k.Baseline), k.BaselineSource, num(k.Current), k.Source,
				num(k.Progress), num(k.Score), num(k.Expected), k.Status, num(k.Forecast), num(k.ForecastScore), len(k.Points))
		}
		for _, id := range []string{"leads_generated", "cost_per_lead", "conversion_rate", "nps"} {
			newest, stale := progress.Stale(kpis[id], store.Series(id), e.AsOf)
			at := "none"
			if newest != (kpi.Point{}) {
				at = store.Source(newest) + " " + newest.Day.String()
			}
			fmt.Fprintf(&b, "  stale %-16s %-5v newest %s\n", id, stale, at)
		}
	}
	got := b.String()

	golden := filepath.Join("testdata", "2026-Q1.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s (-want +got):\n%s", golden, d)
	}
}

func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%.4g", *p)
}
