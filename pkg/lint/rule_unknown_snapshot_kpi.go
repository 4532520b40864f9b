package lint

import "github.com/okrctl/okrctl/pkg/okr"

type unknownSnapshotKPI struct{ base }

func newUnknownSnapshotKPI() *unknownSnapshotKPI {
	return &unknownSnapshotKPI{newBase("unknown-snapshot-kpi", Warning, "a snapshot row for a KPI that no document defines")}
}

// Check reports each undefined KPI once, where its snapshots first appear;
// a misspelt KPI document that only snapshots would read is reported at the
// document, and one that key results read is unknown-kpi's.
func (r *unknownSnapshotKPI) Check(p *Pass) {
	ids := sortedKeys(p.KPIs)
	misspelt := misspeltKPIs(p)
	for _, id := range p.Snapshots.KPIs() {
		if p.KPIs[id] != nil {
			continue
		}
		if m, ok := misspelt[id]; ok {
			if m.readers == 0 {
				reportMisspelt(p, id, m)
			}
			continue
		}
		file, line, col := p.Snapshots.FirstPos(id)
		p.Reportf(file, okr.Pos{Line: line, Col: col}, "snapshots for KPI %q, which no KPI document defines%s", id, didYouMean(id, ids))
	}
}
