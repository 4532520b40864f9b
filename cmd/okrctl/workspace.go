package main

import (
	"io/fs"
	"time"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
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
	res, err := lint.Run(lint.Options{FS: fsys, Base: base, Cwd: s.Dir, Paths: src.paths, Config: cfg, AsOf: src.asOf})
	if err != nil {
		return nil, err
	}
	return &workspace{Result: res, config: cfg}, nil
}

// findConfig looks for .okrctl.yaml on disk from the first path upward,
// then from the working directory upward, so that `okrctl validate
// examples` uses the examples' own configuration wherever it is run from.
func findConfig(dir string, paths []string) (*config.Config, error) {
	fsys, top, name := config.DiskFS(dir)
	return config.Lookup(fsys, top, dir, paths, name)
}
