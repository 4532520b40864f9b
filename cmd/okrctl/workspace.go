package main

import (
	"io/fs"
	"os"
	"path/filepath"
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

// findConfig looks for .okrctl.yaml from the first path upward, then from
// the working directory upward, so that `okrctl validate examples` uses the
// examples' own configuration wherever it is run from.
func findConfig(dir string, paths []string) (*config.Config, error) {
	for _, start := range configStarts(dir, paths) {
		if p := config.Find(start); p != "" {
			return config.Load(p)
		}
	}
	return config.Default(dir), nil
}

func configStarts(dir string, paths []string) []string {
	var starts []string
	if len(paths) > 0 {
		p := paths[0]
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			p = filepath.Dir(p)
		}
		starts = append(starts, p)
	}
	return append(starts, dir)
}
