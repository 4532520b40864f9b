package lint

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"sync"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// Cache lets several runs share what they read alike: YAML files with the
// same path and content are parsed and schema-checked once, and a set of
// snapshot files with the same paths and contents is read into one store.
// okrctl diff gives both revisions one Cache, so that a change to a few
// files costs about one run, not two. Results that share a Cache share
// those objects, which must not be modified. A nil *Cache keeps nothing.
type Cache struct {
	okr okr.Cache

	mu     sync.Mutex
	stores map[[sha256.Size]byte]cachedStore
}

type cachedStore struct {
	store    *kpi.Store
	problems []diag.Finding
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{} }

func (c *Cache) files() *okr.Cache {
	if c == nil {
		return nil
	}
	return &c.okr
}

// snapshots reads the repository's snapshot files into a store, each in
// its dialect and with the KPI documents defs, or takes the store of an
// earlier run that read the same files with the same contents, dialects
// and KPI documents.
func (c *Cache) snapshots(fsys fs.FS, repo *okr.Repo, defs []kpi.Definition, dialect func(fsPath string) kpi.Dialect) (*kpi.Store, []diag.Finding) {
	store := kpi.NewStore()
	store.Define(defs)
	var problems []diag.Finding
	unreadable := func(name string, err error) {
		problems = append(problems, diag.Finding{File: name, Line: 1, Column: 1, Rule: RuleCSV, Message: fmt.Sprintf("cannot read file: %v", err)})
	}
	if c == nil {
		for i, p := range repo.CSV {
			f, err := fsys.Open(p)
			if err != nil {
				unreadable(repo.CSVDisplay[i], err)
				continue
			}
			problems = append(problems, store.ReadDialect(repo.CSVDisplay[i], f, dialect(p))...)
			f.Close()
		}
		return store, append(problems, store.Finish()...)
	}
	// Read the contents first, to know whether an earlier run read the
	// same.
	h := sha256.New()
	// The KPI documents' units and titles and each file's dialect change
	// what a file reads as, so they are part of the key.
	fmt.Fprintf(h, "%q\x00", defs)
	contents := make([][]byte, len(repo.CSV))
	errs := make([]error, len(repo.CSV))
	dialects := make([]kpi.Dialect, len(repo.CSV))
	for i, p := range repo.CSV {
		contents[i], errs[i] = fs.ReadFile(fsys, p)
		dialects[i] = dialect(p)
		fmt.Fprintf(h, "%d:%s\x00%q\x00%d:%v\x00", len(repo.CSVDisplay[i]), repo.CSVDisplay[i], dialects[i], len(contents[i]), errs[i])
		h.Write(contents[i])
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	c.mu.Lock()
	hit, ok := c.stores[key]
	c.mu.Unlock()
	if ok {
		return hit.store, hit.problems
	}
	for i := range repo.CSV {
		if errs[i] != nil {
			unreadable(repo.CSVDisplay[i], errs[i])
			continue
		}
		problems = append(problems, store.ReadDialect(repo.CSVDisplay[i], io.Reader(bytes.NewReader(contents[i])), dialects[i])...)
	}
	problems = append(problems, store.Finish()...)
	c.mu.Lock()
	if c.stores == nil {
		c.stores = map[[sha256.Size]byte]cachedStore{}
	}
	c.stores[key] = cachedStore{store, problems}
	c.mu.Unlock()
	return store, problems
}
