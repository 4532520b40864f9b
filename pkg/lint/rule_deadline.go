package lint

import (
	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/okr"
)

type deadline struct{ base }

func newDeadline() *deadline {
	return &deadline{newBase("deadline", Error, "a key result whose deadline cannot be resolved, is not a date, or lies outside its objective's period")}
}

// Check resolves each key result's deadline: the written one, which must
// be a date (whatever its type: the schema leaves the deadline to this
// rule), inside the objective's period; else the end of the period. When
// the period is missing or invalid, the schema's one finding on the period
// says so; a defaulted deadline, which that period would give, is not
// reported again for each key result (one problem, one finding).
func (r *deadline) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			v := kr.Pos.Raw("deadline")
			if v == nil || (v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null") {
				continue
			}
			if v.Kind != yaml.ScalarNode {
				p.Reportf(o.File(), okr.PosOf(v), "%s: deadline must be a date (YYYY-MM-DD), not %s", krName(kr, i), describe(v))
				continue
			}
			d := kr.Deadline // v.Value, parsed when loading
			if d.IsZero() {
				var err error
				if d, err = okr.ParseDate(v.Value); err != nil {
					p.Reportf(o.File(), okr.PosOf(v), "%s: deadline %s", krName(kr, i), err.Error())
					continue
				}
			}
			if o.HasPeriod() && !o.Period.Contains(d) {
				p.Reportf(o.File(), okr.PosOf(v), "%s: deadline %s lies outside the objective's period %s (%s to %s)",
					krName(kr, i), v.Value, o.Period.Text, o.Period.Start.Format("2006-01-02"), o.Period.End.Format("2006-01-02"))
			}
		}
	}
}
