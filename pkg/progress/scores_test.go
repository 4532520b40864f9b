package progress_test

import (
	"math"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

func TestGrading(t *testing.T) {
	g := progress.DefaultGrading()
	tests := []struct {
		score     float64
		committed bool
		want      progress.Grade
	}{
		{1, false, progress.Green}, {0.7, false, progress.Green}, {0.69, false, progress.Yellow},
		{0.4, false, progress.Yellow}, {0.39, false, progress.Red}, {0, false, progress.Red},
		{1, true, progress.Green}, {math.Nextafter(1, 0), true, progress.Yellow},
		{0.7, true, progress.Yellow}, {0.69, true, progress.Red},
	}
	for _, tt := range tests {
		if got := g.Grade(tt.score, tt.committed); got != tt.want {
			t.Errorf("Grade(%v, committed %v) = %s, want %s", tt.score, tt.committed, got, tt.want)
		}
	}
}

// TestObjectiveGrades grades a finished quarter: an aspirational objective
// at 0.7 is green, a committed one at 1.0 green, one at 0.3 red; before the
// end nothing is graded.
func TestObjectiveGrades(t *testing.T) {
	tests := []struct {
		name       string
		commitment string
		current    float64
		asOf       string
		grading    progress.Grading
		status     progress.Status
		grade      progress.Grade
	}{
		{"aspirational at 0.7", okr.Aspirational, 7, "2026-04-05", progress.Grading{}, progress.Missed, progress.Green},
		{"committed at 1.0", okr.Committed, 10, "2026-04-05", progress.Grading{}, progress.Achieved, progress.Green},
		{"aspirational at 0.3", okr.Aspirational, 3, "2026-04-05", progress.Grading{}, progress.Missed, progress.Red},
		{"committed at 0.7", okr.Committed, 7, "2026-04-05", progress.Grading{}, progress.Missed, progress.Yellow},
		{"graded from the deadline on", okr.Aspirational, 5, "2026-03-31", progress.Grading{}, progress.OffTrack, progress.Yellow},
		{"not before", okr.Aspirational, 5, "2026-03-30", progress.Grading{}, progress.OffTrack, ""},
		{"configured bands", okr.Aspirational, 5, "2026-04-05",
			progress.Grading{Aspirational: progress.Bands{Green: 0.5, Yellow: 0.2}, Committed: progress.Bands{Green: 1, Yellow: 0.9}},
			progress.Missed, progress.Green},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := kr(baseline(0), target(10), current(tt.current))
			o := objective(t, "2026-Q1", k)
			o.Commitment = tt.commitment
			e := &progress.Engine{AsOf: date(t, tt.asOf), Gaps: progress.DefaultGaps(), Grading: tt.grading}
			res := e.Objective(o)
			if res.Status != tt.status || res.Grade != tt.grade || res.KeyResults[0].Grade != tt.grade {
				t.Errorf("status %s, grade %q (key result %q); want %s, %q", res.Status, res.Grade, res.KeyResults[0].Grade, tt.status, tt.grade)
			}
		})
	}
}

// TestObjectiveCoverage checks that key results without data are left out
// of the score and counted, not scored 0.
func TestObjectiveCoverage(t *testing.T) {
	e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps(), KPIs: testKPIs(), Series: testSeries(t)}
	o := objective(t, "2026-Q1",
		kr(baseline(0), target(10), current(6)),
		kr(withKPI("empty"), baseline(0), target(10)),
		kr(baseline(0), target(10)),
		kr(withKPI("ghost"), baseline(0), target(10)),
	)
	res := e.Objective(o)
	if res.Measured != 1 || res.NoData != 3 || res.Score != 0.6 || res.Status != progress.OnTrack {
		t.Errorf("measured %d, no_data %d, score %v, status %s; want 1, 3, 0.6, on_track", res.Measured, res.NoData, res.Score, res.Status)
	}
	none := e.Objective(objective(t, "2026-Q1", kr(baseline(0), target(10))))
	if none.Measured != 0 || none.Status != progress.NoData || none.Score != 0 || none.Grade != "" {
		t.Errorf("nothing measured: %+v", none)
	}
}

