package progress_test

import (
	"testing"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// objectiveView is the part of an ObjectiveResult the tests compare.
type objectiveView struct {
	Score, Expected float64
	Status          progress.Status
	NoData          int
	KeyResults      []progress.Status
	CommittedMiss   bool
}

func TestObjective(t *testing.T) {
	// As of Feb 14, half of Q1 has elapsed.
	mixed := func() []*okr.KeyResult {
		return []*okr.KeyResult{
			kr(weight(2), baseline(0), target(100), current(60)),             // 0.6, expected 0.5
			kr(baseline(0), target(10), current(2)),                          // 0.2, expected 0.5
			kr(withKPI("ghost"), baseline(0), target(10)),                    // no_data, expected 0.5
			kr(deadline("2026-01-31"), baseline(0), target(10), current(10)), // achieved, expected 1
		}
	}
	// Score over the measured key results (2×0.6 + 0.2 + 1) / 4 = 0.6;
	// expected over all of them (2×0.5 + 0.5 + 0.5 + 1) / 5 = 0.6.
	mixedStatuses := []progress.Status{progress.OnTrack, progress.OffTrack, progress.NoData, progress.Achieved}
	tests := []struct {
		name       string
		commitment string
		asOf       string // default 2026-02-14
		gaps       *progress.Gaps
		krs        []*okr.KeyResult
		want       objectiveView
	}{
		{
			name: "weighted mean over the measured KRs, deadlines differ",
			krs:  mixed(),
			want: objectiveView{Score: 0.6, Expected: 0.6, Status: progress.OnTrack, NoData: 1, KeyResults: mixedStatuses},
		},
		{
			name: "gaps from the configuration change the status",
			gaps: &progress.Gaps{AtRisk: 0.15, OffTrack: 0.3},
			krs:  mixed(),
			want: objectiveView{Score: 0.6, Expected: 0.6, Status: progress.OnTrack, NoData: 1,
				KeyResults: []progress.Status{progress.OnTrack, progress.AtRisk, progress.NoData, progress.Achieved}},
		},
		{
			name: "a heavy key result dominates the mean",
			krs: []*okr.KeyResult{
				kr(weight(3), baseline(50), target(30), current(30)),
				kr(baseline(50), target(30), current(55)),
			},
			want: objectiveView{Score: 0.75, Expected: 0.5, Status: progress.OnTrack,
				KeyResults: []progress.Status{progress.Achieved, progress.OffTrack}},
		},
		{
			name: "every key result achieved, before the end",
			krs: []*okr.KeyResult{
				kr(baseline(0), target(10), current(10)),
				kr(baseline(50), target(30), current(25)),
				kr(direction(okr.AtMost), target(2), current(2)),
			},
			want: objectiveView{Score: 1, Expected: 0.5, Status: progress.Achieved,
				KeyResults: []progress.Status{progress.Achieved, progress.Achieved, progress.Achieved}},
		},
		{
			name: "every key result achieved, after the end",
			asOf: "2026-04-01",
			krs: []*okr.KeyResult{
				kr(baseline(0), target(10), current(10)),
				kr(baseline(50), target(30), current(25)),
			},
			want: objectiveView{Score: 1, Expected: 1, Status: progress.Achieved,
				KeyResults: []progress.Status{progress.Achieved, progress.Achieved}},
		},
		{
			name: "aspirational, after the end below 1: missed, not called out",
			asOf: "2026-04-01",
			krs: []*okr.KeyResult{
				kr(baseline(0), target(10), current(10)),
				kr(baseline(50), target(30), current(36)),
			},
			want: objectiveView{Score: 0.85, Expected: 1, Status: progress.Missed,
				KeyResults: []progress.Status{progress.Achieved, progress.Missed}},
		},
		{
			name:       "committed, after the end below 1: missed and called out",
			commitment: okr.Committed,
			asOf:       "2026-04-01",
			krs: []*okr.KeyResult{
				kr(baseline(0), target(10), current(10)),
				kr(baseline(50), target(30), current(36)),
			},
			want: objectiveView{Score: 0.85, Expected: 1, Status: progress.Missed, CommittedMiss: true,
				KeyResults: []progress.Status{progress.Achieved, progress.Missed}},
		},
		{
			name:       "committed, during the period: the gap rule",
			commitment: okr.Committed,
			krs: []*okr.KeyResult{
				kr(baseline(0), target(10), current(5)),
				kr(baseline(50), target(30), current(42)),
			},
			want: objectiveView{Score: 0.45, Expected: 0.5, Status: progress.OnTrack,
				KeyResults: []progress.Status{progress.OnTrack, progress.OnTrack}},
		},
		{
			name:       "committed, achieved",
			commitment: okr.Committed,
			asOf:       "2026-04-01",
			krs:        []*okr.KeyResult{kr(baseline(0), target(10), current(10))},
			want: objectiveView{Score: 1, Expected: 1, Status: progress.Achieved,
				KeyResults: []progress.Status{progress.Achieved}},
		},
		{
			name: "every key result no_data",
			krs: []*okr.KeyResult{
				kr(withKPI("ghost"), baseline(0), target(10)),
				kr(baseline(0), target(10)),
			},
			want: objectiveView{Score: 0, Expected: 0.5, Status: progress.NoData, NoData: 2,
				KeyResults: []progress.Status{progress.NoData, progress.NoData}},
		},
		{
			name: "every key result no_data, after the end: still no_data",
			asOf: "2026-04-01",
			krs:  []*okr.KeyResult{kr(withKPI("ghost"), baseline(0), target(10))},
			want: objectiveView{Score: 0, Expected: 1, Status: progress.NoData, NoData: 1,
				KeyResults: []progress.Status{progress.NoData}},
		},
		{
			name: "no key results: no_data, the period's elapsed share",
			want: objectiveView{Score: 0, Expected: 0.5, Status: progress.NoData, KeyResults: []progress.Status{}},
		},
		{
			name: "an invalid deadline counts the period's elapsed share",
			krs: []*okr.KeyResult{
				kr(deadline("2026-02-30"), baseline(0), target(10), current(5)),
				kr(baseline(0), target(10), current(5)),
			},
			want: objectiveView{Score: 0.5, Expected: 0.5, Status: progress.OnTrack, NoData: 1,
				KeyResults: []progress.Status{progress.NoData, progress.OnTrack}},
		},
		{
			name: "a zero weight counts as the default 1",
			krs: []*okr.KeyResult{
				kr(weight(0), baseline(0), target(10), current(10)),
				kr(baseline(0), target(10), current(0)),
			},
			want: objectiveView{Score: 0.5, Expected: 0.5, Status: progress.OnTrack,
				KeyResults: []progress.Status{progress.Achieved, progress.OffTrack}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asOf := tt.asOf
			if asOf == "" {
				asOf = "2026-02-14"
			}
			gaps := progress.DefaultGaps()
			if tt.gaps != nil {
				gaps = *tt.gaps
			}
			o := objective(t, "2026-Q1", tt.krs...)
			o.Commitment = tt.commitment
			e := &progress.Engine{AsOf: date(t, asOf), Gaps: gaps, KPIs: testKPIs(), Series: testSeries(t)}
			r := e.Objective(o)
			got := objectiveView{Score: r.Score, Expected: r.Expected, Status: r.Status, NoData: r.NoData,
				KeyResults: []progress.Status{}, CommittedMiss: r.CommittedMiss()}
			for i, k := range r.KeyResults {
				got.KeyResults = append(got.KeyResults, k.Status)
				if k.KR != o.KeyResults[i] {
					t.Errorf("KeyResults[%d] is for %p, want %p", i, k.KR, o.KeyResults[i])
				}
			}
			if r.Objective != o {
				t.Errorf("Objective is %p, want %p", r.Objective, o)
			}
			if d := diff(tt.want, got); d != "" {
				t.Errorf("Objective (-want +got):\n%s", d)
			}
		})
	}
}

func TestObjectiveUnknownPeriod(t *testing.T) {
	tests := []struct {
		name string
		krs  []*okr.KeyResult
		want progress.Status
	}{
		{"not all achieved", []*okr.KeyResult{kr(baseline(0), target(10), current(10)), kr(baseline(0), target(10), current(5))}, progress.NoData},
		{"all achieved", []*okr.KeyResult{kr(baseline(0), target(10), current(10))}, progress.Achieved},
	}
	for _, tt := range tests {
		o := objective(t, "2026-Q9", tt.krs...)
		e := &progress.Engine{AsOf: date(t, "2026-02-14"), Gaps: progress.DefaultGaps()}
		if got := e.Objective(o); got.Status != tt.want || got.Expected != 0 {
			t.Errorf("%s: status %s, expected %v; want %s, 0", tt.name, got.Status, got.Expected, tt.want)
		}
	}
}
