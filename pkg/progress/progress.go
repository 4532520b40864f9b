package progress

import (
	"math"
	"slices"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// Status is the state of a key result or an objective at the as-of date.
type Status string

// The statuses of SPEC §4, spelled as the JSON output spells them.
const (
	Achieved Status = "achieved"
	Missed   Status = "missed"
	NoData   Status = "no_data"
	OnTrack  Status = "on_track"
	AtRisk   Status = "at_risk"
	OffTrack Status = "off_track"
)

// Statuses lists every status, best first, for documentation and legends.
func Statuses() []Status {
	return []Status{Achieved, OnTrack, AtRisk, OffTrack, Missed, NoData}
}

// Gaps are the status thresholds: a score at least expected − AtRisk is
// on_track, at least expected − OffTrack is at_risk, lower is off_track. They
// come from .okrctl.yaml's status.at_risk_gap and status.off_track_gap.
type Gaps struct{ AtRisk, OffTrack float64 }

// DefaultGaps returns the gaps used without configuration: 0.10 and 0.25.
func DefaultGaps() Gaps { return Gaps{AtRisk: 0.10, OffTrack: 0.25} }

// Classify applies the gap rule alone: on_track, at_risk or off_track for a
// score against the expected score.
func (g Gaps) Classify(score, expected float64) Status {
	switch {
	case score+epsilon >= expected-g.AtRisk:
		return OnTrack
	case score+epsilon >= expected-g.OffTrack:
		return AtRisk
	}
	return OffTrack
}

// epsilon absorbs floating-point rounding in threshold comparisons, so that
// a score that equals a threshold on paper (0.4 against 0.5 − 0.1) meets it.
const epsilon = 1e-9

// Series gives a KPI's snapshots, sorted by day, and where a snapshot came
// from as "file:line". *kpi.Store satisfies it.
type Series interface {
	Series(kpi string) []kpi.Point
	Source(p kpi.Point) string
}

// KRResult is the progress of one key result at the as-of date. Pointers are
// nil where a value is unknown; they never alias the model's values.
type KRResult struct {
	KR        *okr.KeyResult
	ID        string
	Title     string
	KPI       string
	Direction okr.Direction // resolved: as written, else from baseline and target

	Baseline *float64 // as written, else resolved (see the package documentation)
	Target   *float64
	Current  *float64
	// BaselineSource and Source are the "file:line" of the snapshot that gave
	// Baseline and Current; "" for a value written in the YAML or defaulted.
	BaselineSource string
	Source         string

	Deadline    time.Time // the key result's deadline, else its period's end; zero if neither is known
	WindowStart time.Time // the start of the objective's period; zero if unknown

	Progress *float64 // raw: below 0 when moving the wrong way, above 1 past the target
	Score    *float64 // Progress clamped to [0, 1]
	Expected *float64 // elapsed share of the window, in [0, 1]
	Status   Status

	Forecast      *float64 // the value expected at the deadline
	ForecastScore *float64 // the score Forecast would give

	// Points are the KPI's snapshots in the window up to the as-of date,
	// sorted by day, for trend charts; nil for a key result without a KPI.
	Points []kpi.Point
}

// ObjectiveResult is the progress of one objective at the as-of date.
type ObjectiveResult struct {
	Objective  *okr.Objective
	Score      float64 // weighted mean of the key results' scores, no_data counting 0
	Expected   float64 // weighted mean of the key results' expected scores
	Status     Status
	NoData     int // how many key results are no_data (counted as 0 in Score)
	KeyResults []KRResult
}

// CommittedMiss reports whether the objective is committed and missed: the
// case SPEC §2.1 says reports must call out. An aspirational objective that
// ends below 1.0 is missed too, but that is its expected outcome.
func (r ObjectiveResult) CommittedMiss() bool {
	return r.Status == Missed && r.Objective != nil && r.Objective.IsCommitted()
}

// Engine computes progress at one as-of date. It does no I/O: the caller
// loads the KPI definitions and snapshots. The zero Gaps is the strictest
// setting, not the default; use DefaultGaps or the configuration. An Engine
// is never modified by its methods, so it may be used from several goroutines
// when its Series may.
type Engine struct {
	// AsOf is the as-of date; its calendar date in its own location counts,
	// and the whole day is included (snapshots dated AsOf count).
	AsOf   time.Time
	Gaps   Gaps
	KPIs   map[string]*okr.KPI // KPI definitions by id
	Series Series              // snapshots; nil means none
}

// KeyResult computes the progress of key result kr of objective o. A nil o
// has no period, so time cannot be judged.
func (e *Engine) KeyResult(o *okr.Objective, kr *okr.KeyResult) KRResult {
	r := KRResult{KR: kr, ID: kr.ID, Title: kr.Title, KPI: kr.KPI, Target: clone(kr.Target)}
	var period okr.Period
	if o != nil {
		period = o.Period
	}
	asOf := kpi.DayOf(e.AsOf)
	r.WindowStart = period.Start
	deadline, hasDeadline := kr.DeadlineIn(period)
	if hasDeadline {
		r.Deadline = deadline
	}
	// timed: the window is known, so snapshots can be selected and time
	// judged. Without it only the manual current and achievement remain.
	timed := !period.Start.IsZero() && hasDeadline
	var start, end kpi.Day
	if timed {
		start, end = kpi.DayOf(period.Start), kpi.DayOf(deadline)
	}

	var agg kpi.Aggregation // "" for a key result without a (defined) KPI
	switch k := e.KPIs[kr.KPI]; {
	case kr.KPI == "":
		r.Current = clone(kr.Current)
	case k == nil:
		// An undefined KPI gives no snapshots: no_data (lint reports unknown-kpi).
	default:
		agg = kpi.Aggregation(k.Agg())
		if timed {
			if pts := kpi.Window(e.series(kr.KPI), start, min(end, asOf)); len(pts) > 0 {
				r.Points = slices.Clone(pts)
			}
			if v, from, ok := kpi.Aggregate(r.Points, agg); ok {
				r.Current = ptr(v)
				r.Source = e.Series.Source(from)
			}
		}
	}
	r.Baseline, r.BaselineSource = e.Baseline(o, kr)
	r.Direction = ResolveDirection(kr.Direction, r.Baseline, r.Target)

	if r.Current != nil {
		r.Progress = r.progressOf(*r.Current)
		r.Score = clamp01(r.Progress)
	}
	if timed {
		r.Expected = ptr(elapsedShare(start, end, asOf))
		r.Forecast = forecast(agg, r.Current, r.Points, start, end, asOf)
		if r.Forecast != nil {
			r.ForecastScore = clamp01(r.progressOf(*r.Forecast))
		}
	}

	switch {
	case r.Score == nil:
		r.Status = NoData
	case *r.Score >= 1-epsilon:
		r.Status = Achieved
	case !timed:
		r.Status = NoData // time cannot be judged; lint reports the deadline
	case asOf > end:
		r.Status = Missed
	default:
		r.Status = e.Gaps.Classify(*r.Score, *r.Expected)
	}
	return r
}

// Objective computes the progress of objective o (not nil) and of each of
// its key results, in order.
func (e *Engine) Objective(o *okr.Objective) ObjectiveResult {
	res := ObjectiveResult{Objective: o, KeyResults: make([]KRResult, 0, len(o.KeyResults))}
	asOf := kpi.DayOf(e.AsOf)
	var periodShare float64
	if o.HasPeriod() {
		periodShare = elapsedShare(kpi.DayOf(o.Period.Start), kpi.DayOf(o.Period.End), asOf)
	}
	var weights, scores, expecteds float64
	achieved := 0
	for _, kr := range o.KeyResults {
		r := e.KeyResult(o, kr)
		w := kr.Weight
		if !(w > 0) || math.IsInf(w, 0) {
			w = 1 // the model's default; a weight the schema rejects must not sink the mean
		}
		weights += w
		if r.Score != nil {
			scores += w * *r.Score
		}
		if r.Expected != nil {
			expecteds += w * *r.Expected
		} else {
			expecteds += w * periodShare
		}
		switch r.Status {
		case NoData:
			res.NoData++
		case Achieved:
			achieved++
		}
		res.KeyResults = append(res.KeyResults, r)
	}
	res.Expected = periodShare
	if weights > 0 {
		res.Score = scores / weights
		res.Expected = expecteds / weights
	}

	n := len(res.KeyResults)
	switch {
	case n == 0 || res.NoData == n:
		res.Status = NoData
	case achieved == n:
		res.Status = Achieved
	case !o.HasPeriod():
		res.Status = NoData
	case asOf > kpi.DayOf(o.Period.End):
		res.Status = Missed
	default:
		res.Status = e.Gaps.Classify(res.Score, res.Expected)
	}
	return res
}

// Baseline resolves key result kr's baseline as KeyResult does, without
// the rest of its work: the written one, else the default of SPEC §4 (0 for
// a sum KPI, else the latest snapshot on or before the window start, else
// the first in the window), with the snapshot it came from. A manual key
// result counts from 0 only when its direction is written increase: with
// no direction it might as well be a decrease ("cut open bugs to 2",
// current 5), which guessing would call achieved. nil when unknown.
func (e *Engine) Baseline(o *okr.Objective, kr *okr.KeyResult) (baseline *float64, source string) {
	if kr.Baseline != nil {
		return clone(kr.Baseline), ""
	}
	k := e.KPIs[kr.KPI]
	switch {
	case kr.KPI == "":
		if kr.Direction == okr.Increase {
			return ptr(0), ""
		}
		return nil, ""
	case k == nil:
		return nil, ""
	case kpi.Aggregation(k.Agg()) == kpi.AggSum:
		return ptr(0), ""
	}
	var period okr.Period
	if o != nil {
		period = o.Period
	}
	deadline, hasDeadline := kr.DeadlineIn(period)
	if period.Start.IsZero() || !hasDeadline {
		return nil, ""
	}
	start, end, asOf := kpi.DayOf(period.Start), kpi.DayOf(deadline), kpi.DayOf(e.AsOf)
	series := e.series(kr.KPI)
	if p, ok := baselinePoint(series, kpi.Window(series, start, min(end, asOf)), start, asOf); ok {
		return ptr(p.Value), e.Series.Source(p)
	}
	return nil, ""
}

// series returns a KPI's snapshots, none without Series.
func (e *Engine) series(id string) []kpi.Point {
	if e.Series == nil {
		return nil
	}
	return e.Series.Series(id)
}

// baselinePoint finds the snapshot that gives an omitted baseline: the latest
// dated on or before the window start, else the first in the window. Neither
// may be dated after the as-of date: a report as of a past date uses only
// what was known then.
func baselinePoint(series, window []kpi.Point, start, asOf kpi.Day) (kpi.Point, bool) {
	if before := kpi.Window(series, math.MinInt32, min(start, asOf)); len(before) > 0 {
		return before[len(before)-1], true
	}
	if len(window) > 0 {
		return window[0], true
	}
	return kpi.Point{}, false
}

// ResolveDirection is the written direction, else decrease when the target
// is below the (resolved) baseline, else increase. A direction the schema
// rejects is treated as omitted.
func ResolveDirection(written okr.Direction, baseline, target *float64) okr.Direction {
	switch written {
	case okr.Increase, okr.Decrease, okr.AtLeast, okr.AtMost:
		return written
	}
	if baseline != nil && target != nil && *target < *baseline {
		return okr.Decrease
	}
	return okr.Increase
}

// progressOf is the raw progress that value would give, nil when it cannot be
// computed (no target, or no baseline for increase and decrease).
func (r *KRResult) progressOf(value float64) *float64 {
	if r.Target == nil {
		return nil
	}
	var baseline float64
	if r.Direction == okr.Increase || r.Direction == okr.Decrease {
		if r.Baseline == nil {
			return nil
		}
		baseline = *r.Baseline
	}
	p, ok := Progress(r.Direction, baseline, *r.Target, value)
	if !ok {
		return nil
	}
	return &p
}

// Progress is the raw progress of a key result (SPEC §4), unclamped: for
// increase and decrease (current − baseline) / (target − baseline), which is
// right both ways because numerator and denominator share their sign when
// moving toward the target; for at_least 1 when current ≥ target, else
// current / target; for at_most 1 when current ≤ target, else target /
// current. baseline is ignored by at_least and at_most.
//
// Where a ratio would be meaningless, progress is a step, 1 when the target
// is met and 0 otherwise: increase and decrease with target == baseline
// (lint reports it as measurable), at_least with a target ≤ 0 and at_most
// with a target < 0. ok is false for an unknown direction or a non-finite
// result.
func Progress(dir okr.Direction, baseline, target, current float64) (progress float64, ok bool) {
	switch dir {
	case okr.Increase, okr.Decrease:
		if target == baseline {
			if dir == okr.Increase && current >= target || dir == okr.Decrease && current <= target {
				return 1, true
			}
			return 0, true
		}
		progress = (current - baseline) / (target - baseline)
	case okr.AtLeast:
		switch {
		case current >= target:
			return 1, true
		case target <= 0:
			return 0, true
		}
		progress = current / target
	case okr.AtMost:
		switch {
		case current <= target:
			return 1, true
		case target < 0:
			return 0, true
		}
		progress = target / current // current > target ≥ 0
	default:
		return 0, false
	}
	if math.IsNaN(progress) || math.IsInf(progress, 0) {
		return 0, false
	}
	return progress, true
}

// ElapsedShare is the share of the window from start to end (calendar dates,
// both inclusive) that has elapsed at the end of day asOf, in [0, 1]: 0 before
// start, 1 on or after end, else (asOf − start + 1) / (end − start + 1) in
// days.
func ElapsedShare(start, end, asOf time.Time) float64 {
	return elapsedShare(kpi.DayOf(start), kpi.DayOf(end), kpi.DayOf(asOf))
}

func elapsedShare(start, end, asOf kpi.Day) float64 {
	switch {
	case asOf >= end: // also a window that ends before it starts
		return 1
	case asOf < start:
		return 0
	}
	// start ≤ asOf < end, so the denominator is at least 2.
	return float64(int64(asOf)-int64(start)+1) / float64(int64(end)-int64(start)+1)
}

// forecast is the value expected at the deadline end: for sum the current
// total scaled from the elapsed days to the window's days, otherwise the
// least-squares line through the window's snapshots evaluated at end. It is
// nil for a key result without a KPI, before any day has elapsed, and with
// fewer than two snapshot days.
func forecast(agg kpi.Aggregation, current *float64, points []kpi.Point, start, end, asOf kpi.Day) *float64 {
	switch {
	case agg == "" || current == nil || end < start:
		return nil
	case agg == kpi.AggSum:
		elapsed := int64(min(asOf, end)) - int64(start) + 1
		if elapsed <= 0 {
			return nil
		}
		return ptr(*current * float64(int64(end)-int64(start)+1) / float64(elapsed))
	}
	return leastSquares(points, end)
}

// leastSquares fits value = a + b·day through points and returns its value at
// day at; nil with fewer than two distinct days. Days are taken relative to
// their mean, which keeps the sums small and the fit accurate.
func leastSquares(points []kpi.Point, at kpi.Day) *float64 {
	if len(points) < 2 {
		return nil
	}
	n := float64(len(points))
	origin := int64(points[0].Day)
	var sx, sy float64
	for _, p := range points {
		sx += float64(int64(p.Day) - origin)
		sy += p.Value
	}
	mx, my := sx/n, sy/n
	var sxx, sxy float64
	for _, p := range points {
		dx := float64(int64(p.Day)-origin) - mx
		sxx += dx * dx
		sxy += dx * (p.Value - my)
	}
	if sxx == 0 {
		return nil
	}
	v := my + sxy/sxx*(float64(int64(at)-origin)-mx)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func clamp01(p *float64) *float64 {
	if p == nil {
		return nil
	}
	return ptr(min(max(*p, 0), 1))
}

func ptr(v float64) *float64 { return &v }

func clone(p *float64) *float64 {
	if p == nil {
		return nil
	}
	return ptr(*p)
}
