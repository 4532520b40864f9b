package lint

import (
	"cmp"

	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/pkg/checkin"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

type checkinDue struct{ base }

func newCheckinDue() *checkinDue {
	return &checkinDue{newBase("checkin-due", Warning, "(status, report and validate --as-of, at that date) a running key result whose last check-in is older than checkins.every days (default 14)")}
}

// defaultCheckinEvery is checkins.every when the configuration is not
// parsed from a file.
const defaultCheckinEvery = 14

// Check runs only when an as-of date is given, and only on objectives with
// at least one check-in: a team that does not check in is not nagged. A key
// result is due when it is running at the as-of date (its period has begun
// and its deadline has not passed) and its latest check-in on or before
// that date is more than every days old, or it has none and the period
// began more than every days ago.
func (r *checkinDue) Check(p *Pass) {
	if p.AsOf.IsZero() {
		return
	}
	every := kpi.Day(cmp.Or(p.Config.CheckIns.Every, defaultCheckinEvery))
	asOf := kpi.DayOf(p.AsOf)
	for _, o := range p.Repo.Objectives {
		if !o.HasPeriod() || kpi.DayOf(o.Period.Start) > asOf || !hasCheckIn(o) {
			continue
		}
		for _, kr := range o.KeyResults {
			if d, ok := kr.DeadlineIn(o.Period); !ok || kpi.DayOf(d) < asOf {
				continue
			}
			pos := kr.Pos.Value("id")
			c, ok := checkin.Latest(kr, p.AsOf)
			last := kpi.DayOf(c.Date)
			switch {
			case ok && asOf-last > every:
				p.Reportf(o.File(), pos, "key result %s/%s was last checked in on %s, %s before %s (check in every %s: checkins.every)",
					o.ID, kr.ID, last, plural.Of(int(asOf-last), "day"), asOf, plural.Of(int(every), "day"))
			case !ok && asOf-kpi.DayOf(o.Period.Start) >= every:
				p.Reportf(o.File(), pos, "key result %s/%s has no check-in since its period began on %s (check in every %s: okrctl checkin %s/%s VALUE)",
					o.ID, kr.ID, kpi.DayOf(o.Period.Start), plural.Of(int(every), "day"), o.ID, kr.ID)
			}
		}
	}
}

func hasCheckIn(o *okr.Objective) bool {
	for _, kr := range o.KeyResults {
		if len(kr.CheckIns) > 0 {
			return true
		}
	}
	return false
}
