package lint

import "github.com/okrctl/okrctl/pkg/okr"

type direction struct{ base }

func newDirection() *direction {
	return &direction{newBase("direction", Warning, "a key result that moves its KPI the wrong way (decreases a KPI whose good is up, or the reverse)")}
}

// Check compares a moving key result's direction (explicit, else from
// baseline and target) with its KPI's good direction.
func (r *direction) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			k := p.KPIs[kr.KPI]
			if k == nil || k.Good == "" {
				continue
			}
			d := kr.Dir()
			if (d == okr.Decrease && k.Good == "up") || (d == okr.Increase && k.Good == "down") {
				pos := okr.ValuePos(kr.Node, "direction")
				if kr.Direction == "" {
					pos = okr.ValuePos(kr.Node, "target")
				}
				p.Reportf(o.File(), pos, "%s aims to %s KPI %q, but for that KPI %s is good", krName(kr, i), d, k.ID, k.Good)
			}
		}
	}
}
