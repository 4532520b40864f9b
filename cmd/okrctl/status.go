package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/report"
)

type statusOptions struct {
	source
	selection
	asOf   string
	format string
	color  string
	wide   bool
}

func newStatusCmd(s *Streams) *cobra.Command {
	o := &statusOptions{}
	cmd := &cobra.Command{
		Use:   "status [PATH...]",
		Short: "Show the progress of every objective and key result at a date",
		Long: strings.TrimSpace(`
Compute each key result's current value from the KPI snapshots, its score,
the score expected by now, its status (achieved, on_track, at_risk, off_track,
missed, no_data) and its forecast at the deadline. Validation findings are
listed on stderr; with error findings status still prints what it can and
exits 1.

On a terminal the table fits its width (COLUMNS, else the terminal's):
the wide table, a row per objective and key result with every number,
when it fits, else a compact layout with each objective on its own line
and its key results' titles, current → target, bar and status below it.
--wide always prints the wide table.

--period selects the objectives whose period lies inside it (2026 holds
2026-H2, 2026-Q4 and 2026-11); --owner and --status repeat.`),
		Example: "  okrctl status\n  okrctl status --as-of 2026-11-20 --period 2026-Q4\n" +
			"  okrctl status --owner marketing --owner ventas --status at_risk --format json\n  okrctl status --lang it --format markdown",
		RunE: func(_ *cobra.Command, a []string) error {
			o.paths = a
			return runStatus(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.asOf, "as-of", "", "compute progress at this date, YYYY-MM-DD (default today)")
	o.selection.addFlags(f, "only objectives whose period lies inside this one (YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM)")
	f.BoolVar(&o.wide, "wide", false, "print the wide table whatever the terminal's width")
	f.StringVar(&o.format, "format", "table", "output format: "+strings.Join(report.StatusFormats(), ", "))
	f.StringVar(&o.color, "color", "auto", "colour: auto, always or never (never under NO_COLOR)")
	f.StringVar(&o.rev, "rev", "", "read the repository as it was at this git revision")
	return cmd
}

func runStatus(s *Streams, o *statusOptions) error {
	formatter, err := report.NewStatusFormatter(o.format)
	if err != nil {
		return &usageError{err}
	}
	if err := oneOf("color", o.color, []string{"auto", "always", "never"}); err != nil {
		return err
	}
	asOf, err := parseAsOf(s, o.asOf)
	if err != nil {
		return err
	}
	filter, err := o.filter()
	if err != nil {
		return err
	}
	l, err := o.language(s)
	if err != nil {
		return err
	}
	o.source.asOf = asOf
	ws, err := loadWorkspace(s, o.source)
	if err != nil {
		return err
	}
	ws.Repo.DropTrees() // the findings are made: only values are read from here on
	loaded()
	st := report.NewStatus(ws.Result, asOf, filter)
	st.Color = s.color(o.color)
	st.Width = s.width()
	st.Wide = o.wide
	st.Lang = l
	st.Rev = o.rev
	if err := formatter.Format(s.Out, st); err != nil {
		return err
	}
	return reportFindings(s, ws)
}

// reportFindings lists a repository's findings on stderr for the commands
// whose stdout is a report, and fails on errors.
func reportFindings(s *Streams, ws *workspace) error {
	if len(ws.Findings) == 0 {
		return nil
	}
	for _, f := range ws.Findings {
		fmt.Fprintln(s.Err, f.Error())
	}
	fmt.Fprintln(s.Err, report.Summary(ws.Findings, ws.Files))
	if errs, _ := diag.Count(ws.Findings); errs > 0 {
		return errFindings
	}
	return nil
}

// parseAsOf reads --as-of, defaulting to today's date.
func parseAsOf(s *Streams, v string) (time.Time, error) {
	if v == "" {
		y, m, d := s.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := okr.ParseDate(v)
	if err != nil {
		return time.Time{}, usageErrorf("invalid --as-of: %v", err)
	}
	return t, nil
}

func checkPeriodFlag(p string) error {
	if p == "" {
		return nil
	}
	if _, err := okr.ParsePeriod(p); err != nil {
		return usageErrorf("invalid --period: %v", err)
	}
	return nil
}
