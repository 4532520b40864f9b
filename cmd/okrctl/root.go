package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/okr"
)

// Exit codes of every command.
const (
	exitOK       = 0 // no error findings
	exitFindings = 1 // error findings, or warnings under --strict
	exitUsage    = 2 // usage or configuration error, unreadable path, internal failure
)

// errFindings says the command ran and found problems it has already
// reported.
var errFindings = errors.New("findings")

// usageError is a mistake in the command line.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// Main runs okrctl with args and returns the exit code. It is the one
// place where errors become exit codes.
func Main(args []string, s *Streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	err := root.Execute()
	return exitCode(s, err)
}

func exitCode(s *Streams, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errFindings) {
		return exitFindings
	}
	var ue *usageError
	var ce *config.Error
	var pe *okr.PathError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(s.Err, "okrctl: %v\nRun 'okrctl --help' for usage.\n", err)
	case errors.As(err, &ce):
		fmt.Fprintf(s.Err, "okrctl: configuration: %v\n", err)
	case errors.As(err, &pe):
		fmt.Fprintf(s.Err, "okrctl: cannot read %v\n", err)
	default:
		fmt.Fprintf(s.Err, "okrctl: %v\n", err)
	}
	return exitUsage
}

func newRootCmd(s *Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "okrctl",
		Short: "OKRs as code: validate objectives and key results, track KPI progress, write reports",
		Long: strings.TrimSpace(`
okrctl treats OKRs as code. Objectives, key results and KPI definitions live
as YAML files in a git repository and KPI measurements as CSV snapshots.
okrctl validates them against the rules of good OKRs, computes progress and
prints terminal tables or Markdown reports.`),
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetVersionTemplate("okrctl {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	root.AddCommand(
		newValidateCmd(s),
		newStatusCmd(s),
		newReportCmd(s),
		newDiffCmd(s),
		newInitCmd(s),
		newPullCmd(s),
		newCheckinCmd(s),
		newSchemaCmd(s),
		newRulesCmd(s),
		newVersionCmd(s),
	)
	addCompletions(root, s)
	return root
}

// args wraps a cobra positional-argument check so its failure is a usage
// error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return &usageError{err}
		}
		return nil
	}
}

// oneOf checks a flag value against its allowed values.
func oneOf(flag, value string, allowed []string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usageErrorf("invalid --%s %q (want %s)", flag, value, strings.Join(allowed, ", "))
}
