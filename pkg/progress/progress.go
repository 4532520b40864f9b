package progress

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// Status is the state of a key result or an objective at the as-of date.
type Status string

// The statuses of docs/formulas.md, spelled as the JSON output spells them.
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
	// Per is the interval of a rate key result ("" for one measured over
	// its whole window); Interval is the interval Current was aggregated
	// over and IntervalSnapshots how many snapshots it holds.
	Per               Per
	Interval          Span
	IntervalSnapshots int

	Baseline *float64 // as written, else resolved (see the package documentation)
	Target   *float64
	Current  *float64
	// BaselineSource and Source are the "file:line" of the snapshot (or
	// check-in) that gave Baseline and Current; "" for a value written in
	// the YAML or defaulted.
	BaselineSource string
	Source         string

	Deadline    time.Time // the key result's deadline, else its period's end; zero if neither is known
	WindowStart time.Time // the start of the objective's period; zero if unknown

	Progress *float64 // raw: below 0 when moving the wrong way, above 1 past the target
	Score    *float64 // Progress clamped to [0, 1], and below 1 until the target is met
	Expected *float64 // elapsed share of the window, in [0, 1]
	Status   Status
	// Grade is the key result's grade from its deadline on (by its
	// objective's commitment), "" before or without a score.
	Grade Grade

	Forecast      *float64 // the value expected at the deadline
	ForecastScore *float64 // the score Forecast would give
	// ForecastMeetsTarget says whether Forecast meets the target; nil
	// without a forecast. ForecastShort is true when the forecast misses
	// the target by more than the at-risk gap (its score is below
	// 1 − Gaps.AtRisk) while the key result is not achieved.
	ForecastMeetsTarget *bool
	ForecastShort       bool

	// DataEnds is the day of the KPI's newest snapshot on or before
	// min(as-of, deadline), zero when there is none; Stale is true when it
	// is older than the KPI's frequency allows (see MaxAge) before that
	// day.
	DataEnds time.Time
	Stale    bool

	// CheckIn is the latest check-in dated on or before the as-of date;
	// nil when there is none.
	CheckIn *okr.CheckIn

	// Problem says why a value was dropped although snapshots exist: it
	// cannot be represented as a float64 (a sum beyond ±1.8e308). "" when
	// none; lint reports it as a measurable finding.
	Problem string

	// Points are the values the trend chart draws, sorted by day: the
	// KPI's snapshots in the window up to the as-of date, or for a rate one
	// point per complete interval (dated on its last day); nil for a key
	// result without a KPI.
	Points []kpi.Point
}

// Measured reports whether the key result has a score.
func (r *KRResult) Measured() bool { return r.Score != nil }

// ObjectiveResult is the progress of one objective at the as-of date.
type ObjectiveResult struct {
	Objective *okr.Objective
	// Score is the weighted mean of the scores of the key results that have
	// one (Measured of them); 0 when none has.
	Score      float64
	Expected   float64 // weighted mean of every key result's expected score
	Status     Status
	Grade      Grade // from the period's end on, "" before or when nothing is measured
	NoData     int   // how many key results are no_data
	Measured   int   // how many key results have a score (the coverage)
	KeyResults []KRResult
}

// CommittedMiss reports whether the objective is committed and missed: the
// case reports must call out. An aspirational objective that ends below 1.0
// is missed too, but that is its expected outcome (see Grade).
func (r ObjectiveResult) CommittedMiss() bool {
	return r.Status == Missed && r.Objective != nil && r.Objective.IsCommitted()
}

// Engine computes progress at one as-of date. It does no I/O: the caller
// loads the KPI definitions and snapshots. The zero Gaps is the strictest
// setting, not the default; use DefaultGaps or the configuration. The zero
// Grading means DefaultGrading. An Engine is never modified by its methods,
// so it may be used from several goroutines when its Series may.
type Engine struct {
	// AsOf is the as-of date; its calendar date in its own location counts,
	// and the whole day is included (snapshots dated AsOf count).
	AsOf    time.Time
	Gaps    Gaps
	Grading Grading
	KPIs    map[string]*okr.KPI // KPI definitions by id
	Series  Series              // snapshots; nil means none
}

// NewEngine returns an Engine with the given settings.
func NewEngine(asOf time.Time, s Settings, kpis map[string]*okr.KPI, series Series) *Engine {
	return &Engine{AsOf: asOf, Gaps: s.Gaps, Grading: s.Grading, KPIs: kpis, Series: series}
}

func (e *Engine) grade(score float64, o *okr.Objective) Grade {
	g := e.Grading
	if g == (Grading{}) {
		g = DefaultGrading()
	}
	return g.Grade(score, o != nil && o.IsCommitted())
}

