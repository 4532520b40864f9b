package lint

import (
	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/internal/plural"
)

type krCount struct{ base }

func newKRCount() *krCount {
	return &krCount{newBase("kr-count", Error, "an objective with fewer than 3 or more than 5 key results (bounds in config)")}
}

// Check counts the entries of key_results; a missing list counts as none.
func (r *krCount) Check(p *Pass) {
	lo, hi := p.bounds()
	for _, o := range p.Repo.Objectives {
		v := o.Pos.Raw("key_results")
		n, pos := 0, o.Pos.At
		if o.Pos.Has("key_results") {
			if v == nil || (v.Kind != yaml.SequenceNode && v.ShortTag() != "!!null") {
				continue // not a list: the schema reports it
			}
			n, pos = len(v.Content), o.Pos.Key("key_results")
		}
		switch {
		case n == 0 && !o.Pos.Has("key_results"):
			p.Reportf(o.File(), pos, "objective %q has no key_results: give it %s measurable key results", o.ID, bounds(lo, hi))
		case n < lo:
			p.Reportf(o.File(), pos, "objective %q has %s: give it %s", o.ID, plural.Of(n, "key result"), bounds(lo, hi))
		case n > hi:
			p.Reportf(o.File(), pos, "objective %q has %s: keep %s and focus on what matters most", o.ID, plural.Of(n, "key result"), bounds(lo, hi))
		}
	}
}
