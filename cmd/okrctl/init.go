package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/scaffold"
)

func newInitCmd(s *Streams) *cobra.Command {
	ci := "github"
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a starter OKR repository: config, an objective, KPIs, schemas and a CI workflow",
		Long: strings.TrimSpace(`
Write a starter OKR repository into DIR (default: the working directory):
.okrctl.yaml, one objective for the current quarter under okrs/, KPI
definitions and a snapshot file under kpis/, the JSON schemas under
.okrctl/schema/ (each YAML file names its schema for editors' YAML language
servers), and a CI pipeline that validates every change and comments the
output of okrctl diff on it: with --ci github (the default)
.github/workflows/okrctl.yml and the weekly okrctl pull workflow
.github/workflows/okrctl-pull.yml, with --ci gitlab .gitlab-ci.yml (a Code
Quality report, JUnit test results, a merge-request note and a scheduled
okrctl-pull job; see docs/ci.md), with --ci none no pipeline.

An existing file is never overwritten: init says which it skipped, so running
it again changes nothing.`),
		Example: "  okrctl init\n  okrctl init okrs-repo && cd okrs-repo && okrctl validate\n  okrctl init --ci gitlab",
		Args:    args(cobra.MaximumNArgs(1)),
		RunE: func(_ *cobra.Command, a []string) error {
			dir := "."
			if len(a) == 1 {
				dir = a[0]
			}
			return runInit(s, dir, ci)
		},
	}
	cmd.Flags().StringVar(&ci, "ci", ci, "CI pipeline to write: "+strings.Join(scaffold.CISystems(), ", "))
	return cmd
}

func runInit(s *Streams, arg, ci string) error {
	if err := oneOf("ci", ci, scaffold.CISystems()); err != nil {
		return err
	}
	dir := arg
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(s.Dir, dir)
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return usageErrorf("init: %s is not a directory", dir)
	}
	files, err := scaffold.Files(scaffold.Options{Now: s.Now(), Version: version(), CI: ci})
	if err != nil {
		return err
	}
	outcomes, err := scaffold.Write(dir, files)
	for _, o := range outcomes {
		// Paths as the user spelled DIR, so that they can be copied.
		shown := filepath.ToSlash(filepath.Join(arg, filepath.FromSlash(o.Path)))
		if o.Created {
			fmt.Fprintf(s.Out, "created %s\n", shown)
		} else {
			fmt.Fprintf(s.Out, "skipped %s (exists)\n", shown)
		}
	}
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	return nil
}
