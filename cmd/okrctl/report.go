package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/internal/atomicfile"
	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/report"
)

type reportOptions struct {
	source
	selection
	asOf   string
	output string
}

func newReportCmd(s *Streams) *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [PATH...]",
		Short: "Write the Markdown report of a period's objectives",
		Long: strings.TrimSpace(`
Write the period's report as Markdown (GitHub tables, footnotes and Mermaid
charts): how much of the period has elapsed, a summary of every objective of
the period (owner, score, status, commitment), the alignment tree of parent
and child objectives with rolled-up scores, a section per objective with its
key results and a trend chart per KPI-backed key result, what needs
attention (key results off track, at risk, missed or without data,
committed objectives below 1.0, stale KPIs), the validation findings and the
snapshot file and line of every current value.

--as-of defaults to today. --period defaults to the quarter of the as-of date
(YYYY-Qn); it reports the objectives whose period lies inside it (a 2026
report holds the quarters of 2026), leaves the others and their findings
out, and a period without objectives gives a short report that says so.
--owner (repeatable, ignoring case) and --status (repeatable) select
objectives; with several owners the report rolls their scores up per
owner. --lang writes it in English, Italian or Spanish (default from
LC_ALL, LC_MESSAGES or LANG), with that language's number and date formats. Text from the YAML files is
escaped: it cannot break a table, inject HTML or mention people.

Without -o the report goes to stdout as it is written. -o FILE replaces
FILE atomically (a temporary file in the same directory, synced, then
renamed), so a reader never sees half a report, and a write that fails
leaves FILE as it was. With error findings the report is still written,
lists them, and okrctl exits 1.`),
		Example: "  okrctl report -o report.md\n" +
			"  okrctl report --lang it --owner marketing --owner ventas -o report-it.md\n" +
			"  okrctl report --period 2026-Q4 --as-of 2026-11-20 -o reports/2026-Q4.md\n" +
			"  okrctl report --period 2026-Q3 --as-of 2026-09-30 --rev v2026.09",
		RunE: func(_ *cobra.Command, a []string) error {
			o.paths = a
			return runReport(s, o)
		},
	}
	f := cmd.Flags()
	o.selection.addFlags(f, "the period to report (YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM; default the quarter of --as-of)")
	f.StringVar(&o.asOf, "as-of", "", "compute progress at this date, YYYY-MM-DD (default today)")
	f.StringVarP(&o.output, "output", "o", "", "write the report to this file, atomically (default stdout)")
	f.StringVar(&o.rev, "rev", "", "read the repository as it was at this git revision")
	return cmd
}

func runReport(s *Streams, o *reportOptions) error {
	asOf, err := parseAsOf(s, o.asOf)
	if err != nil {
		return err
	}
	period, err := reportPeriod(o.period, asOf)
	if err != nil {
		return err
	}
	o.period = ""
	filter, err := o.filter()
	if err != nil {
		return err
	}
	l, err := o.language(s)
	if err != nil {
		return err
	}
	out := o.output
	if out != "" && out != "-" {
		if !filepath.IsAbs(out) {
			out = filepath.Join(s.Dir, out)
		}
		if err := checkOutput(out); err != nil {
			return err
		}
	}
	o.source.asOf = asOf
	ws, err := loadWorkspace(s, o.source)
	if err != nil {
		return err
	}
	ws.Repo.DropTrees() // the findings are made: only values are read from here on
	loaded()
	r := report.NewReport(ws.Result, asOf, period, filter)
	r.Lang = l
	r.Rev = o.rev
	if out == "" || out == "-" {
		if err := r.WriteMarkdown(s.Out); err != nil {
			return err
		}
	} else {
		// An interrupt (Ctrl-C, SIGTERM) stops the rendering at its next
		// write, so that the temporary file is removed as on any failure.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if err := writeReport(ctx, out, r); err != nil {
			return err
		}
		fmt.Fprintf(s.Err, "wrote %s: %s as of %s, %s\n", o.output, period.Text, asOf.Format(time.DateOnly), plural.Of(len(r.Objectives), "objective"))
	}
	return reportFindings(s, ws)
}

// writeReport renders r straight into the temporary file of out: a large
// report is never held whole, and a failure, or ctx ending, leaves the old
// file as it was and no temporary file.
func writeReport(ctx context.Context, out string, r *report.Report) error {
	return atomicfile.WriteFunc(out, func(w io.Writer) error {
		return r.WriteMarkdown(ctxWriter{ctx, w})
	})
}

// ctxWriter writes to w until ctx ends, then fails.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if c.ctx.Err() != nil {
		return 0, errInterrupted
	}
	return c.w.Write(p)
}

var errInterrupted = errors.New("interrupted")

// reportPeriod parses --period, defaulting to the quarter of the as-of
// date: the report a team writes during (or at the end of) its quarter.
func reportPeriod(flag string, asOf time.Time) (okr.Period, error) {
	if flag == "" {
		return okr.QuarterOf(asOf), nil
	}
	p, err := okr.ParsePeriod(flag)
	if err != nil {
		return okr.Period{}, usageErrorf("invalid --period: %v", err)
	}
	return p, nil
}

// checkOutput refuses, before any work, an -o that cannot be a report file:
// a directory, something other than a regular file, or a path whose
// directory does not exist.
func checkOutput(path string) error {
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return usageErrorf("-o %s: is a directory", path)
		}
		if !info.Mode().IsRegular() {
			return usageErrorf("-o %s: not a regular file", path)
		}
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageErrorf("-o %s: directory %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("-o %s: %w", path, err)
	case !info.IsDir():
		return usageErrorf("-o %s: %s is not a directory", path, dir)
	}
	return nil
}
