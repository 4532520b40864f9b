package lint

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/okr"
)

type duplicateID struct{ base }

func newDuplicateID() *duplicateID {
	return &duplicateID{newBase("duplicate-id", Error, "two objectives, two KPIs, or two key results of one objective share an id; two KPIs claim one column title")}
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
	r.columnTitles(p)
}

// columnTitles reports a KPI's column title that another KPI has as its id
// or claims as a column title too: a snapshot column so named could mean
// either, and a file with that header is not read (docs/formats.md).
func (r *duplicateID) columnTitles(p *Pass) {
	type claim struct {
		kpi  *okr.KPI
		line int
	}
	titles := map[string]claim{}
	ids := make(map[string]*okr.KPI, len(p.Repo.KPIs)) // a header "Leads" may be written "leads"
	for _, k := range p.Repo.KPIs {
		if key := strings.ToLower(k.ID); k.ID != "" && ids[key] == nil {
			ids[key] = k
		}
	}
	for _, k := range p.Repo.KPIs {
		if p.KPIs[k.ID] != k {
			continue // a second KPI of one id: reported above, and the reader ignores its titles
		}
		for _, t := range columnNodes(k) {
			title := strings.TrimSpace(t.Value)
			key := strings.ToLower(title)
			if key == "" {
				continue
			}
			if other, ok := ids[key]; ok && other != k {
				p.Reportf(k.File(), okr.PosOf(t), "column title %q is the id of KPI %q at %s: a snapshot column so named could mean either; take it out of this list", title, other.ID, where(other.File(), other.Pos))
				continue
			}
			first, dup := titles[key]
			switch {
			case !dup:
				titles[key] = claim{k, t.Line}
			case first.kpi != k:
				p.Reportf(k.File(), okr.PosOf(t), "column title %q is already a column title of KPI %q at %s:%d: a snapshot column so named could mean either; give it to one of them", title, first.kpi.ID, first.kpi.File(), first.line)
			}
		}
	}
}

// columnNodes are the scalar nodes of a KPI's column titles as written.
func columnNodes(k *okr.KPI) []*yaml.Node {
	v := k.Pos.Raw("column")
	if v == nil {
		return nil
	}
	if v.Kind == yaml.ScalarNode {
		return []*yaml.Node{v}
	}
	var out []*yaml.Node
	if v.Kind == yaml.SequenceNode {
		for _, e := range v.Content {
			if e = okr.Deref(e); e != nil && e.Kind == yaml.ScalarNode && e.Tag != "!!null" {
				out = append(out, e)
			}
		}
	}
	return out
}

// where formats the position of a document's "id" as file:line.
func where(file string, f okr.Fields) string {
	return fmt.Sprintf("%s:%d", file, f.Value("id").Line)
}
