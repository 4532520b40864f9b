package progress_test

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// FuzzKeyResult feeds the engine any numbers — near the float64 limits,
// subnormal, negative — and checks that it never panics and never shows a
// number JSON cannot hold: scores stay in [0, 1], a score of 1 means the
// target is met, and a dropped value is explained.
func FuzzKeyResult(f *testing.F) {
	f.Add(0.0, 10.0, 5.0, 1.0, 2.0, uint8(0), uint8(0), int16(45))
	f.Add(-1.7e308, 1.7e308, 0.0, 1e308, 1e308, uint8(0), uint8(1), int16(45))
	f.Add(5e-324, 1e-323, 1.0, 1e308, -1e308, uint8(1), uint8(3), int16(100))
	f.Add(2e9, 0.0, 1999999998.0, math.MaxFloat64, math.MaxFloat64, uint8(2), uint8(4), int16(-10))
	f.Fuzz(func(t *testing.T, baseline, target, current, v1, v2 float64, dir, agg uint8, asOffset int16) {
		for _, v := range []float64{baseline, target, current, v1, v2} {
			if math.IsInf(v, 0) || math.IsNaN(v) {
				return // the model never holds them
			}
		}
		dirs := []okr.Direction{okr.Increase, okr.Decrease, okr.AtLeast, okr.AtMost, ""}
		aggs := []string{"last", "sum", "avg", "min", "max"}
		pers := []string{"", "week", "month", "quarter", ""}
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		series := []kpi.Point{
			{Day: kpi.DayOf(start.AddDate(0, 0, -20)), Value: v1, Line: 2},
			{Day: kpi.DayOf(start.AddDate(0, 0, 10)), Value: v2, Line: 3},
			{Day: kpi.DayOf(start.AddDate(0, 0, 40)), Value: v1, Line: 4},
		}
		slices.SortFunc(series, func(a, b kpi.Point) int { return int(a.Day) - int(b.Day) })
		for _, manual := range []bool{false, true} {
			k := &okr.KeyResult{ID: "k", Weight: 1, Target: &target, Direction: dirs[int(dir)%len(dirs)], Per: pers[int(agg)%len(pers)]}
			if baseline != 0 {
				k.Baseline = &baseline
			}
			if manual {
				k.Current = &current
			} else {
				k.KPI = "x"
			}
			o := &okr.Objective{ID: "o", PeriodText: "2026-Q1", KeyResults: []*okr.KeyResult{k}}
			o.Period, _ = okr.ParsePeriod("2026-Q1")
			e := &progress.Engine{
				AsOf: start.AddDate(0, 0, int(asOffset)), Gaps: progress.DefaultGaps(),
				KPIs:   map[string]*okr.KPI{"x": {ID: "x", Aggregation: aggs[int(agg)%len(aggs)], Frequency: "weekly"}},
				Series: fakeSeries{"x": series},
			}
			res := e.Objective(o)
			r := res.KeyResults[0]
			for name, p := range map[string]*float64{"baseline": r.Baseline, "current": r.Current, "progress": r.Progress,
				"score": r.Score, "expected": r.Expected, "forecast": r.Forecast, "forecast score": r.ForecastScore} {
				if p != nil && (math.IsNaN(*p) || math.IsInf(*p, 0)) {
					t.Fatalf("%s = %v", name, *p)
				}
			}
			if r.Score != nil && (*r.Score < 0 || *r.Score > 1) {
				t.Fatalf("score %v", *r.Score)
			}
			if r.Score != nil && *r.Score == 1 && r.Current != nil && !progress.Meets(r.Direction, target, *r.Current) {
				t.Fatalf("score 1 for %v against %v (%s)", *r.Current, target, r.Direction)
			}
			if r.Status == progress.Achieved && (r.Current == nil || !progress.Meets(r.Direction, target, *r.Current)) {
				t.Fatalf("achieved without meeting the target")
			}
			if !manual && r.Current == nil && r.Source != "" {
				t.Fatalf("a source %q without a current value", r.Source)
			}
			if math.IsNaN(res.Score) || res.Score < 0 || res.Score > 1 {
				t.Fatalf("objective score %v", res.Score)
			}
		}
	})
}
