package progress_test

import (
	"math"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// The test repository's KPIs. mrr rises by 1 a day (101 + days since
// 2026-01-01) and cpl falls by 0.5 a day (49.5 − 0.5 × days), so their
// trend lines, and so their forecasts, are exact.
func testKPIs() map[string]*okr.KPI {
	return map[string]*okr.KPI{
		"mrr":     kpiDef("mrr", ""),
		"cpl":     kpiDef("cpl", "last"),
		"late":    kpiDef("late", "last"),
		"single":  kpiDef("single", "last"),
		"sparse":  kpiDef("sparse", "last"),
		"empty":   kpiDef("empty", "last"),
		"same":    kpiDef("same", "last"),
		"signups": kpiDef("signups", "sum"),
		"daily":   kpiDef("daily", "sum"),
	}
}

func testSeries(t testing.TB) fakeSeries {
	leap := make([]snap, 70)
	for i := range leap {
		leap[i] = snap{date: time.Date(2028, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), value: 1, line: int32(i + 2)}
	}
	return fakeSeries{
		"mrr": points(t,
			snap{"2025-12-31", 100, 2}, snap{"2026-01-10", 110, 3}, snap{"2026-01-20", 120, 4},
			snap{"2026-02-14", 145, 5}, snap{"2026-03-10", 169, 6}, snap{"2026-04-05", 300, 7}),
		"cpl": points(t,
			snap{"2025-12-31", 50, 2}, snap{"2026-01-10", 45, 3}, snap{"2026-01-20", 40, 4},
			snap{"2026-02-14", 27.5, 5}, snap{"2026-03-10", 15.5, 6}, snap{"2026-04-05", 2.5, 7}),
		"late":    points(t, snap{"2026-01-05", 400, 2}, snap{"2026-02-01", 430, 3}, snap{"2026-02-20", 470, 4}),
		"single":  points(t, snap{"2026-01-05", 400, 2}),
		"sparse":  points(t, snap{"2025-12-31", 100, 2}, snap{"2026-04-05", 300, 7}),
		"same":    points(t, snap{"2026-01-05", 1, 2}, snap{"2026-01-05", 3, 3}),
		"signups": points(t, snap{"2026-01-01", 10, 2}),
		"daily":   points(t, leap...),
	}
}

func asOfTime(t testing.TB, s string) time.Time {
	t.Helper()
	if len(s) > 10 {
		ts, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	return date(t, s)
}

func TestKeyResult(t *testing.T) {
	tests := []struct {
		name   string
		period string // default 2026-Q1
		asOf   string // default 2026-02-14: half of Q1 (45 of 90 days) has elapsed
		kr     *okr.KeyResult
		want   view
	}{
		// Increasing and decreasing key results, side by side.
		{
			name: "increase: baseline from the snapshot before the window",
			kr:   kr(withKPI("mrr"), target(200)),
			want: view{Direction: okr.Increase, Baseline: f(100), BaselineSource: "snap.csv:2",
				Current: f(145), Source: "snap.csv:5", Progress: f(0.45), Score: f(0.45), Expected: f(0.5),
				Status: progress.OnTrack, Forecast: f(190), Forecasted: f(0.9)},
		},
		{
			name: "decrease: direction and baseline resolved from the snapshots",
			kr:   kr(withKPI("cpl"), target(10)),
			want: view{Direction: okr.Decrease, Baseline: f(50), BaselineSource: "snap.csv:2",
				Current: f(27.5), Source: "snap.csv:5", Progress: f(0.5625), Score: f(0.5625), Expected: f(0.5),
				Status: progress.OnTrack, Forecast: f(5), Forecasted: f(1)},
		},
		{
			name: "increase: overshoot past the target is achieved",
			kr:   kr(withKPI("mrr"), target(130)),
			want: view{Direction: okr.Increase, Baseline: f(100), BaselineSource: "snap.csv:2",
				Current: f(145), Source: "snap.csv:5", Progress: f(1.5), Score: f(1), Expected: f(0.5),
				Status: progress.Achieved, Forecast: f(190), Forecasted: f(1)},
		},
		{
			name: "decrease: overshoot past the target is achieved",
			kr:   kr(withKPI("cpl"), target(30)),
			want: view{Direction: okr.Decrease, Baseline: f(50), BaselineSource: "snap.csv:2",
				Current: f(27.5), Source: "snap.csv:5", Progress: f(1.125), Score: f(1), Expected: f(0.5),
				Status: progress.Achieved, Forecast: f(5), Forecasted: f(1)},
		},
		{
			name: "increase: moving the wrong way is negative progress, score 0",
			kr:   kr(withKPI("mrr"), baseline(160), target(200)),
			want: view{Direction: okr.Increase, Baseline: f(160),
				Current: f(145), Source: "snap.csv:5", Progress: f(-0.375), Score: f(0), Expected: f(0.5),
				Status: progress.OffTrack, Forecast: f(190), Forecasted: f(0.75)},
		},
		{
			name: "decrease from a written baseline, trending the wrong way",
			kr:   kr(withKPI("mrr"), baseline(160), target(120)),
			want: view{Direction: okr.Decrease, Baseline: f(160),
				Current: f(145), Source: "snap.csv:5", Progress: f(0.375), Score: f(0.375), Expected: f(0.5),
				Status: progress.AtRisk, Forecast: f(190), Forecasted: f(0)},
		},
		{
			name: "decrease: moving the wrong way is negative progress, score 0",
			kr:   kr(withKPI("cpl"), baseline(20), target(10)),
			want: view{Direction: okr.Decrease, Baseline: f(20),
				Current: f(27.5), Source: "snap.csv:5", Progress: f(-0.75), Score: f(0), Expected: f(0.5),
				Status: progress.OffTrack, Forecast: f(5), Forecasted: f(1)},
		},
		{
			name: "decrease written explicitly, baseline from the snapshots",
			kr:   kr(withKPI("cpl"), direction(okr.Decrease), target(40)),
			want: view{Direction: okr.Decrease, Baseline: f(50), BaselineSource: "snap.csv:2",
				Current: f(27.5), Source: "snap.csv:5", Progress: f(2.25), Score: f(1), Expected: f(0.5),
				Status: progress.Achieved, Forecast: f(5), Forecasted: f(1)},
		},
		{
			name: "at_most on a KPI",
			kr:   kr(withKPI("cpl"), direction(okr.AtMost), target(25)),
			want: view{Direction: okr.AtMost, Baseline: f(50), BaselineSource: "snap.csv:2",
				Current: f(27.5), Source: "snap.csv:5", Progress: f(25 / 27.5), Score: f(25 / 27.5), Expected: f(0.5),
				Status: progress.OnTrack, Forecast: f(5), Forecasted: f(1)},
		},
		{
			name: "at_least on a KPI",
			kr:   kr(withKPI("mrr"), direction(okr.AtLeast), target(290)),
			want: view{Direction: okr.AtLeast, Baseline: f(100), BaselineSource: "snap.csv:2",
				Current: f(145), Source: "snap.csv:5", Progress: f(0.5), Score: f(0.5), Expected: f(0.5),
				Status: progress.OnTrack, Forecast: f(190), Forecasted: f(190.0 / 290)},
		},

		// Baselines and windows.
		{
			name: "baseline from the first snapshot in the window, two-point forecast",
			kr:   kr(withKPI("late"), target(480)),
			want: view{Direction: okr.Increase, Baseline: f(400), BaselineSource: "snap.csv:2",
				Current: f(430), Source: "snap.csv:3", Progress: f(0.375), Score: f(0.375), Expected: f(0.5),
				// The line through (Jan 5, 400) and (Feb 1, 430), 27 days apart, at Mar 31, 85 days after Jan 5.
				Status: progress.AtRisk, Forecast: f(400 + 30.0/27*85), Forecasted: f(1)},
		},
		{
			name: "a single snapshot gives no trend and no forecast",
			kr:   kr(withKPI("single"), baseline(380), target(480)),
			want: view{Direction: okr.Increase, Baseline: f(380),
				Current: f(400), Source: "snap.csv:2", Progress: f(0.2), Score: f(0.2), Expected: f(0.5),
				Status: progress.OffTrack},
		},
		{
			name: "snapshots on one day give no trend",
			kr:   kr(withKPI("same"), baseline(0), target(10)),
			want: view{Direction: okr.Increase, Baseline: f(0),
				Current: f(3), Source: "snap.csv:3", Progress: f(0.3), Score: f(0.3), Expected: f(0.5),
				Status: progress.AtRisk},
		},
		{
			name: "no snapshot in the window: no_data, baseline still found",
			kr:   kr(withKPI("sparse"), target(200)),
			want: view{Direction: okr.Increase, Baseline: f(100), BaselineSource: "snap.csv:2",
				Expected: f(0.5), Status: progress.NoData},
		},
		{
			name: "a KPI with no data: no baseline, no_data",
			kr:   kr(withKPI("empty"), target(200)),
			want: view{Direction: okr.Increase, Expected: f(0.5), Status: progress.NoData},
		},
		{
			name: "a KPI no document defines: no_data",
			kr:   kr(withKPI("ghost"), baseline(20), target(10)),
			want: view{Direction: okr.Decrease, Baseline: f(20), Expected: f(0.5), Status: progress.NoData},
		},

		// Manual key results.
		{
			name: "manual current",
			kr:   kr(baseline(400), target(480), current(410)),
			want: view{Direction: okr.Increase, Baseline: f(400), Current: f(410),
				Progress: f(0.125), Score: f(0.125), Expected: f(0.5), Status: progress.OffTrack},
		},
		{
			name: "manual decrease",
			kr:   kr(baseline(12), target(4), current(7)),
			want: view{Direction: okr.Decrease, Baseline: f(12), Current: f(7),
				Progress: f(0.625), Score: f(0.625), Expected: f(0.5), Status: progress.OnTrack},
		},
		{
			name: "a manual increase without baseline counts from 0",
			kr:   kr(direction(okr.Increase), target(3), current(2)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(2),
				Progress: f(2.0 / 3), Score: f(2.0 / 3), Expected: f(0.5), Status: progress.OnTrack},
		},
		{
			// "Cut open bugs to 2", current 5: counting from 0 would read it
			// as an increase already achieved.
			name: "a manual key result without baseline or direction cannot be scored",
			kr:   kr(target(2), current(5)),
			want: view{Direction: okr.Increase, Current: f(5), Expected: f(0.5), Status: progress.NoData},
		},
		{
			name: "a manual decrease without baseline cannot be scored",
			kr:   kr(direction(okr.Decrease), target(5), current(8)),
			want: view{Direction: okr.Decrease, Current: f(8), Expected: f(0.5), Status: progress.NoData},
		},
		{
			name: "manual without current: no_data",
			kr:   kr(baseline(0), target(10)),
			want: view{Direction: okr.Increase, Baseline: f(0), Expected: f(0.5), Status: progress.NoData},
		},
		{
			name: "no target: no_data",
			kr:   kr(baseline(0), current(10)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(10), Expected: f(0.5), Status: progress.NoData},
		},
		{
			name: "target equal to baseline, held",
			kr:   kr(baseline(10), target(10), current(12)),
			want: view{Direction: okr.Increase, Baseline: f(10), Current: f(12),
				Progress: f(1), Score: f(1), Expected: f(0.5), Status: progress.Achieved},
		},
		{
			name: "target equal to baseline, decrease not held",
			kr:   kr(direction(okr.Decrease), baseline(10), target(10), current(12)),
			want: view{Direction: okr.Decrease, Baseline: f(10), Current: f(12),
				Progress: f(0), Score: f(0), Expected: f(0.5), Status: progress.OffTrack},
		},
		{
			name: "at_least met exactly is achieved",
			kr:   kr(direction(okr.AtLeast), target(95), current(95)),
			want: view{Direction: okr.AtLeast, Current: f(95),
				Progress: f(1), Score: f(1), Expected: f(0.5), Status: progress.Achieved},
		},
		{
			name: "at_least below the threshold",
			kr:   kr(direction(okr.AtLeast), target(95), current(76)),
			want: view{Direction: okr.AtLeast, Current: f(76),
				Progress: f(0.8), Score: f(0.8), Expected: f(0.5), Status: progress.OnTrack},
		},
		{
			name: "at_most met exactly is achieved",
			kr:   kr(direction(okr.AtMost), target(2), current(2)),
			want: view{Direction: okr.AtMost, Current: f(2),
				Progress: f(1), Score: f(1), Expected: f(0.5), Status: progress.Achieved},
		},
		{
			name: "at_most above the threshold",
			kr:   kr(direction(okr.AtMost), target(2), current(2.5)),
			want: view{Direction: okr.AtMost, Current: f(2.5),
				Progress: f(0.8), Score: f(0.8), Expected: f(0.5), Status: progress.OnTrack},
		},
		{
			name: "an unknown direction is resolved as if omitted",
			kr:   kr(direction("down"), baseline(10), target(5), current(7.5)),
			want: view{Direction: okr.Decrease, Baseline: f(10), Current: f(7.5),
				Progress: f(0.5), Score: f(0.5), Expected: f(0.5), Status: progress.OnTrack},
		},

		// The as-of date.
		{
			name: "as-of in a time zone counts its own calendar date",
			asOf: "2026-02-14T23:30:00-05:00",
			kr:   kr(withKPI("mrr"), target(200)),
			want: view{Direction: okr.Increase, Baseline: f(100), BaselineSource: "snap.csv:2",
				Current: f(145), Source: "snap.csv:5", Progress: f(0.45), Score: f(0.45), Expected: f(0.5),
				Status: progress.OnTrack, Forecast: f(190), Forecasted: f(0.9)},
		},
		{
			name: "as-of before the period: no snapshot counts yet",
			asOf: "2025-12-31",
			kr:   kr(withKPI("mrr"), target(200)),
			want: view{Direction: okr.Increase, Baseline: f(100), BaselineSource: "snap.csv:2",
				Expected: f(0), Status: progress.NoData},
		},
		{
			name: "as-of before the period: the baseline ignores later snapshots",
			asOf: "2025-12-30",
			kr:   kr(withKPI("mrr"), target(200)),
			want: view{Direction: okr.Increase, Expected: f(0), Status: progress.NoData},
		},
		{
			name: "as-of before the period, manual",
			asOf: "2025-12-15",
			kr:   kr(baseline(0), target(100), current(10)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(10),
				Progress: f(0.1), Score: f(0.1), Expected: f(0), Status: progress.OnTrack},
		},
		{
			name: "as-of on the first day",
			asOf: "2026-01-01",
			kr:   kr(baseline(0), target(90), current(0)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(0),
				Progress: f(0), Score: f(0), Expected: f(1.0 / 90), Status: progress.OnTrack},
		},
		{
			name: "as-of on the deadline is not yet missed",
			asOf: "2026-03-31",
			kr:   kr(baseline(0), target(100), current(95)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(95),
				Progress: f(0.95), Score: f(0.95), Expected: f(1), Status: progress.OnTrack},
		},
		{
			name: "as-of after the deadline below the target: missed",
			asOf: "2026-04-10",
			kr:   kr(withKPI("mrr"), target(200)),
			want: view{Direction: okr.Increase, Baseline: f(100), BaselineSource: "snap.csv:2",
				Current: f(169), Source: "snap.csv:6", Progress: f(0.69), Score: f(0.69), Expected: f(1),
				Status: progress.Missed, Forecast: f(190), Forecasted: f(0.9)},
		},
		{
			name: "as-of after the deadline, decrease below the target: missed",
			asOf: "2026-04-10",
			kr:   kr(withKPI("cpl"), target(10)),
			want: view{Direction: okr.Decrease, Baseline: f(50), BaselineSource: "snap.csv:2",
				Current: f(15.5), Source: "snap.csv:6", Progress: f(34.5 / 40), Score: f(34.5 / 40), Expected: f(1),
				Status: progress.Missed, Forecast: f(5), Forecasted: f(1)},
		},
		{
			name: "as-of after the deadline at the target: achieved",
			asOf: "2026-04-10",
			kr:   kr(withKPI("mrr"), target(169)),
			want: view{Direction: okr.Increase, Baseline: f(100), BaselineSource: "snap.csv:2",
				Current: f(169), Source: "snap.csv:6", Progress: f(1), Score: f(1), Expected: f(1),
				Status: progress.Achieved, Forecast: f(190), Forecasted: f(1)},
		},
		{
			name: "as-of after the deadline, decrease at the target: achieved",
			asOf: "2026-04-10",
			kr:   kr(withKPI("cpl"), target(15.5)),
			want: view{Direction: okr.Decrease, Baseline: f(50), BaselineSource: "snap.csv:2",
				Current: f(15.5), Source: "snap.csv:6", Progress: f(1), Score: f(1), Expected: f(1),
				Status: progress.Achieved, Forecast: f(5), Forecasted: f(1)},
		},
		{
			name: "as-of after the deadline without data: no_data, not missed",
			asOf: "2026-04-10",
			kr:   kr(withKPI("empty"), baseline(0), target(10)),
			want: view{Direction: okr.Increase, Baseline: f(0), Expected: f(1), Status: progress.NoData},
		},

		// A deadline on the period's first day: a one-day window.
		{
			name: "deadline on the first day, as-of that day",
			asOf: "2026-01-01",
			kr:   kr(deadline("2026-01-01"), baseline(0), target(100), current(50)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(50),
				Progress: f(0.5), Score: f(0.5), Expected: f(1), Status: progress.OffTrack},
		},
		{
			name: "deadline on the first day, as-of before it",
			asOf: "2025-12-31",
			kr:   kr(deadline("2026-01-01"), baseline(0), target(100), current(50)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(50),
				Progress: f(0.5), Score: f(0.5), Expected: f(0), Status: progress.OnTrack},
		},
		{
			name: "deadline on the first day, as-of after it",
			asOf: "2026-01-02",
			kr:   kr(deadline("2026-01-01"), baseline(0), target(100), current(50)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(50),
				Progress: f(0.5), Score: f(0.5), Expected: f(1), Status: progress.Missed},
		},
		{
			name: "deadline on the first day, sum forecast over one day",
			asOf: "2026-01-01",
			kr:   kr(withKPI("signups"), deadline("2026-01-01"), target(20)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(10), Source: "snap.csv:2",
				Progress: f(0.5), Score: f(0.5), Expected: f(1), Status: progress.OffTrack,
				Forecast: f(10), Forecasted: f(0.5)},
		},
		{
			name: "a deadline before the period start (lint rejects it) does not divide by zero",
			kr:   kr(deadline("2025-12-01"), baseline(0), target(100), current(50)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(50),
				Progress: f(0.5), Score: f(0.5), Expected: f(1), Status: progress.Missed},
		},

		// Leap days: 2028-01-01 to 2028-02-29 is 60 days.
		{
			name:   "leap year: halfway on Jan 30, sum extrapolated to Feb 29",
			period: "2028-Q1", asOf: "2028-01-30",
			kr: kr(withKPI("daily"), deadline("2028-02-29"), target(60)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(30), Source: "snap.csv:31",
				Progress: f(0.5), Score: f(0.5), Expected: f(0.5), Status: progress.OnTrack,
				Forecast: f(60), Forecasted: f(1)},
		},
		{
			name:   "leap year: the leap day is the deadline and counts",
			period: "2028-Q1", asOf: "2028-02-29",
			kr: kr(withKPI("daily"), deadline("2028-02-29"), target(60)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(60), Source: "snap.csv:61",
				Progress: f(1), Score: f(1), Expected: f(1), Status: progress.Achieved,
				Forecast: f(60), Forecasted: f(1)},
		},
		{
			name:   "leap year: the day after the leap day is past the deadline",
			period: "2028-Q1", asOf: "2028-03-01",
			kr: kr(withKPI("daily"), deadline("2028-02-29"), target(61)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(60), Source: "snap.csv:61",
				Progress: f(60.0 / 61), Score: f(60.0 / 61), Expected: f(1), Status: progress.Missed,
				Forecast: f(60), Forecasted: f(60.0 / 61)},
		},

		// A window that cannot be resolved (lint reports the period or deadline).
		{
			name:   "unknown period: time cannot be judged",
			period: "2026-Q9",
			kr:     kr(baseline(0), target(10), current(5)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(5),
				Progress: f(0.5), Score: f(0.5), Status: progress.NoData},
		},
		{
			name:   "unknown period: achievement still counts",
			period: "2026-Q9",
			kr:     kr(baseline(0), target(10), current(10)),
			want: view{Direction: okr.Increase, Baseline: f(0), Current: f(10),
				Progress: f(1), Score: f(1), Status: progress.Achieved},
		},
		{
			name: "an invalid deadline: no snapshot is selected",
			kr:   kr(withKPI("mrr"), deadline("2026-02-30"), target(200)),
			want: view{Direction: okr.Increase, Status: progress.NoData},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			period, asOf := tt.period, tt.asOf
			if period == "" {
				period = "2026-Q1"
			}
			if asOf == "" {
				asOf = "2026-02-14"
			}
			o := objective(t, period, tt.kr)
			e := &progress.Engine{AsOf: asOfTime(t, asOf), Gaps: progress.DefaultGaps(), KPIs: testKPIs(), Series: testSeries(t)}
			if d := diff(tt.want, viewOf(e.KeyResult(o, tt.kr))); d != "" {
				t.Errorf("KeyResult (-want +got):\n%s", d)
			}
		})
	}
}

// TestKeyResultAllFields checks every field of one result, including the
// window, the deadline and the points kept for trend charts.
func TestKeyResultAllFields(t *testing.T) {
	k := kr(withKPI("mrr"), target(200), weight(2), deadline("2026-03-15"))
	k.ID, k.Title = "mrr", "Grow MRR from 100 to 200"
	o := objective(t, "2026-Q1", k)
	series := testSeries(t)
	e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps(), KPIs: testKPIs(), Series: series}
	got := e.KeyResult(o, k)
	// 45 of the 74 days from Jan 1 to Mar 15; the trend line reaches 101 + 73.
	want := progress.KRResult{
		KR: k, ID: "mrr", Title: "Grow MRR from 100 to 200", KPI: "mrr",
		Direction: okr.Increase,
		Baseline:  f(100), Target: f(200), Current: f(145),
		BaselineSource: "snap.csv:2", Source: "snap.csv:5",
		Deadline: date(t, "2026-03-15"), WindowStart: date(t, "2026-01-01"),
		Progress: f(0.45), Score: f(0.45), Expected: f(45.0 / 74),
		Status:   progress.AtRisk, // 0.45 < 45/74 − 0.10
		Forecast: f(174), ForecastScore: f(0.74),
		// 0.74 misses the target by more than the at-risk gap of 0.10.
		ForecastMeetsTarget: ptrBool(false), ForecastShort: true,
		DataEnds: date(t, "2026-02-14"),
		Points:   series["mrr"][1:4],
	}
	if d := diff(want, got); d != "" {
		t.Errorf("KeyResult (-want +got):\n%s", d)
	}

	// The result must not alias the model or the store.
	*got.Target = 0
	got.Points[0].Value = -1
	if *k.Target != 200 {
		t.Errorf("changing the result's target changed the key result's to %v", *k.Target)
	}
	if series["mrr"][1].Value != 110 {
		t.Errorf("changing the result's points changed the series to %v", series["mrr"][1].Value)
	}
}

