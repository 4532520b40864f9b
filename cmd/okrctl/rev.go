package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/gitfs"
	"github.com/okrctl/okrctl/pkg/okr"
)

// revision is the repository as it was at a git revision.
type revision struct {
	repo       *gitfs.Repo
	fs         fs.FS
	root       string // absolute path of the repository's top level
	commit     string // the full id of the commit read
	findConfig func(dir string, paths []string) (*config.Config, error)
}

// openRevision reads the tree of the git revision rev of the repository
// around dir. The YAML and CSV files okrctl may read come from git in one
// batch; the configuration is looked for inside that tree.
func openRevision(dir, rev string) (*revision, error) {
	repo, err := gitfs.Open(dir)
	if err != nil {
		return nil, revisionError(rev, err)
	}
	return readRevision(repo, rev)
}

// readRevision reads the tree of revision rev of an open repository; trees
// read from one Repo share the blobs they have in common.
func readRevision(repo *gitfs.Repo, rev string) (*revision, error) {
	tree, err := repo.Tree(rev, func(name string, size int64) bool {
		switch strings.ToLower(path.Ext(name)) {
		case ".yaml", ".yml", ".csv":
			return size <= okr.MaxFileSize
		}
		return false
	})
	if err != nil {
		return nil, revisionError(rev, err)
	}
	r := &revision{repo: repo, fs: tree, root: repo.Root, commit: tree.Commit}
	r.findConfig = func(dir string, paths []string) (*config.Config, error) {
		return r.config(rev, dir, paths)
	}
	return r, nil
}

// revisionError gives a failure to read a revision its context; each
// exits 2.
func revisionError(rev string, err error) error {
	var re *gitfs.RevisionError
	if errors.As(err, &re) {
		return err // it names the revision already
	}
	return fmt.Errorf("cannot read revision %q: %w", rev, err)
}

// config finds .okrctl.yaml inside the revision's tree the way findConfig
// does on disk, never above the repository's top level.
func (r *revision) config(rev, dir string, paths []string) (*config.Config, error) {
	return config.Lookup(r.fs, r.root, dir, paths, func(rel string) string { return rev + ":" + rel })
}

// rel turns an absolute path into a path of the revision's tree; ok is
// false outside the repository.
func (r *revision) rel(p string) (string, bool) {
	rel, err := filepath.Rel(r.root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
