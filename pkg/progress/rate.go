package progress

import (
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
)

// Per is the interval of a rate key result: "week", "month" or "quarter"
// (okr.KeyResult.Per). A rate is the KPI aggregated over one such interval
// instead of over the whole window (docs/formulas.md, "Current value").
type Per string

// The intervals a rate key result may name.
const (
	PerWeek    Per = "week"    // Monday to Sunday
	PerMonth   Per = "month"   // a calendar month
	PerQuarter Per = "quarter" // a calendar quarter
)

// Valid reports whether p names an interval.
func (p Per) Valid() bool { return p == PerWeek || p == PerMonth || p == PerQuarter }

// Span is a run of calendar days, both ends inclusive.
type Span struct{ From, To kpi.Day }

// String writes the span as its natural name: "2026-02" for a month,
// "2026-Q1" for a quarter, "2026-02-02 to 2026-02-08" otherwise.
func (s Span) String() string {
	from, to := s.From.Time(), s.To.Time()
	switch {
	case from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 && from.Month() == to.Month():
		return from.Format("2006-01")
	case from.Day() == 1 && (from.Month()-1)%3 == 0 && to.AddDate(0, 0, 1).Day() == 1 && to.Month() == from.Month()+2:
		return from.Format("2006") + "-Q" + string(rune('1'+(from.Month()-1)/3))
	}
	return s.From.String() + " to " + s.To.String()
}

// interval returns the interval of length p that holds day d.
func (p Per) interval(d kpi.Day) Span {
	t := d.Time()
	var from, next time.Time
	switch p {
	case PerWeek:
		// Monday is the first day of the week (ISO 8601).
		back := (int(t.Weekday()) + 6) % 7
		from = t.AddDate(0, 0, -back)
		next = from.AddDate(0, 0, 7)
	case PerMonth:
		from = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		next = from.AddDate(0, 1, 0)
	default: // PerQuarter
		from = time.Date(t.Year(), t.Month()-(t.Month()-1)%3, 1, 0, 0, 0, 0, time.UTC)
		next = from.AddDate(0, 3, 0)
	}
	return Span{From: kpi.DayOf(from), To: kpi.DayOf(next) - 1}
}

// intervals returns the complete intervals of length p inside the window
// start–end that ended on or before asOf, oldest first: the intervals a
// rate key result has values for.
func (p Per) intervals(start, end, asOf kpi.Day) []Span {
	limit := min(end, asOf)
	var out []Span
	iv := p.interval(start)
	if iv.From < start {
		iv = p.interval(iv.To + 1)
	}
	for iv.To <= limit {
		out = append(out, iv)
		iv = p.interval(iv.To + 1)
	}
	return out
}

// before returns the last complete interval of length p that ends before
// day start.
func (p Per) before(start kpi.Day) Span {
	iv := p.interval(start - 1)
	if iv.To >= start {
		iv = p.interval(iv.From - 1)
	}
	return iv
}

// ratePoints aggregates series over each interval with agg: one point per
// interval that has snapshots, dated on the interval's last day and
// carrying the file, line and column of the snapshot that gave its value
// (so Series.Source names it). counts[i] is how many snapshots point i
// aggregates; spans[i] its interval.
func ratePoints(series []kpi.Point, ivs []Span, agg kpi.Aggregation) (pts []kpi.Point, spans []Span, counts []int) {
	for _, iv := range ivs {
		in := kpi.Window(series, iv.From, iv.To)
		v, from, ok := kpi.Aggregate(in, agg)
		if !ok {
			continue
		}
		from.Day, from.Value = iv.To, v
		pts = append(pts, from)
		spans = append(spans, iv)
		counts = append(counts, len(in))
	}
	return pts, spans, counts
}