// KeyResult computes the progress of key result kr of objective o. A nil o
// has no period, so time cannot be judged.
func (e *Engine) KeyResult(o *okr.Objective, kr *okr.KeyResult) KRResult {
	r := KRResult{KR: kr, ID: kr.ID, Title: kr.Title, KPI: kr.KPI, Target: clone(kr.Target)}
	if p := Per(kr.Per); p.Valid() {
		r.Per = p
	}
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
	r.CheckIn = latestCheckIn(kr.CheckIns, asOf)

	var agg kpi.Aggregation // "" for a key result without a (defined) KPI
	var trend []kpi.Point   // the values the forecast draws its line through
	switch k := e.KPIs[kr.KPI]; {
	case kr.KPI == "":
		r.Current, r.Source = manualCurrent(kr, asOf)
	case k == nil:
		// An undefined KPI gives no snapshots: no_data (lint reports unknown-kpi).
	default:
		agg = kpi.Aggregation(k.Agg())
		if timed {
			trend = e.measure(&r, k, agg, start, end, asOf)
		}
	}
	r.Baseline, r.BaselineSource = e.Baseline(o, kr)
	if r.Baseline != nil && isInfNaN(*r.Baseline) {
		r.Problem = unrepresentable("baseline", kr.KPI)
		r.Baseline, r.BaselineSource = nil, ""
	}
	r.Direction = ResolveDirection(kr.Direction, r.Baseline, r.Target)

	met := false
	if r.Current != nil {
		r.Progress, r.Score, met = r.judge(*r.Current)
	}
	if timed {
		r.Expected = ptr(elapsedShare(start, end, asOf))
		if r.Per != "" && r.Current != nil {
			// A rate is known as of its interval's end: the pace expected
			// of it is the pace of that day.
			r.Expected = ptr(elapsedShare(start, end, r.Interval.To))
		}
		r.Forecast = forecast(agg, r.Per, r.Current, trend, start, end, asOf)
		if r.Forecast != nil {
			var meets bool
			_, r.ForecastScore, meets = r.judge(*r.Forecast)
			if r.ForecastScore != nil {
				r.ForecastMeetsTarget = &meets
				r.ForecastShort = !met && !meets && *r.ForecastScore < 1-e.Gaps.AtRisk
			}
		}
	}

	switch {
	case r.Score == nil:
		r.Status = NoData
	case met:
		r.Status = Achieved
	case !timed:
		r.Status = NoData // time cannot be judged; lint reports the deadline
	case asOf > end:
		r.Status = Missed
	default:
		r.Status = e.Gaps.Classify(*r.Score, *r.Expected)
	}
	if r.Score != nil && timed && asOf >= end {
		r.Grade = e.grade(*r.Score, o)
	}
	return r
}

// measure sets the current value of a KPI-backed key result with a known
// window, its chart points, and how fresh its data is, and returns the
// values its forecast is drawn through: the points, and for a rate also the
// value of the complete interval before the window, when known.
func (e *Engine) measure(r *KRResult, k *okr.KPI, agg kpi.Aggregation, start, end, asOf kpi.Day) (trend []kpi.Point) {
	series := e.series(k.ID)
	what := string(agg)
	if r.Per != "" {
		ivs := r.Per.intervals(start, end, asOf)
		if before := r.Per.before(start); before.To <= asOf {
			ivs = append([]Span{before}, ivs...)
		}
		pts, spans, counts := ratePoints(series, ivs, agg)
		trend = pts
		if len(pts) > 0 && spans[0].From < start {
			pts, spans, counts = pts[1:], spans[1:], counts[1:]
		}
		if len(pts) > 0 {
			r.Points = pts
		}
		if n := len(pts); n > 0 {
			r.Current = ptr(pts[n-1].Value)
			r.Source = e.Series.Source(pts[n-1])
			r.Interval, r.IntervalSnapshots = spans[n-1], counts[n-1]
		}
		what += " per " + string(r.Per)
	} else {
		if pts := kpi.Window(series, start, min(end, asOf)); len(pts) > 0 {
			r.Points = slices.Clone(pts)
		}
		if v, from, ok := kpi.Aggregate(r.Points, agg); ok {
			r.Current = ptr(v)
			r.Source = e.Series.Source(from)
		}
		trend = r.Points
	}
	if r.Current != nil && isInfNaN(*r.Current) {
		r.Problem = unrepresentable(what, k.ID)
		r.Current, r.Source = nil, ""
	}
	if asOf >= start {
		newest, stale := Stale(k, series, min(asOf, end).Time())
		if newest != (kpi.Point{}) {
			r.DataEnds, r.Stale = newest.Day.Time(), stale
		}
	}
	return trend
}

