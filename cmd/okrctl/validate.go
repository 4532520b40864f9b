package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/diag"
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
that depend on a date (stale-data, checkin-due), as status does at that date; in CI, pass
the day of the run. Exit 0 without error findings, 1 with
them (or with warnings under --strict), 2 on a usage or configuration error.

In CI, the github and sarif formats give paths relative to GITHUB_WORKSPACE
and the gitlab format relative to CI_PROJECT_DIR, where those are set, so
that findings land on the right files when okrctl runs in a subdirectory.
Formats for CI systems are described in docs/ci.md.`),
		Example: "  okrctl validate\n  okrctl validate okrs/2026-Q1 --format json\n  okrctl validate --format sarif > okrctl.sarif\n  okrctl validate --format gitlab > gl-code-quality-report.json\n  okrctl validate --format junit --as-of \"$(date +%F)\" > okrctl-junit.xml",
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
	cmd.Flags().StringVar(&o.asOf, "as-of", "", "also run the date-dependent rules (stale-data, checkin-due) at this date, YYYY-MM-DD")
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
	findings, names := ws.Findings, ws.names
	if root := ciRoot(s, o.format); root != "" {
		findings, names = relativeTo(s.Dir, root, findings, names)
	}
	err = f.Format(s.Out, &report.Findings{
		Findings: findings,
		Files:    ws.Files,
		Names:    names,
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
	errs, warns := diag.Count(ws.Findings)
	if errs > 0 || (o.strict && warns > 0) {
		return errFindings
	}
	return nil
}

// ciRoot is the directory a CI system takes the paths of a format's
// report as relative to: the repository's checkout (GITHUB_WORKSPACE for
// the github and sarif formats, CI_PROJECT_DIR for gitlab); "" when not
// running there or for other formats, whose paths stay relative to the
// working directory.
func ciRoot(s *Streams, format string) string {
	switch format {
	case "github", "sarif":
		return s.Getenv("GITHUB_WORKSPACE")
	case "gitlab":
		return s.Getenv("CI_PROJECT_DIR")
	}
	return ""
}

// relativeTo rewrites the files of findings and names, relative to dir,
// as relative to root, so that an annotation lands on the right file when
// okrctl runs in a subdirectory of the checkout. A file outside root keeps
// its path.
func relativeTo(dir, root string, findings []lint.Finding, names []string) ([]lint.Finding, []string) {
	rel := func(name string) string {
		p := filepath.FromSlash(name)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		r, err := filepath.Rel(root, p)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return name
		}
		return filepath.ToSlash(r)
	}
	out := make([]lint.Finding, len(findings))
	for i, f := range findings {
		f.File = rel(f.File)
		out[i] = f
	}
	var ns []string
	for _, n := range names {
		ns = append(ns, rel(n))
	}
	return out, ns
}
