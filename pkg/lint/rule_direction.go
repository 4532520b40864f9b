package lint

import (
	"fmt"
	"strconv"
	"time"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

type direction struct{ base }

func newDirection() *direction {
	return &direction{newBase("direction", Warning, "a key result that moves its KPI the wrong way (decreases a KPI whose good is up, or the reverse)")}
}

// endOfTime stands for "every snapshot is known" when validate runs
// without an as-of date.
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// progress resolves a key result as status would (its baseline, direction
// and current value), at the pass's as-of date or, without one, with
// every snapshot known.
func (p *Pass) progress(o *okr.Objective, kr *okr.KeyResult) progress.KRResult {
	if p.engine == nil {
		p.engine = &progress.Engine{AsOf: p.AsOf, Gaps: progress.DefaultGaps(), KPIs: p.KPIs, Series: p.Snapshots}
		if p.engine.AsOf.IsZero() {
			p.engine.AsOf = endOfTime
		}
	}
	return p.engine.KeyResult(o, kr)
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
				res := p.progress(o, kr)
				if res.Baseline == nil {
					continue
				}
				d, baseline, from = res.Direction, res.Baseline, res.BaselineSource
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