// unrepresentable says that a value computed from a KPI's snapshots is
// beyond what a float64 holds.
func unrepresentable(what, id string) string {
	return fmt.Sprintf("the %s of KPI %q is beyond ±1.8e308, the largest number okrctl can represent", what, id)
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
	// The score averages the key results that have one; the expected pace
	// averages every key result (docs/formulas.md, "Objectives").
	var weights, measuredWeights, scores, expecteds float64
	achieved := 0
	for _, kr := range o.KeyResults {
		r := e.KeyResult(o, kr)
		w := kr.Weight
		if !(w > 0) || math.IsInf(w, 0) {
			w = 1 // the model's default; a weight the schema rejects must not sink the mean
		}
		expected := periodShare
		if r.Expected != nil {
			expected = *r.Expected
		}
		weights += w
		expecteds += w * expected
		if r.Score != nil {
			res.Measured++
			measuredWeights += w
			scores += w * *r.Score
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
		res.Expected = expecteds / weights
	}
	if measuredWeights > 0 {
		res.Score = snap(scores / measuredWeights)
	}

	n := len(res.KeyResults)
	switch {
	case res.Measured == 0:
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
	if res.Measured > 0 && o.HasPeriod() && asOf >= kpi.DayOf(o.Period.End) {
		res.Grade = e.grade(res.Score, o)
	}
	return res
}

// Baseline resolves key result kr's baseline as KeyResult does, without
// the rest of its work: the written one, else the default (0 for a sum KPI,
// else the latest snapshot on or before the window start, else the first in
// the window; for a rate, the KPI over the last complete interval before
// the window, else over the first complete one in it), with the snapshot it
// came from. A manual key result counts from 0 only when its direction is
// written increase: with no direction it might as well be a decrease ("cut
// open bugs to 2", current 5), which guessing would call achieved. nil when
// unknown.
func (e *Engine) Baseline(o *okr.Objective, kr *okr.KeyResult) (baseline *float64, source string) {
	if kr.Baseline != nil {
		return clone(kr.Baseline), ""
	}
	k := e.KPIs[kr.KPI]
	per := Per(kr.Per)
	switch {
	case kr.KPI == "":
		if kr.Direction == okr.Increase {
			return ptr(0), ""
		}
		return nil, ""
	case k == nil:
		return nil, ""
	case kpi.Aggregation(k.Agg()) == kpi.AggSum && !per.Valid():
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
	if per.Valid() {
		ivs := []Span{per.before(start)}
		if ivs[0].To > asOf {
			ivs = nil // not complete at the as-of date
		}
		ivs = append(ivs, per.intervals(start, end, asOf)...)
		if pts, _, _ := ratePoints(series, ivs, kpi.Aggregation(k.Agg())); len(pts) > 0 {
			return ptr(pts[0].Value), e.Series.Source(pts[0])
		}
		return nil, ""
	}
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

// judge returns the raw progress and the score that value would give, and
// whether value meets the target; nil progress and score when they cannot
// be computed (no target, or no baseline for increase and decrease). The
// target is met by an exact comparison (Meets), and only a met target
// scores 1: a value short of it scores below 1 however close it is.
func (r *KRResult) judge(value float64) (progress, score *float64, met bool) {
	if r.Target == nil {
		return nil, nil, false
	}
	var baseline float64
	if r.Direction == okr.Increase || r.Direction == okr.Decrease {
		if r.Baseline == nil {
			return nil, nil, false
		}
		baseline = *r.Baseline
	}
	p, ok := Progress(r.Direction, baseline, *r.Target, value)
	if !ok {
		return nil, nil, false
	}
	p = snap(p)
	met = Meets(r.Direction, *r.Target, value)
	s := 1.0
	if !met {
		s = min(max(p, 0), belowOne)
	}
	return &p, &s, met
}

// snap rounds a ratio to 12 decimals, which removes the noise of binary
// arithmetic (three scores of 0.7 average to 0.6999999999999998) so that
// a score on a grade's bound is graded and shown as that bound. Whether a
// target is met is decided apart from it, exactly (Meets).
func snap(v float64) float64 {
	if math.Abs(v) > 1e3 {
		return v
	}
	return math.Round(v*1e12) / 1e12
}

// belowOne is the largest float64 below 1: the highest score of a target
// not met.
var belowOne = math.Nextafter(1, 0)

// Meets reports whether value meets the target in direction dir, compared
// exactly: at or above it for increase and at_least, at or below it for
// decrease and at_most. A target of 2,000,000,000 missed by 2 is not met.
func Meets(dir okr.Direction, target, value float64) bool {
	switch dir {
	case okr.Increase, okr.AtLeast:
		return value >= target
	case okr.Decrease, okr.AtMost:
		return value <= target
	}
	return false
}

// Progress is the raw progress of a key result, unclamped: for increase and
// decrease (current − baseline) / (target − baseline), which is right both
// ways because numerator and denominator share their sign when moving
// toward the target; for at_least 1 when current ≥ target, else current /
// target; for at_most 1 when current ≤ target, else target / current.
// baseline is ignored by at_least and at_most.
//
// Spans are computed without overflow: when target − baseline or current −
// baseline exceeds the float64 range (baseline −1.7e308, target 1.7e308),
// both are halved first. A ratio beyond the range (a span of 5e-324) is
// ±math.MaxFloat64, whose score is 0 or 1 as it should be.
//
// Where a ratio would be meaningless, progress is a step, 1 when the target
// is met and 0 otherwise: increase and decrease with target == baseline
// (lint reports it as measurable), at_least with a target ≤ 0 and at_most
// with a target < 0. ok is false for an unknown direction or a non-finite
// input.
func Progress(dir okr.Direction, baseline, target, current float64) (progress float64, ok bool) {
	if isInfNaN(baseline) || isInfNaN(target) || isInfNaN(current) {
		return 0, false
	}
	switch dir {
	case okr.Increase, okr.Decrease:
		if target == baseline {
			if Meets(dir, target, current) {
				return 1, true
			}
			return 0, true
		}
		num, den := current-baseline, target-baseline
		if math.IsInf(num, 0) || math.IsInf(den, 0) {
			num, den = current/2-baseline/2, target/2-baseline/2
		}
		progress = num / den
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
	switch {
	case math.IsNaN(progress):
		return 0, false
	case math.IsInf(progress, 0):
		progress = math.Copysign(math.MaxFloat64, progress)
	}
	return progress, true
}

func isInfNaN(v float64) bool { return math.IsInf(v, 0) || math.IsNaN(v) }

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

// forecast is the value expected at the deadline end. For a rate: the
// least-squares line through the per-interval values (points, which may
// include the interval before the window) evaluated at the end of the last
// complete interval of the window. For sum: the current total
// scaled from the elapsed days to the window's days. Otherwise the
// least-squares line through the window's snapshots evaluated at end, kept
// at or above the current value for max and at or below it for min (a
// highest-so-far cannot fall). It is nil for a key result without a KPI,
// before any day has elapsed, and with fewer than two values to draw a line
// through.
func forecast(agg kpi.Aggregation, per Per, current *float64, points []kpi.Point, start, end, asOf kpi.Day) *float64 {
	switch {
	case agg == "" || current == nil || end < start:
		return nil
	case per != "":
		ivs := per.intervals(start, end, end)
		if len(ivs) == 0 {
			return nil
		}
		return leastSquares(points, ivs[len(ivs)-1].To)
	case agg == kpi.AggSum:
		elapsed := int64(min(asOf, end)) - int64(start) + 1
		if elapsed <= 0 {
			return nil
		}
		v := *current * (float64(int64(end)-int64(start)+1) / float64(elapsed))
		if math.IsInf(v, 0) {
			return nil
		}
		return &v
	}
	v := leastSquares(points, end)
	switch {
	case v == nil:
	case agg == kpi.AggMax:
		*v = max(*v, *current)
	case agg == kpi.AggMin:
		*v = min(*v, *current)
	}
	return v
}

// leastSquares fits value = a + b·day through points and returns its value at
// day at; nil with fewer than two distinct days or a value beyond the
// float64 range. Days are taken relative to their mean, which keeps the sums
// small and the fit accurate, and values beyond 1e150 are scaled by the
// largest of them, so that values near ±1.8e308 do not overflow the sums.
func leastSquares(points []kpi.Point, at kpi.Day) *float64 {
	if len(points) < 2 {
		return nil
	}
	n := float64(len(points))
	origin := int64(points[0].Day)
	// Scaling only values that could overflow keeps the others' results
	// bit for bit.
	scale := 1.0
	for _, p := range points {
		if a := math.Abs(p.Value); a > 1e150 {
			scale = max(scale, a)
		}
	}
	var sx, sy float64
	for _, p := range points {
		sx += float64(int64(p.Day) - origin)
		sy += p.Value / scale
	}
	mx, my := sx/n, sy/n
	var sxx, sxy float64
	for _, p := range points {
		dx := float64(int64(p.Day)-origin) - mx
		sxx += dx * dx
		sxy += dx * (p.Value/scale - my)
	}
	if sxx == 0 {
		return nil
	}
	v := (my + sxy/sxx*(float64(int64(at)-origin)-mx)) * scale
	if isInfNaN(v) {
		return nil
	}
	return &v
}

func ptr(v float64) *float64 { return &v }

func clone(p *float64) *float64 {
	if p == nil {
		return nil
	}
	return ptr(*p)
}
