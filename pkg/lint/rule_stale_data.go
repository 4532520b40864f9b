package lint

import (
	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/progress"
)

type staleData struct{ base }

func newStaleData() *staleData {
	return &staleData{newBase("stale-data", Warning, "(status, report and validate --as-of, at that date) a KPI used by a key result whose newest snapshot is older than its frequency allows")}
}

// Check runs only when an as-of date is given (status, report, validate
// --as-of). It looks at the KPIs of key results whose period has begun at
// that date and
// judges each KPI's newest snapshot at min(as-of date, deadline): a key
// result still running must have fresh data, and one that has ended must
// have data up to its deadline, or its final value is not final. Each KPI
// is reported once per day judged, at the first such key result's kpi, in
// path order: that is where a report reader meets the stale number.
func (r *staleData) Check(p *Pass) {
	if p.AsOf.IsZero() {
		return
	}
	asOf := kpi.DayOf(p.AsOf)
	type judged struct {
		kpi string
		at  kpi.Day
	}
	seen := map[judged]bool{}
	for _, o := range p.Repo.Objectives {
		if !o.HasPeriod() || kpi.DayOf(o.Period.Start) > asOf {
			continue
		}
		for _, kr := range o.KeyResults {
			k := p.KPIs[kr.KPI]
			if k == nil || k.Frequency == "" {
				continue
			}
			d, ok := kr.DeadlineIn(o.Period)
			if !ok {
				continue
			}
			at := min(asOf, kpi.DayOf(d))
			if seen[judged{k.ID, at}] {
				continue
			}
			seen[judged{k.ID, at}] = true
			newest, stale := progress.Stale(k, p.Snapshots.Series(k.ID), at.Time())
			if !stale {
				continue
			}
			pos := kr.Pos.Value("kpi")
			switch {
			case newest == (kpi.Point{}):
				p.Reportf(o.File(), pos, "KPI %q is measured %s but has no snapshot on or before %s", k.ID, k.Frequency, at)
			case at < asOf:
				p.Reportf(o.File(), pos, "KPI %q is measured %s but its data ends %s (%s); deadline %s of key result %q",
					k.ID, k.Frequency, newest.Day, p.Snapshots.Source(newest), at, kr.ID)
			default:
				p.Reportf(o.File(), pos, "KPI %q is measured %s but its newest snapshot is from %s (%s), %s before %s",
					k.ID, k.Frequency, newest.Day, p.Snapshots.Source(newest), plural.Of(int(asOf-newest.Day), "day"), asOf)
			}
		}
	}
}