func TestDatedManualValue(t *testing.T) {
	dated := func(v float64, d string) func(*okr.KeyResult) {
		return func(k *okr.KeyResult) { k.Current, k.CurrentDate = f(v), date(t, d) }
	}
	tests := []struct {
		name, asOf string
		kr         *okr.KeyResult
		current    *float64
		source     string
		status     progress.Status
	}{
		{"before its date: no data", "2026-01-20", kr(baseline(0), target(10), dated(4, "2026-02-01")), nil, "", progress.NoData},
		{"on its date", "2026-02-01", kr(baseline(0), target(10), dated(4, "2026-02-01")), f(4), "", progress.OnTrack},
		{"an undated value holds always", "2025-12-01", kr(baseline(0), target(10), current(4)), f(4), "", progress.OnTrack},
		{"a later check-in wins", "2026-02-14", kr(baseline(0), target(10), dated(4, "2026-02-01"), checkIns(
			okr.CheckIn{Date: date(t, "2026-02-10"), Value: f(5), File: "checkins.csv", Line: 3},
			okr.CheckIn{Date: date(t, "2026-02-12"), File: "checkins.csv", Line: 4}, // no value
			okr.CheckIn{Date: date(t, "2026-02-20"), Value: f(9), File: "checkins.csv", Line: 5},
		)), f(5), "checkins.csv:3", progress.OnTrack},
		{"an earlier check-in loses", "2026-02-14", kr(baseline(0), target(10), dated(4, "2026-02-11"), checkIns(
			okr.CheckIn{Date: date(t, "2026-02-10"), Value: f(5), File: "checkins.csv", Line: 3},
		)), f(4), "", progress.OnTrack},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &progress.Engine{AsOf: date(t, tt.asOf), Gaps: progress.DefaultGaps()}
			r := e.KeyResult(objective(t, "2026-Q1", tt.kr), tt.kr)
			if d := diff(tt.current, r.Current); d != "" || r.Source != tt.source || r.Status != tt.status {
				t.Errorf("current %v at %q, %s; want %v at %q, %s", r.Current, r.Source, r.Status, tt.current, tt.source, tt.status)
			}
		})
	}
}

func checkIns(cs ...okr.CheckIn) func(*okr.KeyResult) {
	return func(k *okr.KeyResult) { k.CheckIns = cs }
}

func TestLatestCheckIn(t *testing.T) {
	k := kr(withKPI("mrr"), target(200), checkIns(
		okr.CheckIn{Date: date(t, "2026-02-01"), Confidence: f(7), Note: "first", Author: "ana"},
		okr.CheckIn{Date: date(t, "2026-02-10"), Confidence: f(5), Note: "second", Author: "bo"},
		okr.CheckIn{Date: date(t, "2026-02-20"), Note: "after the as-of date"},
	))
	e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps(), KPIs: testKPIs(), Series: testSeries(t)}
	r := e.KeyResult(objective(t, "2026-Q1", k), k)
	if r.CheckIn == nil || r.CheckIn.Note != "second" || r.CheckIn.Author != "bo" {
		t.Errorf("CheckIn = %+v, want the second", r.CheckIn)
	}
	if *r.Current != 145 {
		t.Errorf("a KPI-backed key result took its current from a check-in: %v", *r.Current)
	}
	e.AsOf = date(t, "2026-01-31")
	if r := e.KeyResult(objective(t, "2026-Q1", k), k); r.CheckIn != nil {
		t.Errorf("CheckIn before any = %+v", r.CheckIn)
	}
}

// TestExactness covers achievement without tolerance and forecasts that
// a max or min KPI cannot contradict.
func TestExactness(t *testing.T) {
	e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps()}
	k := kr(baseline(0), target(2_000_000_000), current(1_999_999_998))
	r := e.KeyResult(objective(t, "2026-Q1", k), k)
	if r.Status == progress.Achieved || *r.Score >= 1 {
		t.Errorf("missed by 2: status %s, score %v", r.Status, *r.Score)
	}
	// So close that the ratio rounds to 1: still below 1, not achieved.
	k = kr(baseline(0), target(1e17), current(1e17-16))
	if r := e.KeyResult(objective(t, "2026-Q1", k), k); r.Status == progress.Achieved || *r.Score >= 1 {
		t.Errorf("missed by 16 of 1e17: status %s, score %v", r.Status, *r.Score)
	}

	// A max KPI that peaked at 120 and fell: the highest so far stays 120.
	// A min KPI that bottomed at 5 and rose: the lowest so far stays 5.
	peak := points(t, snap{"2026-01-05", 50, 2}, snap{"2026-01-20", 120, 3}, snap{"2026-02-01", 10, 4}, snap{"2026-02-10", 5, 5})
	trough := points(t, snap{"2026-01-05", 5, 2}, snap{"2026-01-20", 10, 3}, snap{"2026-02-01", 50, 4}, snap{"2026-02-10", 120, 5})
	for agg, want := range map[string]float64{"max": 120, "min": 5} {
		series := fakeSeries{"k": peak}
		if agg == "min" {
			series["k"] = trough
		}
		e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps(),
			KPIs: map[string]*okr.KPI{"k": kpiDef("k", agg)}, Series: series}
		k := kr(withKPI("k"), baseline(0), target(200))
		r := e.KeyResult(objective(t, "2026-Q1", k), k)
		if r.Forecast == nil || *r.Forecast != want {
			t.Errorf("%s forecast = %v, want %v", agg, r.Forecast, want)
		}
	}
}

