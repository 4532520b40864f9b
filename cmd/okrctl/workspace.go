package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
)

// source says what a command reads: paths, optionally at a git revision,
// and the as-of date for date-dependent rules.
type source struct {
	paths []string
	rev   string
	asOf  time.Time
}

// workspace is a loaded and checked repository with its configuration.
type workspace struct {
	*lint.Result
	config *config.Config
	// names are the files read (and reported on), as displayed, sorted.
	names []string
}

// loadWorkspace finds the configuration, reads the repository (from the
// working tree, or from a git revision with --rev) and runs the rules.
func loadWorkspace(s *Streams, src source) (*workspace, error) {
	var (
		fsys fs.FS
		base string
		find = findConfig
	)
	if src.rev != "" {
		tree, err := openRevision(s.Dir, src.rev)
		if err != nil {
			return nil, err
		}
		fsys, base, find = tree.fs, tree.root, tree.findConfig
	}
	cfg, err := find(s.Dir, src.paths)
	if err != nil {
		return nil, err
	}
	paths, scoped := src.paths, false
	var named []string
	if src.rev == "" {
		var whole []string
		if whole, named, scoped = repositoryContext(s.Dir, cfg, src.paths); scoped {
			paths = whole
		}
	}
	res, err := lint.Run(lint.Options{FS: fsys, Base: base, Cwd: s.Dir, Paths: paths, Config: cfg, AsOf: src.asOf, BeforeSnapshots: snapshotsAhead})
	if err != nil {
		return nil, err
	}
	keep := func(string) bool { return true }
	if scoped {
		keep = under(s.Dir, named)
		narrow(res, keep)
	}
	ws := &workspace{Result: res, config: cfg}
	for _, f := range res.Repo.Files {
		if keep(f.Path) {
			ws.names = append(ws.names, f.Path)
		}
	}
	for _, name := range res.Repo.CSVDisplay {
		if keep(name) {
			ws.names = append(ws.names, name)
		}
	}
	slices.Sort(ws.names)
	return ws, nil
}

// repositoryContext decides how named paths are read (docs/configuration.md,
// "Repository context"): when every one of them lies inside what the whole
// repository's run reads, that whole run is made and only the named paths'
// objectives and findings are kept, so that one file is checked against
// the KPIs, snapshots and objectives around it. The repository's root is
// where .okrctl.yaml was found, else the git work tree's top. ok is false
// when there is no such repository, or a named path lies outside what it
// reads (an ignored folder of deliberately broken files, say): the named
// paths are then read on their own.
func repositoryContext(dir string, cfg *config.Config, paths []string) (whole, named []string, ok bool) {
	if len(paths) == 0 {
		return nil, nil, false
	}
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		named = append(named, filepath.Clean(p))
	}
	root := cfg.Dir
	if cfg.File == "" {
		if root = gitTop(named[0]); root == "" {
			return nil, nil, false
		}
	}
	if !filepath.IsAbs(root) {
		root = filepath.Join(dir, root)
	}
	for _, p := range cfg.Paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		whole = append(whole, filepath.Clean(p))
	}
	if len(whole) == 0 {
		whole = []string{filepath.Clean(root)}
	}
	inside := under(dir, whole)
	for _, p := range named {
		rel, err := filepath.Rel(root, p)
		if err != nil || !inside(p) || (rel != "." && cfg.Ignored(filepath.ToSlash(rel))) {
			return nil, nil, false
		}
	}
	return whole, named, true
}

// gitTop returns the top of the git work tree that holds path, or "".
func gitTop(path string) string {
	dir := path
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// narrow keeps, of a whole repository's run, the objectives, findings and
// file count of the files keep accepts.
func narrow(res *lint.Result, keep func(file string) bool) {
	res.Findings = slices.DeleteFunc(res.Findings, func(f lint.Finding) bool { return !keep(f.File) })
	res.Repo.Objectives = slices.DeleteFunc(slices.Clone(res.Repo.Objectives), func(o *okr.Objective) bool { return !keep(o.File()) })
	res.Files = 0
	for _, f := range res.Repo.Files {
		if keep(f.Path) {
			res.Files++
		}
	}
	for _, name := range res.Repo.CSVDisplay {
		if keep(name) {
			res.Files++
		}
	}
}

// findConfig looks for .okrctl.yaml on disk from the first path upward,
// then from the working directory upward, so that `okrctl validate
// examples` uses the examples' own configuration wherever it is run from.
func findConfig(dir string, paths []string) (*config.Config, error) {
	fsys, top, name := config.DiskFS(dir)
	return config.Lookup(fsys, top, dir, paths, name)
}
