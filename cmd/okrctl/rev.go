package main

import (
	"errors"
	"io/fs"

	"github.com/okrctl/okrctl/pkg/config"
)

// revision is the repository as it was at a git revision.
type revision struct {
	fs         fs.FS
	root       string // absolute path of the repository's top level
	findConfig func(dir string, paths []string) (*config.Config, error)
}

func openRevision(dir, rev string) (*revision, error) {
	return nil, usageErrorf("--rev %s: %v", rev, errors.New("not supported yet"))
}