// TestForecastShort checks the forecast verdicts: a key result on track by
// pace whose forecast misses the target by more than the at-risk gap.
func TestForecastShort(t *testing.T) {
	e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps(), KPIs: testKPIs(), Series: testSeries(t)}
	// mrr rises 1 a day: forecast 190 at Mar 31 against 200 (score 0.9 → short by
	// exactly the gap: not short), against 300 (score 0.45: short).
	for target, short := range map[float64]bool{190: false, 200: false, 300: true} {
		k := kr(withKPI("mrr"), baseline(100), target_(target))
		r := e.KeyResult(objective(t, "2026-Q1", k), k)
		if r.ForecastShort != short || r.ForecastMeetsTarget == nil || *r.ForecastMeetsTarget != (target <= *r.Forecast) {
			t.Errorf("target %v: forecast %v, short %v, meets %v", target, *r.Forecast, r.ForecastShort, *r.ForecastMeetsTarget)
		}
	}
	k := kr(baseline(0), target(10), current(5))
	if r := e.KeyResult(objective(t, "2026-Q1", k), k); r.ForecastMeetsTarget != nil || r.ForecastShort {
		t.Errorf("no forecast: meets %v, short %v", r.ForecastMeetsTarget, r.ForecastShort)
	}
}

var target_ = target

// TestOverflow covers values beyond the float64 range: a sum that cannot be
// represented is a problem, not a silent no_data; spans are computed
// without overflow.
func TestOverflow(t *testing.T) {
	huge := fakeSeries{"k": points(t, snap{"2026-01-05", 1e308, 2}, snap{"2026-01-06", 1e308, 3})}
	for agg, wantCurrent := range map[string]*float64{"sum": nil, "avg": f(1e308), "max": f(1e308)} {
		e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps(),
			KPIs: map[string]*okr.KPI{"k": kpiDef("k", agg)}, Series: huge}
		k := kr(withKPI("k"), baseline(0), target(1))
		r := e.KeyResult(objective(t, "2026-Q1", k), k)
		if d := diff(wantCurrent, r.Current); d != "" {
			t.Errorf("%s: current %v, want %v", agg, r.Current, wantCurrent)
		}
		if wantCurrent == nil && (r.Source != "" || r.Problem == "" || r.Status != progress.NoData) {
			t.Errorf("%s: source %q, problem %q, status %s", agg, r.Source, r.Problem, r.Status)
		}
		if wantCurrent != nil && r.Problem != "" {
			t.Errorf("%s: problem %q", agg, r.Problem)
		}
	}
	e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps()}
	k := kr(baseline(-1.7e308), target(1.7e308), current(0))
	if r := e.KeyResult(objective(t, "2026-Q1", k), k); r.Progress == nil || *r.Progress != 0.5 {
		t.Errorf("progress from -1.7e308 to 1.7e308 at 0 = %v, want 0.5", r.Progress)
	}
	k = kr(baseline(5e-324), target(1e-323), current(1))
	if r := e.KeyResult(objective(t, "2026-Q1", k), k); r.Status != progress.Achieved {
		t.Errorf("subnormal span: status %s, want achieved", r.Status)
	}
}

// TestStaleAtDeadline checks that data which stopped before the deadline is
// stale in a final report, judged at the deadline, not at the as-of date.
func TestStaleAtDeadline(t *testing.T) {
	weekly := &okr.KPI{ID: "k", Aggregation: "sum", Frequency: "weekly"}
	series := fakeSeries{"k": points(t, snap{"2026-01-05", 1, 2}, snap{"2026-03-01", 1, 3})}
	for _, tt := range []struct {
		asOf  string
		stale bool
	}{{"2026-03-05", false}, {"2026-03-09", true}, {"2026-06-30", true}} {
		e := &progress.Engine{AsOf: date(t, tt.asOf), Gaps: progress.DefaultGaps(), KPIs: map[string]*okr.KPI{"k": weekly}, Series: series}
		k := kr(withKPI("k"), target(10))
		r := e.KeyResult(objective(t, "2026-Q1", k), k)
		if r.Stale != tt.stale || !r.DataEnds.Equal(date(t, "2026-03-01")) {
			t.Errorf("as of %s: stale %v, data ends %s; want %v, 2026-03-01", tt.asOf, r.Stale, r.DataEnds.Format(time.DateOnly), tt.stale)
		}
	}
}
