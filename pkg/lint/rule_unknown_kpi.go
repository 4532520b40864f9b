package lint

import (
	"fmt"
	"sort"

	"github.com/okrctl/okrctl/internal/suggest"
)

type unknownKPI struct{ base }

func newUnknownKPI() *unknownKPI {
	return &unknownKPI{newBase("unknown-kpi", Error, "a key result names a KPI that no document defines")}
}

// Check reports each key result whose kpi no KPI document defines,
// suggesting the closest id; when the typo is in the KPI document's id
// instead, it reports that document once.
func (r *unknownKPI) Check(p *Pass) {
	ids := sortedKeys(p.KPIs)
	misspelt := misspeltKPIs(p)
	for _, id := range sortedKeys(misspelt) {
		if m := misspelt[id]; m.readers > 0 {
			reportMisspelt(p, id, m)
		}
	}
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			if kr.KPI == "" || p.KPIs[kr.KPI] != nil {
				continue
			}
			if _, ok := misspelt[kr.KPI]; ok {
				continue
			}
			p.Reportf(o.File(), kr.Pos.Value("kpi"), "%s measures KPI %q, which no KPI document defines%s", krName(kr, i), kr.KPI, didYouMean(kr.KPI, ids))
		}
	}
}

func didYouMean(s string, candidates []string) string {
	if m := suggest.Closest(s, candidates); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
