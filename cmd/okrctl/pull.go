package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/internal/suggest"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/pull"
)

type pullOptions struct {
	since   string
	dryRun  bool
	update  bool
	timeout time.Duration
	format  string
}

func newPullCmd(s *Streams) *cobra.Command {
	o := &pullOptions{}
	cmd := &cobra.Command{
		Use:   "pull [KPI...]",
		Short: "Fetch KPI values from their sources into the snapshot files",
		Long: strings.TrimSpace(`
Run the source of every KPI that has one (or of the KPIs named) and add the
rows it returns to the KPI's snapshot file (source.file, else .okrctl.yaml
sources.file, else kpis/snapshots/<kpi>.csv), in date order and in the file's
own dialect. Rows already there are left alone, so a second run adds nothing.
A day already in the file with another value is a conflict: it is listed and
the file is left untouched (exit 1), unless --update rewrites it.
Queries run read-only and each source has --timeout to answer.`),
		Example: "  okrctl pull\n  okrctl pull leads_generated --since 2026-10-01 --dry-run\n  okrctl pull --update --format json",
		RunE: func(cmd *cobra.Command, a []string) error {
			return runPull(cmd.Context(), s, o, a)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.since, "since", "", "only rows on or after this date, YYYY-MM-DD")
	f.BoolVar(&o.dryRun, "dry-run", false, "fetch and compare, but write nothing")
	f.BoolVar(&o.update, "update", false, "rewrite rows whose value changed at the source instead of refusing")
	f.DurationVar(&o.timeout, "timeout", pull.DefaultTimeout, "how long each source may take")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	return cmd
}

func runPull(ctx context.Context, s *Streams, o *pullOptions, ids []string) error {
	if err := oneOf("format", o.format, []string{"text", "json"}); err != nil {
		return err
	}
	if o.timeout <= 0 {
		return usageErrorf("invalid --timeout %s: want a positive duration such as 30s", o.timeout)
	}
	var since kpi.Day
	if o.since != "" {
		t, err := okr.ParseDate(o.since)
		if err != nil {
			return usageErrorf("invalid --since: %v", err)
		}
		since = kpi.DayOf(t)
	}
	ws, err := loadWorkspace(s, source{})
	if err != nil {
		return err
	}
	loaded() // what the sources return is read, merged and dropped
	kpis, err := pullKPIs(ws, ids)
	if err != nil {
		return err
	}
	if len(kpis) == 0 {
		// Not an error: the scheduled workflow runs before any source exists.
		fmt.Fprintln(s.Err, "okrctl pull: no KPI has a source: add source: to a KPI definition (okrctl schema kpi)")
		return nil
	}
	if ctx == nil {
		ctx = context.Background()
	}
	// An interrupted pull writes nothing more: every file is replaced
	// atomically or not at all.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	dir := ws.config.Dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(s.Dir, dir)
	}
	opt := pull.Options{
		KPIs: kpis, Dir: dir, Cwd: s.Dir, File: ws.config.Sources.File,
		Env: s.Getenv, Today: kpi.DayOf(s.Now()), Since: since,
		DryRun: o.dryRun, Update: o.update, Timeout: o.timeout,
		Dialect: ws.config.Snapshots.For,
	}
	if o.format == "text" {
		// On a terminal a transient line says which source runs; the
		// result lines replace it.
		transient := false
		clear := func() {
			if transient {
				fmt.Fprint(s.Err, "\r\x1b[K")
				transient = false
			}
		}
		if s.ErrTerminal {
			opt.Fetching = func(id string) {
				clear()
				fmt.Fprintf(s.Err, "%s: fetching…", id)
				transient = true
			}
		}
		opt.Progress = func(r pull.KPIResult) { clear(); printPullKPI(s, o, r) }
		defer clear()
	}
	res, runErr := pull.Run(ctx, opt)
	if o.format == "json" && res != nil {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
	if runErr != nil {
		return runErr
	}
	if res.Failed() {
		return errFindings
	}
	return nil
}

// pullKPIs returns the KPIs named (each must have a source), or every KPI
// with a source.
func pullKPIs(ws *workspace, ids []string) ([]*okr.KPI, error) {
	if len(ids) == 0 {
		var out []*okr.KPI
		for _, k := range ws.Repo.KPIs {
			if k.Source != nil && ws.KPIs[k.ID] == k {
				out = append(out, k)
			}
		}
		return out, nil
	}
	var out []*okr.KPI
	seen := map[string]bool{}
	for _, id := range ids {
		k := ws.KPIs[id]
		if k == nil {
			known := make([]string, 0, len(ws.KPIs))
			for id := range ws.KPIs {
				known = append(known, id)
			}
			msg := fmt.Sprintf("unknown KPI %q", id)
			if sug := suggest.Closest(id, known); sug != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", sug)
			}
			return nil, usageErrorf("%s", msg)
		}
		if k.Source == nil {
			return nil, usageErrorf("KPI %q has no source (%s)", id, k.File())
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, k)
		}
	}
	return out, nil
}

// printPullKPI writes one KPI's outcome to stderr: a line with the counts,
// then its conflicts and its error.
func printPullKPI(s *Streams, o *pullOptions, r pull.KPIResult) {
	w := s.Err
	if r.Err != nil {
		fmt.Fprintf(w, "%s: failed: %v\n", r.KPI, r.Err)
		return
	}
	verb := "added"
	if o.dryRun {
		verb = "to add"
	}
	conflicts := plural.Of(len(r.Conflicts), "conflict")
	if o.update {
		conflicts = fmt.Sprintf("%d updated", len(r.Conflicts))
	}
	fmt.Fprintf(w, "%s: %s fetched, %d %s, %s → %s", r.KPI, plural.Of(r.Fetched, "row"), r.Added, verb, conflicts, r.File)
	switch {
	case o.dryRun:
		fmt.Fprint(w, " (dry run: not written)")
	case len(r.Conflicts) > 0 && !o.update:
		fmt.Fprint(w, " (not written)")
	case !r.Written:
		fmt.Fprint(w, " (unchanged)")
	}
	fmt.Fprintln(w)
	for _, c := range r.Conflicts {
		v := formatNumber(c.Value)
		if c.Updated && !o.dryRun {
			fmt.Fprintf(w, "  %s:%d: %s on %s updated from %s to %s\n", c.File, c.Line, c.KPI, c.Date, c.FileValue, v)
		} else if c.Updated {
			fmt.Fprintf(w, "  %s:%d: %s on %s would be updated from %s to %s\n", c.File, c.Line, c.KPI, c.Date, c.FileValue, v)
		} else {
			fmt.Fprintf(w, "  %s:%d: conflict: %s on %s is %s in the file but %s at the source (--update rewrites it)\n", c.File, c.Line, c.KPI, c.Date, c.FileValue, v)
		}
	}
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
