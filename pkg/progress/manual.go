package progress

import (
	"math"
	"strconv"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// manualCurrent is the current value of a key result without a KPI: the
// latest of its dated values on or before asOf — its written current
// (undated, it holds from the beginning of time; dated, from its date on)
// and its check-ins that carry a value, a check-in winning a tie with the
// written value — and where it came from: "file:line" of a check-in, ""
// for the YAML.
func manualCurrent(kr *okr.KeyResult, asOf kpi.Day) (value *float64, source string) {
	var at kpi.Day = math.MinInt32
	if kr.Current != nil {
		switch {
		case kr.CurrentDate.IsZero():
			value = clone(kr.Current)
		case kpi.DayOf(kr.CurrentDate) <= asOf:
			value, at = clone(kr.Current), kpi.DayOf(kr.CurrentDate)
		}
	}
	for i := range kr.CheckIns {
		c := &kr.CheckIns[i]
		if c.Value == nil || c.Date.IsZero() || isInfNaN(*c.Value) {
			continue
		}
		if d := kpi.DayOf(c.Date); d <= asOf && (value == nil || d >= at) {
			value, at, source = clone(c.Value), d, c.File+":"+strconv.Itoa(c.Line)
		}
	}
	return value, source
}

// latestCheckIn returns the check-in with the latest date on or before
// asOf (the later in the list on a tie), nil when there is none.
func latestCheckIn(cs []okr.CheckIn, asOf kpi.Day) *okr.CheckIn {
	var best *okr.CheckIn
	for i := range cs {
		c := &cs[i]
		if c.Date.IsZero() || kpi.DayOf(c.Date) > asOf {
			continue
		}
		if best == nil || !c.Date.Before(best.Date) {
			best = c
		}
	}
	return best
}
