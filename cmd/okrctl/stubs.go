package main

import (
	"errors"
	"io/fs"

	"github.com/okrctl/okrctl/pkg/config"

	"github.com/spf13/cobra"
)

func newStatusCmd(*Streams) *cobra.Command { return &cobra.Command{Use: "status", Hidden: true} }
func newReportCmd(*Streams) *cobra.Command { return &cobra.Command{Use: "report", Hidden: true} }
func newDiffCmd(*Streams) *cobra.Command   { return &cobra.Command{Use: "diff", Hidden: true} }
func newInitCmd(*Streams) *cobra.Command   { return &cobra.Command{Use: "init", Hidden: true} }

type revision struct {
	fs         fs.FS
	root       string
	findConfig func(string, []string) (*config.Config, error)
}

func openRevision(dir, rev string) (*revision, error) {
	return nil, errors.New("--rev is not supported yet")
}
