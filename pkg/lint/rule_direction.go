package lint

import (
	"fmt"
	"strconv"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

type direction struct{ base }

func newDirection() *direction {
	return &direction{newBase("direction", Warning, "a key result that moves its KPI the wrong way (decreases a KPI whose good is up, or the reverse); an error when its written direction contradicts baseline → target")}
}

// Check reports two problems of a key result's direction. A written
// increase or decrease that contradicts its baseline → target ("decrease"
// from 10 to 20) is an error: status would score the key result against
// what its numbers say. A moving key result whose direction goes against
// its KPI's good direction is a warning. The direction and baseline are
// resolved as status resolves them (docs/formulas.md): as written, else
// from baseline and target, where an omitted baseline defaults from the
// KPI's snapshots. A direction that cannot be resolved (no baseline and no
// snapshot) is not judged.
func (r *direction) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			if kr.Target == nil {
				continue // measurable reports it
			}
			baseline, from := kr.Baseline, ""
			if baseline == nil && kr.KPI != "" {
				baseline, from = p.baseline(o, kr)
			}
			if contradicts(kr.Direction, baseline, kr.Target) {
				p.reportSev(Error, o.File(), kr.Pos.Value("direction"),
					"%s says direction: %s but its target is %s its baseline%s: fix the direction or the numbers",
					krName(kr, i), kr.Direction, map[okr.Direction]string{okr.Increase: "below", okr.Decrease: "above"}[kr.Direction],
					fromTo(baseline, kr.Target, from))
				continue
			}
			k := p.KPIs[kr.KPI]
			if k == nil || (k.Good != "up" && k.Good != "down") || baseline == nil && kr.Direction == "" {
				continue
			}
			d := progress.ResolveDirection(kr.Direction, baseline, kr.Target)
			if (d != okr.Decrease || k.Good != "up") && (d != okr.Increase || k.Good != "down") {
				continue
			}
			pos := kr.Pos.Value("direction")
			if kr.Direction == "" {
				pos = kr.Pos.Value("target")
			}
			p.Reportf(o.File(), pos, "%s aims to %s KPI %q%s, but for that KPI %s is good", krName(kr, i), d, k.ID, fromTo(baseline, kr.Target, from), k.Good)
		}
	}
}

// contradicts reports whether a written increase or decrease runs against
// baseline → target: an increase to a target below the baseline, or a
// decrease to one above it.
func contradicts(written okr.Direction, baseline, target *float64) bool {
	if baseline == nil || target == nil {
		return false
	}
	return written == okr.Increase && *target < *baseline || written == okr.Decrease && *target > *baseline
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
