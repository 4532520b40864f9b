package progress_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// fakeSeries is a Series over in-memory points; a point's source is
// "snap.csv:LINE".
type fakeSeries map[string][]kpi.Point

func (f fakeSeries) Series(id string) []kpi.Point { return f[id] }

func (f fakeSeries) Source(p kpi.Point) string { return fmt.Sprintf("snap.csv:%d", p.Line) }

// snap is one snapshot of value on date, read from line.
type snap struct {
	date  string
	value float64
	line  int32
}

// points turns snaps into kpi points sorted by day, as kpi.Store gives them.
func points(t testing.TB, snaps ...snap) []kpi.Point {
	t.Helper()
	var ps []kpi.Point
	for _, s := range snaps {
		ps = append(ps, kpi.Point{Day: day(t, s.date), Value: s.value, Line: s.line})
	}
	slices.SortFunc(ps, func(a, b kpi.Point) int { return int(a.Day) - int(b.Day) })
	return ps
}

func day(t testing.TB, s string) kpi.Day {
	t.Helper()
	d, err := kpi.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func date(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := okr.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func objective(t testing.TB, period string, krs ...*okr.KeyResult) *okr.Objective {
	t.Helper()
	o := &okr.Objective{ID: "obj", PeriodText: period, KeyResults: krs}
	if p, err := okr.ParsePeriod(period); err == nil {
		o.Period = p
	}
	return o
}

func f(v float64) *float64 { return &v }

func ptrBool(b bool) *bool { return &b }

// kr is a key result with weight 1; options fill in the rest.
func kr(opts ...func(*okr.KeyResult)) *okr.KeyResult {
	k := &okr.KeyResult{ID: "kr", Title: "A key result", Weight: 1}
	for _, o := range opts {
		o(k)
	}
	return k
}

func withKPI(id string) func(*okr.KeyResult) { return func(k *okr.KeyResult) { k.KPI = id } }

func baseline(v float64) func(*okr.KeyResult) { return func(k *okr.KeyResult) { k.Baseline = f(v) } }

func target(v float64) func(*okr.KeyResult) { return func(k *okr.KeyResult) { k.Target = f(v) } }

func current(v float64) func(*okr.KeyResult) { return func(k *okr.KeyResult) { k.Current = f(v) } }

func weight(v float64) func(*okr.KeyResult) { return func(k *okr.KeyResult) { k.Weight = v } }

func direction(d okr.Direction) func(*okr.KeyResult) {
	return func(k *okr.KeyResult) { k.Direction = d }
}

func deadline(s string) func(*okr.KeyResult) {
	return func(k *okr.KeyResult) {
		k.DeadlineText = s
		k.Deadline, _ = okr.ParseDate(s)
	}
}

func kpiDef(id, agg string) *okr.KPI { return &okr.KPI{ID: id, Name: id, Aggregation: agg} }

// approx compares floats to 1e-9, through pointers too.
var approx = cmpopts.EquateApprox(0, 1e-9)

// view is the part of a KRResult the formula tests compare.
type view struct {
	Direction              okr.Direction
	Baseline, Current      *float64
	BaselineSource, Source string
	Progress, Score        *float64
	Expected               *float64
	Status                 progress.Status
	Forecast, Forecasted   *float64
}

func viewOf(r progress.KRResult) view {
	return view{
		Direction: r.Direction, Baseline: r.Baseline, Current: r.Current,
		BaselineSource: r.BaselineSource, Source: r.Source,
		Progress: r.Progress, Score: r.Score, Expected: r.Expected, Status: r.Status,
		Forecast: r.Forecast, Forecasted: r.ForecastScore,
	}
}

// diff compares with approx; okr.Fields, which keeps its YAML node
// unexported, compares as a value.
func diff(want, got any) string {
	return cmp.Diff(want, got, approx, cmpopts.EquateComparable(okr.Fields{}))
}

func fmtG(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
