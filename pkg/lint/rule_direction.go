package lint

import (
	"fmt"
	"strconv"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

type direction struct{ base }

func newDirection() *direction {
	return &direction{newBase("direction", Warning, "a key result that moves its KPI the wrong way (decreases a KPI whose good is up, or the reverse)")}
}

// Check compares a moving key result's direction with its KPI's good
// direction. The direction is resolved as status resolves it (SPEC §2.1,
// §4): as written, else from baseline and target, where an omitted baseline
// defaults from the KPI's snapshots. A direction that cannot be resolved
// (no baseline and no snapshot) is not judged.
func (r *direction) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			k := p.KPIs[kr.KPI]
			if k == nil || (k.Good != "up" && k.Good != "down") {
				continue
			}
			d, baseline, from := kr.Dir(), kr.Baseline, ""
			if kr.Direction == "" && kr.Baseline == nil {
				if kr.Target == nil {
					continue // measurable reports it
				}
				baseline, from = p.baseline(o, kr)
				if baseline == nil {
					continue
				}
				d = progress.ResolveDirection(kr.Direction, baseline, kr.Target)
			}
			if (d != okr.Decrease || k.Good != "up") && (d != okr.Increase || k.Good != "down") {
				continue
			}
			pos := okr.ValuePos(kr.Node, "direction")
			if kr.Direction == "" {
				pos = okr.ValuePos(kr.Node, "target")
			}
			p.Reportf(o.File(), pos, "%s aims to %s KPI %q%s, but for that KPI %s is good", krName(kr, i), d, k.ID, fromTo(baseline, kr.Target, from), k.Good)
		}
	}
}

// fromTo describes a move, " (from 48 to 38)", naming the snapshot that
// gave a defaulted baseline; "" when either end is unknown.
func fromTo(baseline, target *float64, source string) string {
	if baseline == nil || target == nil {
		return ""
	}
	b := strconv.FormatFloat(*baseline, 'f', -1, 64)
	if source != "" {
		b += " at " + source
	}
	return fmt.Sprintf(" (from %s to %s)", b, strconv.FormatFloat(*target, 'f', -1, 64))
}
