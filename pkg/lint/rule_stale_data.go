package lint

import (
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/progress"
)

type staleData struct{ base }

func newStaleData() *staleData {
	return &staleData{newBase("stale-data", Warning, "(status and report, at the as-of date) a KPI used by a key result whose newest snapshot is older than its frequency allows")}
}

// Check runs only when an as-of date is given (status, report). It looks
// at the KPIs of key results that are running at that date (their period
// has begun and their deadline has not passed), each KPI once, and reports
// at the first such key result's kpi, in path order: that is where a
// report reader meets the stale number.
func (r *staleData) Check(p *Pass) {
	if p.AsOf.IsZero() {
		return
	}
	asOf := kpi.DayOf(p.AsOf)
	seen := map[string]bool{}
	for _, o := range p.Repo.Objectives {
		if !o.HasPeriod() || kpi.DayOf(o.Period.Start) > asOf {
			continue
		}
		for _, kr := range o.KeyResults {
			k := p.KPIs[kr.KPI]
			if k == nil || k.Frequency == "" || seen[k.ID] {
				continue
			}
			if d, ok := kr.DeadlineIn(o.Period); !ok || kpi.DayOf(d) < asOf {
				continue
			}
			seen[k.ID] = true
			newest, stale := progress.Stale(k, p.Snapshots.Series(k.ID), p.AsOf)
			if !stale {
				continue
			}
			pos := kr.Pos.Value("kpi")
			if newest == (kpi.Point{}) {
				p.Reportf(o.File(), pos, "KPI %q is measured %s but has no snapshot on or before %s", k.ID, k.Frequency, asOf)
				continue
			}
			p.Reportf(o.File(), pos, "KPI %q is measured %s but its newest snapshot is from %s (%s), %s before %s",
				k.ID, k.Frequency, newest.Day, p.Snapshots.Source(newest), plural(int(asOf-newest.Day), "day"), asOf)
		}
	}
}
