package lint

import (
	"sync"

	"github.com/okrctl/okrctl/internal/parallel"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/title"
)

// titleStatements reads every key result's title once, for the rules that
// judge titles (vague, title-number, rate-title): they run side by side
// and share what was read.
type titleStatements struct {
	once sync.Once
	m    map[*okr.Objective][]title.Statement
}

// titles returns what the titles of o's key results state, in the order
// of its key results.
func (p *Pass) titles(o *okr.Objective) []title.Statement {
	c := p.titleCache
	if c == nil {
		return readTitles(o)
	}
	c.once.Do(func() {
		objs := p.Repo.Objectives
		c.m = make(map[*okr.Objective][]title.Statement, len(objs))
		// Read in chunks on every core; each chunk writes its own slots.
		const chunk = 256
		out := make([][]title.Statement, len(objs))
		parallel.For((len(objs)+chunk-1)/chunk, func(i int) {
			lo, hi := i*chunk, min((i+1)*chunk, len(objs))
			n := 0
			for _, o := range objs[lo:hi] {
				n += len(o.KeyResults)
			}
			// One allocation for the chunk's statements.
			all := make([]title.Statement, n)
			for j := lo; j < hi; j++ {
				k := len(objs[j].KeyResults)
				out[j] = readTitlesInto(objs[j], all[:k:k])
				all = all[k:]
			}
		})
		for j, o := range objs {
			c.m[o] = out[j]
		}
	})
	if s, ok := c.m[o]; ok {
		return s
	}
	return readTitles(o)
}

func readTitles(o *okr.Objective) []title.Statement {
	return readTitlesInto(o, make([]title.Statement, len(o.KeyResults)))
}

// readTitlesInto reads o's titles into s, which has room for them.
func readTitlesInto(o *okr.Objective, s []title.Statement) []title.Statement {
	for i, kr := range o.KeyResults {
		s[i] = title.Read(kr.Title)
	}
	return s
}
