package lint

import (
	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/okr"
)

type deadline struct{ base }

func newDeadline() *deadline {
	return &deadline{newBase("deadline", Error, "a key result whose deadline cannot be resolved, is not a date, or lies outside its objective's period")}
}

// Check resolves each key result's deadline. An omitted deadline is the end
// of the period, so it is only wrong when the period is; a bad period is
// the schema's to report, so it is not reported again here.
func (r *deadline) Check(p *Pass) {
	for _, o := range p.Repo.Objectives {
		for i, kr := range o.KeyResults {
			_, v := okr.Lookup(kr.Node, "deadline")
			if v == nil || v.Kind != yaml.ScalarNode || (v.ShortTag() != "!!str" && v.ShortTag() != "!!timestamp") {
				continue
			}
			d, err := okr.ParseDate(v.Value)
			if err != nil {
				p.Reportf(o.File(), okr.PosOf(v), "%s: deadline %s", krName(kr, i), err.Error())
				continue
			}
			if o.HasPeriod() && !o.Period.Contains(d) {
				p.Reportf(o.File(), okr.PosOf(v), "%s: deadline %s lies outside the objective's period %s (%s to %s)",
					krName(kr, i), v.Value, o.Period.Text, o.Period.Start.Format("2006-01-02"), o.Period.End.Format("2006-01-02"))
			}
		}
	}
}
