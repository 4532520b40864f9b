package lint

import (
	"strings"

	"github.com/okrctl/okrctl/pkg/okr"
)

type parentCycle struct{ base }

func newParentCycle() *parentCycle {
	return &parentCycle{newBase("parent-cycle", Error, "objectives whose parents form a cycle")}
}

// Check follows parent links from every objective, colouring visited ids,
// so each cycle is found once in linear time. It is reported once, at the
// parent of the member that sorts first by file and line.
func (r *parentCycle) Check(p *Pass) {
	const (
		unvisited = iota
		onPath
		done
	)
	state := make(map[string]int, len(p.Objectives))
	for _, start := range p.Repo.Objectives {
		if start.ID == "" || p.Objectives[start.ID] != start || state[start.ID] != unvisited {
			continue
		}
		var path []*okr.Objective
		o := start
		for o != nil && state[o.ID] == unvisited {
			state[o.ID] = onPath
			path = append(path, o)
			o = p.Objectives[o.Parent]
		}
		if o != nil && state[o.ID] == onPath {
			var cycle []*okr.Objective
			for i, q := range path {
				if q == o {
					cycle = path[i:]
					break
				}
			}
			r.report(p, cycle)
		}
		for _, q := range path {
			state[q.ID] = done
		}
	}
}

func (r *parentCycle) report(p *Pass, cycle []*okr.Objective) {
	first := 0
	for i, o := range cycle {
		a, b := o, cycle[first]
		if a.File() < b.File() || (a.File() == b.File() && a.Pos.At.Line < b.Pos.At.Line) {
			first = i
		}
	}
	names := make([]string, 0, len(cycle)+1)
	for i := range cycle {
		names = append(names, cycle[(first+i)%len(cycle)].ID)
	}
	names = append(names, names[0])
	o := cycle[first]
	if len(cycle) == 1 {
		p.Reportf(o.File(), o.Pos.Value("parent"), "objective %q is its own parent", o.ID)
		return
	}
	p.Reportf(o.File(), o.Pos.Value("parent"), "parents form a cycle: %s", strings.Join(names, " → "))
}
