package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/report"
)

type validateOptions struct {
	source
	asOf   string
	format string
	strict bool
	color  string
}

func newValidateCmd(s *Streams) *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check OKR files against the schema and the rules of good OKRs",
		Long: strings.TrimSpace(`
Check every objective, KPI and snapshot file under PATH (default: the paths of
.okrctl.yaml, else the working directory). Findings are printed one a line as
path:line:col: severity: message [rule]. --as-of DATE also runs the rules
that depend on a date (stale-data), as status does at that date; in CI, pass
the day of the run. Exit 0 without error findings, 1 with
them (or with warnings under --strict), 2 on a usage or configuration error.`),
		Example: "  okrctl validate\n  okrctl validate okrs/2026-Q1 --format json\n  okrctl validate --format sarif > okrctl.sarif",
		RunE: func(_ *cobra.Command, a []string) error {
			o.paths = a
			if o.format == "" {
				o.format = "text"
				if s.Getenv("GITHUB_ACTIONS") == "true" {
					o.format = "github"
				}
			}
			return runValidate(s, o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "", "output format: "+strings.Join(report.FindingsFormats(), ", ")+" (default text, github under GITHUB_ACTIONS=true)")
	cmd.Flags().BoolVar(&o.strict, "strict", false, "exit 1 on warnings too")
	cmd.Flags().StringVar(&o.asOf, "as-of", "", "also run the date-dependent rules (stale-data) at this date, YYYY-MM-DD")
	cmd.Flags().StringVar(&o.rev, "rev", "", "read the repository as it was at this git revision")
	cmd.Flags().StringVar(&o.color, "color", "auto", "colour: auto, always or never")
	return cmd
}

func runValidate(s *Streams, o *validateOptions) error {
	f, err := report.NewFindingsFormatter(o.format)
	if err != nil {
		return &usageError{err}
	}
	if err := oneOf("color", o.color, []string{"auto", "always", "never"}); err != nil {
		return err
	}
	if o.asOf != "" {
		if o.source.asOf, err = parseAsOf(s, o.asOf); err != nil {
			return err
		}
	}
	ws, err := loadWorkspace(s, o.source)
	if err != nil {
		return err
	}
	err = f.Format(s.Out, &report.Findings{
		Findings: ws.Findings,
		Files:    ws.Files,
		Rules:    lint.Rules(),
		Source:   ws.SourceLine,
		Terminal: s.OutTerminal && o.format == "text",
		Color:    o.format == "text" && s.color(o.color),
		Version:  version(),
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(s.Err, report.Summary(ws.Findings, ws.Files))
	errs, warns := lint.Count(ws.Findings)
	if errs > 0 || (o.strict && warns > 0) {
		return errFindings
	}
	return nil
}
