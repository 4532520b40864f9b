package lint

import (
	"fmt"

	"github.com/okrctl/okrctl/pkg/okr"
)

type duplicateID struct{ base }

func newDuplicateID() *duplicateID {
	return &duplicateID{newBase("duplicate-id", Error, "two objectives, two KPIs, or two key results of one objective share an id")}
}

// Check reports every use of an id after its first, pointing back at the
// first so the reader can choose which to rename.
func (r *duplicateID) Check(p *Pass) {
	objectives := map[string]*okr.Objective{}
	for _, o := range p.Repo.Objectives {
		if o.ID == "" {
			continue
		}
		if first, dup := objectives[o.ID]; dup {
			p.Reportf(o.File(), o.Pos.Value("id"), "objective id %q is already used at %s", o.ID, where(first.File(), first.Pos))
		} else {
			objectives[o.ID] = o
		}
		krs := map[string]*okr.KeyResult{}
		for _, kr := range o.KeyResults {
			if kr.ID == "" {
				continue
			}
			if first, dup := krs[kr.ID]; dup {
				p.Reportf(o.File(), kr.Pos.Value("id"), "key result id %q is already used in this objective at line %d", kr.ID, first.Pos.Value("id").Line)
			} else {
				krs[kr.ID] = kr
			}
		}
	}
	kpis := map[string]*okr.KPI{}
	for _, k := range p.Repo.KPIs {
		if k.ID == "" {
			continue
		}
		if first, dup := kpis[k.ID]; dup {
			p.Reportf(k.File(), k.Pos.Value("id"), "KPI id %q is already defined at %s", k.ID, where(first.File(), first.Pos))
		} else {
			kpis[k.ID] = k
		}
	}
}

// where formats the position of a document's "id" as file:line.
func where(file string, f okr.Fields) string {
	return fmt.Sprintf("%s:%d", file, f.Value("id").Line)
}