// TestKeyResultWithoutSeries checks that an engine with no snapshots at all
// reports no_data for KPI-backed key results instead of failing.
func TestKeyResultWithoutSeries(t *testing.T) {
	k := kr(withKPI("mrr"), baseline(100), target(200))
	e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps(), KPIs: testKPIs()}
	r := e.KeyResult(objective(t, "2026-Q1", k), k)
	if r.Status != progress.NoData || r.Current != nil || r.Points != nil {
		t.Errorf("got status %s, current %v, points %v; want no_data, nil, nil", r.Status, r.Current, r.Points)
	}
}

func TestAggregations(t *testing.T) {
	// Four snapshots in the window up to Feb 14, one before it and one after
	// the as-of date. Their least-squares line, with days counted from Jan 10
	// (0, 10, 22, 31; mean 15.75) and values 4, 8, 2, 6 (mean 5), has the
	// slope −5 / 552.75; the deadline is day 80.
	trend := 5 - 5/552.75*(80-15.75)
	snaps := points(t,
		snap{"2025-12-20", 5, 2}, snap{"2026-01-10", 4, 3}, snap{"2026-01-20", 8, 4},
		snap{"2026-02-01", 2, 5}, snap{"2026-02-10", 6, 6}, snap{"2026-03-01", 100, 7})
	tests := []struct {
		agg  string
		want view
	}{
		{"", view{Direction: okr.Increase, Baseline: f(5), BaselineSource: "snap.csv:2",
			Current: f(6), Source: "snap.csv:6", Progress: f(0.2), Score: f(0.2), Expected: f(0.5),
			Status: progress.OffTrack, Forecast: f(trend), Forecasted: f(0)}},
		{"last", view{Direction: okr.Increase, Baseline: f(5), BaselineSource: "snap.csv:2",
			Current: f(6), Source: "snap.csv:6", Progress: f(0.2), Score: f(0.2), Expected: f(0.5),
			Status: progress.OffTrack, Forecast: f(trend), Forecasted: f(0)}},
		// sum: baseline 0; forecast 20 × 90 days / 45 days.
		{"sum", view{Direction: okr.Increase, Baseline: f(0),
			Current: f(20), Source: "snap.csv:6", Progress: f(2), Score: f(1), Expected: f(0.5),
			Status: progress.Achieved, Forecast: f(40), Forecasted: f(1)}},
		{"avg", view{Direction: okr.Increase, Baseline: f(5), BaselineSource: "snap.csv:2",
			Current: f(5), Source: "snap.csv:6", Progress: f(0), Score: f(0), Expected: f(0.5),
			Status: progress.OffTrack, Forecast: f(trend), Forecasted: f(0)}},
		{"min", view{Direction: okr.Increase, Baseline: f(5), BaselineSource: "snap.csv:2",
			Current: f(2), Source: "snap.csv:5", Progress: f(-0.6), Score: f(0), Expected: f(0.5),
			// The trend (4.42) is above the lowest so far, which cannot rise.
			Status: progress.OffTrack, Forecast: f(2), Forecasted: f(0)}},
		{"max", view{Direction: okr.Increase, Baseline: f(5), BaselineSource: "snap.csv:2",
			Current: f(8), Source: "snap.csv:4", Progress: f(0.6), Score: f(0.6), Expected: f(0.5),
			// The trend (4.42) is below the highest so far, which cannot fall.
			Status: progress.OnTrack, Forecast: f(8), Forecasted: f(0.6)}},
		{"median", view{Direction: okr.Increase, Baseline: f(5), BaselineSource: "snap.csv:2",
			Expected: f(0.5), Status: progress.NoData}},
	}
	for _, tt := range tests {
		t.Run("agg="+tt.agg, func(t *testing.T) {
			k := kr(withKPI("k"), target(10))
			e := &progress.Engine{
				AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps(),
				KPIs:   map[string]*okr.KPI{"k": kpiDef("k", tt.agg)},
				Series: fakeSeries{"k": snaps},
			}
			if d := diff(tt.want, viewOf(e.KeyResult(objective(t, "2026-Q1", k), k))); d != "" {
				t.Errorf("KeyResult (-want +got):\n%s", d)
			}
		})
	}
}

