package lint

type unknownParent struct{ base }

func newUnknownParent() *unknownParent {
	return &unknownParent{newBase("unknown-parent", Error, "an objective's parent names no objective")}
}

// Check reports each objective whose parent names no objective,
// suggesting the closest id.
func (r *unknownParent) Check(p *Pass) {
	var ids []string
	for _, o := range p.Repo.Objectives {
		if o.Parent == "" || p.Objectives[o.Parent] != nil {
			continue
		}
		if ids == nil {
			ids = sortedKeys(p.Objectives)
		}
		p.Reportf(o.File(), o.Pos.Value("parent"), "parent %q names no objective%s", o.Parent, didYouMean(o.Parent, ids))
	}
}
