package lint

import (
	"sort"
	"strings"

	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/internal/suggest"
	"github.com/okrctl/okrctl/pkg/okr"
)

// misspeltKPI is a KPI document whose id looks misspelt: nothing reads it,
// while key results or snapshots read a close id that no document defines.
type misspeltKPI struct {
	doc     *okr.KPI
	readers int  // key results that name the used id
	snaps   bool // whether snapshots name it
}

// misspeltKPIs maps each undefined KPI id that key results or snapshots use
// to the unused KPI document it most likely stands for. One typo in a KPI's
// id would otherwise give a finding for every reader: unknown-kpi and
// unknown-snapshot-kpi report it once, at the document (one problem, one
// finding).
func misspeltKPIs(p *Pass) map[string]misspeltKPI {
	readers := map[string]int{}
	for _, o := range p.Repo.Objectives {
		for _, kr := range o.KeyResults {
			if kr.KPI != "" {
				readers[kr.KPI]++
			}
		}
	}
	snaps := map[string]bool{}
	for _, id := range p.Snapshots.KPIs() {
		snaps[id] = true
	}
	var unused []string
	for id := range p.KPIs {
		if readers[id] == 0 && !snaps[id] {
			unused = append(unused, id)
		}
	}
	if len(unused) == 0 {
		return nil
	}
	sort.Strings(unused)
	var undefined []string
	for id := range readers {
		if p.KPIs[id] == nil {
			undefined = append(undefined, id)
		}
	}
	for id := range snaps {
		if p.KPIs[id] == nil && readers[id] == 0 {
			undefined = append(undefined, id)
		}
	}
	sort.Strings(undefined)
	out := map[string]misspeltKPI{}
	claimed := map[string]bool{}
	for _, id := range undefined {
		if m := suggest.Closest(id, unused); m != "" && !claimed[m] {
			claimed[m] = true
			out[id] = misspeltKPI{doc: p.KPIs[m], readers: readers[id], snaps: snaps[id]}
		}
	}
	return out
}

// reportMisspelt reports a misspelt KPI document once, at its id.
func reportMisspelt(p *Pass, used string, m misspeltKPI) {
	var who []string
	if m.readers > 0 {
		who = append(who, plural.Of(m.readers, "key result"))
	}
	if m.snaps {
		who = append(who, "the snapshots")
	}
	p.Reportf(m.doc.File(), m.doc.Pos.Value("id"), "KPI id %q is used by nothing, while %s use %q, which no KPI document defines: is the id misspelt?",
		m.doc.ID, strings.Join(who, " and "), used)
}
