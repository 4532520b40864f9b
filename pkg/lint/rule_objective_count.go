package lint

import (
	"sort"

	"github.com/okrctl/okrctl/pkg/okr"
)

type objectiveCount struct{ base }

func newObjectiveCount() *objectiveCount {
	return &objectiveCount{newBase("objective-count", Warning, "an owner with more than 5 objectives in one period (bound in config)")}
}

// Check counts objectives per owner and period and reports each group over
// the bound once, at the first objective past it (by path).
func (r *objectiveCount) Check(p *Pass) {
	_, hi := p.bounds()
	type key struct{ owner, period string }
	groups := map[key][]*okr.Objective{}
	var order []key
	for _, o := range p.Repo.Objectives {
		if o.Owner == "" || o.PeriodText == "" {
			continue
		}
		k := key{o.Owner, o.PeriodText}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], o)
	}
	for _, k := range order {
		g := groups[k]
		if len(g) <= hi {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool { return g[i].File() < g[j].File() })
		o := g[hi]
		p.Reportf(o.File(), o.Pos.Value("owner"), "owner %q has %d objectives in %s (more than %d): focus on fewer", k.owner, len(g), k.period, hi)
	}
}
