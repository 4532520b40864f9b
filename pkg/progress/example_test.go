package progress_test

import (
	"fmt"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// snapshots is a minimal Series; a program passes a *kpi.Store instead.
type snapshots map[string][]kpi.Point

func (s snapshots) Series(id string) []kpi.Point { return s[id] }

func (s snapshots) Source(p kpi.Point) string {
	return fmt.Sprintf("kpis/snapshots/2026.csv:%d", p.Line)
}

func ExampleEngine_Objective() {
	at := func(s string) kpi.Day { d, _ := kpi.ParseDay(s); return d }
	num := func(v float64) *float64 { return &v }
	period, _ := okr.ParsePeriod("2026-Q1")
	o := &okr.Objective{ID: "marketing-leads-2026q1", Period: period, KeyResults: []*okr.KeyResult{
		// Leads are a flow: the window's snapshots add up, from 0.
		{ID: "leads", KPI: "leads_generated", Target: num(480), Weight: 1},
		// Cost per lead should fall: its baseline is the snapshot before the quarter.
		{ID: "cpl", KPI: "cost_per_lead", Target: num(30), Weight: 1},
		// A manual key result.
		{ID: "partners", Baseline: num(0), Target: num(3), Current: num(1), Weight: 1},
	}}
	e := &progress.Engine{
		AsOf: time.Date(2026, 2, 14, 0, 0, 0, 0, time.UTC),
		Gaps: progress.DefaultGaps(),
		KPIs: map[string]*okr.KPI{
			"leads_generated": {ID: "leads_generated", Aggregation: "sum"},
			"cost_per_lead":   {ID: "cost_per_lead"},
		},
		Series: snapshots{
			"leads_generated": {
				{Day: at("2026-01-31"), Value: 130, Line: 2},
				{Day: at("2026-02-14"), Value: 110, Line: 4},
			},
			"cost_per_lead": {
				{Day: at("2025-12-31"), Value: 50, Line: 1},
				{Day: at("2026-01-31"), Value: 44, Line: 3},
				{Day: at("2026-02-14"), Value: 41, Line: 5},
			},
		},
	}
	r := e.Objective(o)
	fmt.Printf("%s %.2f (expected %.2f) %s\n", r.Objective.ID, r.Score, r.Expected, r.Status)
	for _, kr := range r.KeyResults {
		fmt.Printf("  %-8s %-8s %s %3.0f%% %-9s", kr.ID, kr.Direction,
			progress.ProgressBar(*kr.Score, 10), 100**kr.Score, kr.Status)
		if kr.Forecast != nil {
			fmt.Printf(" forecast %.0f", *kr.Forecast)
		}
		if kr.Source != "" {
			fmt.Printf(" (%s)", kr.Source)
		}
		fmt.Println()
	}
	// Output:
	// marketing-leads-2026q1 0.43 (expected 0.50) on_track
	//   leads    increase █████░░░░░  50% on_track  forecast 480 (kpis/snapshots/2026.csv:4)
	//   cpl      decrease ████░░░░░░  45% on_track  forecast 31 (kpis/snapshots/2026.csv:5)
	//   partners increase ███░░░░░░░  33% at_risk
}

// A rate key result: "monthly leads from 400 to 480" takes the leads of the
// latest complete month, not the quarter's running total.
func ExampleEngine_KeyResult_rate() {
	at := func(s string) kpi.Day { d, _ := kpi.ParseDay(s); return d }
	num := func(v float64) *float64 { return &v }
	period, _ := okr.ParsePeriod("2026-Q1")
	kr := &okr.KeyResult{ID: "monthly-leads", KPI: "leads_generated", Per: "month", Baseline: num(400), Target: num(480), Weight: 1}
	o := &okr.Objective{ID: "leads-2026q1", Period: period, KeyResults: []*okr.KeyResult{kr}}
	e := &progress.Engine{
		AsOf: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC),
		Gaps: progress.DefaultGaps(),
		KPIs: map[string]*okr.KPI{"leads_generated": {ID: "leads_generated", Aggregation: "sum"}},
		Series: snapshots{"leads_generated": {
			{Day: at("2026-01-12"), Value: 200, Line: 2}, {Day: at("2026-01-26"), Value: 220, Line: 3},
			{Day: at("2026-02-09"), Value: 210, Line: 4}, {Day: at("2026-02-23"), Value: 230, Line: 5},
			{Day: at("2026-03-09"), Value: 240, Line: 6},
		}},
	}
	r := e.KeyResult(o, kr)
	fmt.Printf("%s: %.0f leads in %s, score %.2f, %s, forecast %.0f\n", r.ID, *r.Current, r.Interval, *r.Score, r.Status, *r.Forecast)
	// Output:
	// monthly-leads: 440 leads in 2026-02, score 0.50, at_risk, forecast 462
}

// Grades judge a finished period by commitment: 0.72 is success for an
// aspirational objective and falls short for a committed one.
func ExampleGrading_Grade() {
	g := progress.DefaultGrading()
	fmt.Println(g.Grade(0.72, false), g.Grade(0.72, true), g.Grade(0.3, false))
	// Output:
	// green yellow red
}