func TestProgress(t *testing.T) {
	tests := []struct {
		name                      string
		dir                       okr.Direction
		baseline, target, current float64
		want                      float64
		ok                        bool
	}{
		{"increase halfway", okr.Increase, 400, 480, 440, 0.5, true},
		{"increase at baseline", okr.Increase, 400, 480, 400, 0, true},
		{"increase at target", okr.Increase, 400, 480, 480, 1, true},
		{"increase past target", okr.Increase, 400, 480, 520, 1.5, true},
		{"increase the wrong way", okr.Increase, 400, 480, 360, -0.5, true},
		{"increase across zero", okr.Increase, -10, 10, 0, 0.5, true},
		{"decrease halfway", okr.Decrease, 50, 30, 40, 0.5, true},
		{"decrease at baseline", okr.Decrease, 50, 30, 50, 0, true},
		{"decrease at target", okr.Decrease, 50, 30, 30, 1, true},
		{"decrease past target", okr.Decrease, 50, 30, 20, 1.5, true},
		{"decrease the wrong way", okr.Decrease, 50, 30, 60, -0.5, true},
		{"decrease of negative values", okr.Decrease, -10, -20, -15, 0.5, true},
		{"decrease to zero", okr.Decrease, 8, 0, 2, 0.75, true},
		{"increase, target = baseline, held", okr.Increase, 10, 10, 10, 1, true},
		{"increase, target = baseline, lost", okr.Increase, 10, 10, 9, 0, true},
		{"decrease, target = baseline, held", okr.Decrease, 10, 10, 9, 1, true},
		{"decrease, target = baseline, lost", okr.Decrease, 10, 10, 11, 0, true},
		{"at_least met exactly", okr.AtLeast, 0, 95, 95, 1, true},
		{"at_least above", okr.AtLeast, 0, 95, 99, 1, true},
		{"at_least below", okr.AtLeast, 0, 95, 76, 0.8, true},
		{"at_least ignores the baseline", okr.AtLeast, 90, 95, 76, 0.8, true},
		{"at_least below zero", okr.AtLeast, 0, 10, -5, -0.5, true},
		{"at_least zero target missed", okr.AtLeast, 0, 0, -1, 0, true},
		{"at_least negative target missed", okr.AtLeast, 0, -5, -10, 0, true},
		{"at_least negative target met", okr.AtLeast, 0, -5, -5, 1, true},
		{"at_most met exactly", okr.AtMost, 0, 2, 2, 1, true},
		{"at_most below", okr.AtMost, 0, 2, 1, 1, true},
		{"at_most above", okr.AtMost, 0, 2, 2.5, 0.8, true},
		{"at_most zero target missed", okr.AtMost, 0, 0, 1, 0, true},
		{"at_most negative target missed", okr.AtMost, 0, -1, 0, 0, true},
		{"at_most negative target met", okr.AtMost, 0, -1, -2, 1, true},
		{"unknown direction", "sideways", 0, 10, 5, 0, false},
		{"ratio beyond the range is the largest float", okr.Increase, 0, 1e-320, 1e300, math.MaxFloat64, true},
		{"span beyond the range is halved", okr.Increase, -1.7e308, 1.7e308, 0, 0.5, true},
		{"subnormal span", okr.Increase, 5e-324, 1e-323, 1, math.MaxFloat64, true},
		{"infinite input", okr.Increase, 0, 10, math.Inf(1), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := progress.Progress(tt.dir, tt.baseline, tt.target, tt.current)
			if ok != tt.ok || math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("Progress(%s, %v, %v, %v) = %v, %v; want %v, %v",
					tt.dir, tt.baseline, tt.target, tt.current, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestElapsedShare(t *testing.T) {
	tests := []struct {
		name             string
		start, end, asOf string
		want             float64
	}{
		{"before the start", "2026-01-01", "2026-03-31", "2025-12-31", 0},
		{"the first day counts", "2026-01-01", "2026-03-31", "2026-01-01", 1.0 / 90},
		{"halfway", "2026-01-01", "2026-03-31", "2026-02-14", 0.5},
		{"the day before the end", "2026-01-01", "2026-03-31", "2026-03-30", 89.0 / 90},
		{"the end", "2026-01-01", "2026-03-31", "2026-03-31", 1},
		{"after the end", "2026-01-01", "2026-03-31", "2027-01-01", 1},
		{"one-day window, before", "2026-01-01", "2026-01-01", "2025-12-31", 0},
		{"one-day window, on it", "2026-01-01", "2026-01-01", "2026-01-01", 1},
		{"end before start, before the end", "2026-01-01", "2025-12-01", "2025-11-30", 0},
		{"end before start, after the end", "2026-01-01", "2025-12-01", "2025-12-15", 1},
		{"leap year, the leap day", "2028-01-01", "2028-03-31", "2028-02-29", 60.0 / 91},
		{"leap day deadline, halfway", "2028-01-01", "2028-02-29", "2028-01-30", 0.5},
		{"common year, Feb 28", "2027-01-01", "2027-02-28", "2027-01-30", 30.0 / 59},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := progress.ElapsedShare(date(t, tt.start), date(t, tt.end), date(t, tt.asOf))
			if math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("ElapsedShare(%s, %s, %s) = %v; want %v", tt.start, tt.end, tt.asOf, got, tt.want)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name            string
		gaps            progress.Gaps
		score, expected float64
		want            progress.Status
	}{
		{"ahead", progress.DefaultGaps(), 0.8, 0.5, progress.OnTrack},
		{"on_track threshold met exactly", progress.DefaultGaps(), 0.4, 0.5, progress.OnTrack},
		{"just below on_track", progress.DefaultGaps(), 0.39, 0.5, progress.AtRisk},
		{"at_risk threshold met exactly", progress.DefaultGaps(), 0.25, 0.5, progress.AtRisk},
		{"just below at_risk", progress.DefaultGaps(), 0.24, 0.5, progress.OffTrack},
		{"thresholds below zero", progress.DefaultGaps(), 0, 0.1, progress.OnTrack},
		{"tighter gaps: was on_track", progress.Gaps{AtRisk: 0.05, OffTrack: 0.1}, 0.42, 0.5, progress.AtRisk},
		{"tighter gaps: was at_risk", progress.Gaps{AtRisk: 0.05, OffTrack: 0.1}, 0.3, 0.5, progress.OffTrack},
		{"looser gaps: was off_track", progress.Gaps{AtRisk: 0.2, OffTrack: 0.4}, 0.2, 0.5, progress.AtRisk},
		{"zero gaps", progress.Gaps{}, 0.5, 0.5, progress.OnTrack},
		{"zero gaps, just behind", progress.Gaps{}, 0.49, 0.5, progress.OffTrack},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.gaps.Classify(tt.score, tt.expected); got != tt.want {
				t.Errorf("%+v.Classify(%v, %v) = %s; want %s", tt.gaps, tt.score, tt.expected, got, tt.want)
			}
		})
	}
}

// TestGapsFromConfig checks that configured gaps change a key result's status
// through the engine: score 0.45 against expected 0.5.
func TestGapsFromConfig(t *testing.T) {
	tests := []struct {
		gaps progress.Gaps
		want progress.Status
	}{
		{progress.DefaultGaps(), progress.OnTrack},
		{progress.Gaps{AtRisk: 0.05, OffTrack: 0.2}, progress.OnTrack}, // exactly on the threshold
		{progress.Gaps{AtRisk: 0.02, OffTrack: 0.05}, progress.AtRisk},
		{progress.Gaps{AtRisk: 0.02, OffTrack: 0.04}, progress.OffTrack},
	}
	for _, tt := range tests {
		k := kr(baseline(0), target(100), current(45))
		e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: tt.gaps}
		if got := e.KeyResult(objective(t, "2026-Q1", k), k).Status; got != tt.want {
			t.Errorf("gaps %+v: status %s; want %s", tt.gaps, got, tt.want)
		}
	}
}
