package lint

import (
	"math"
	"slices"
	"strconv"

	"github.com/okrctl/okrctl/internal/suggest"
	"github.com/okrctl/okrctl/pkg/okr"
)

type measurable struct{ base }

func newMeasurable() *measurable {
	return &measurable{newBase("measurable", Error, "a key result with no numeric target, a target equal to its baseline, no baseline to score a manual value from, or a KPI value too large to represent")}
}

// Check reports a missing, empty or non-numeric target (the schema leaves
// the target's type to this rule); a target equal to the baseline of a key
// result that is meant to move (thresholds, at_least and at_most, may
// legitimately hold today's value); a key result without a kpi that has no
// baseline to count from (and is not written increase, which counts from
// 0); and a KPI value that cannot be represented (a sum past ±1.8e308), at
// the as-of date or, under validate, over the whole window.
func (r *measurable) Check(p *Pass) {
	overflows := map[string]bool{}
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			t := kr.Pos.Raw("target")
			switch {
			case t == nil:
				// A misspelt key is the schema's to report (unknown key); the
				// key result still has no target, which is this rule's.
				if k := misspelledTarget(kr); k != "" {
					p.Reportf(o.File(), kr.Pos.At, "%s has no target (%q is not target): give the number that achieves it", krName(kr, i), k)
					continue
				}
				p.Reportf(o.File(), kr.Pos.At, "%s has no target: give the number that achieves it (e.g. target: 480)", krName(kr, i))
			case t.ShortTag() == "!!null":
				p.Reportf(o.File(), okr.PosOf(t), "%s has an empty target: give the number that achieves it", krName(kr, i))
			case kr.Target == nil:
				p.Reportf(o.File(), okr.PosOf(t), "%s has a target that is not a number (%s): give the number that achieves it", krName(kr, i), describe(t))
			case kr.Direction == okr.AtLeast || kr.Direction == okr.AtMost:
			case kr.KPI == "" && kr.Baseline == nil && kr.Direction != okr.Increase:
				// Without snapshots there is nothing to default a baseline
				// from: status could only say no_data.
				p.reportSev(Warning, o.File(), okr.PosOf(t), "%s has no kpi and no baseline, so it cannot be scored: write its baseline (or direction: increase to count from 0)", krName(kr, i))
			case kr.Baseline != nil:
				if *kr.Target == *kr.Baseline {
					p.Reportf(o.File(), okr.PosOf(t), "%s has a target equal to its baseline (%s): it asks for no change", krName(kr, i), strconv.FormatFloat(*kr.Target, 'f', -1, 64))
				}
			default:
				// An omitted baseline defaults as status resolves it (0 for
				// a sum KPI, else a snapshot): equal to the target, the key
				// result asks for no change all the same.
				if b, from := p.baseline(o, kr); b != nil && *b == *kr.Target {
					p.Reportf(o.File(), okr.PosOf(t), "%s has a target equal to its baseline (%s)%s: it asks for no change", krName(kr, i), strconv.FormatFloat(*kr.Target, 'f', -1, 64), baselineOrigin(from))
				}
			}
			if k := p.KPIs[kr.KPI]; k != nil && (k.Agg() == "sum" || k.Agg() == "avg") && mayOverflow(p, k.ID, overflows) {
				// Only a sum (or the sum behind a mean) can leave the float64
				// range when every snapshot is within it.
				if pr := p.progressEngine().KeyResult(o, kr).Problem; pr != "" {
					p.Reportf(o.File(), kr.Pos.Value("kpi"), "%s cannot be measured: %s", krName(kr, i), pr)
				}
			}
		}
	}
}

// mayOverflow reports whether a sum of KPI id's snapshots could leave the
// float64 range: n values of at most m in size sum to at most n·m. It
// remembers each KPI's answer in seen, so that the common KPI costs one
// pass over its snapshots and no progress computation.
func mayOverflow(p *Pass, id string, seen map[string]bool) bool {
	may, ok := seen[id]
	if !ok {
		series := p.Snapshots.Series(id)
		m := 0.0
		for _, pt := range series {
			m = max(m, math.Abs(pt.Value))
		}
		may = m*float64(len(series)) > math.MaxFloat64/2
		seen[id] = may
	}
	return may
}

// misspelledTarget returns the key result's unknown key that is likely a
// typo of "target" (targte, traget), or "".
func misspelledTarget(kr *okr.KeyResult) string {
	known := keyResultKeys()
	for _, k := range kr.Pos.Keys() {
		if !slices.Contains(known, k) && suggest.Closest(k, known) == "target" {
			return k
		}
	}
	return ""
}

// baselineOrigin says where a defaulted baseline came from.
func baselineOrigin(source string) string {
	if source != "" {
		return ", the snapshot at " + source
	}
	return ", the default when none is written"
}
