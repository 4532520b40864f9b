package pull

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/okrctl/okrctl/internal/atomicfile"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/source"
)

// DefaultFile is where rows go when neither the KPI's source.file nor the
// configuration's sources.file says; {kpi} stands for the KPI's id.
const DefaultFile = "kpis/snapshots/{kpi}.csv"

// DefaultTimeout bounds each source's run.
const DefaultTimeout = 60 * time.Second

// Options say what Run pulls and how.
type Options struct {
	// KPIs are the KPIs to pull, each with a Source.
	KPIs []*okr.KPI
	// Dir is the repository's directory (the configuration's): files,
	// SQLite paths and commands are relative to it.
	Dir string
	// Cwd is the working directory, for displayed paths.
	Cwd string
	// File is the configured default file (sources.file); "" for DefaultFile.
	File string
	// Env reads environment variables.
	Env source.Env
	// Today is the day a row without a date stands for.
	Today kpi.Day
	// Since, when set, drops fetched rows before that day.
	Since kpi.Day
	// DryRun computes everything and writes nothing.
	DryRun bool
	// Update rewrites rows whose value changed instead of refusing.
	Update bool
	// Timeout bounds each source; DefaultTimeout when 0.
	Timeout time.Duration
	// Dialect, when set, gives the configured dialect of a snapshot file by
	// its '/'-separated path relative to Dir (.okrctl.yaml snapshots:).
	Dialect func(rel string) kpi.Dialect
	// MaxRows overrides source.MaxRows (tests).
	MaxRows int
	// Fetching, when set, is called as each KPI's source starts.
	Fetching func(kpi string)
	// Progress, when set, is called once per KPI when its file is merged.
	Progress func(KPIResult)
}

// KPIResult is what pulling one KPI did.
type KPIResult struct {
	KPI       string     `json:"kpi"`
	Source    string     `json:"source"`
	File      string     `json:"file"`
	Fetched   int        `json:"fetched"`
	Added     int        `json:"added"`
	Unchanged int        `json:"unchanged"`
	Conflicts []Conflict `json:"conflicts"`
	// Error is why the KPI's source failed; Err holds it typed.
	Error string `json:"error,omitempty"`
	Err   error  `json:"-"`
	// Written is set when the KPI's file was written (not under --dry-run,
	// nor when a conflict or an interruption kept it untouched).
	Written bool `json:"written"`
}

// Result is what Run did, KPI by KPI in the order given.
type Result struct {
	KPIs   []KPIResult `json:"kpis"`
	DryRun bool        `json:"dry_run"`
	Update bool        `json:"update"`
}

// Failed reports whether a source failed or a conflict was left unresolved:
// the command then exits 1.
func (r *Result) Failed() bool {
	for _, k := range r.KPIs {
		if k.Err != nil || (len(k.Conflicts) > 0 && !r.Update) {
			return true
		}
	}
	return false
}

// Run fetches every KPI's rows, then merges them file by file: a file with
// an unresolved conflict, or any file once ctx is done, is left untouched.
// It returns an error only when nothing could be written because of ctx.
func Run(ctx context.Context, opt Options) (*Result, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	res := &Result{DryRun: opt.DryRun, Update: opt.Update, KPIs: make([]KPIResult, len(opt.KPIs))}
	fetched := make([][]source.Row, len(opt.KPIs))
	var files []string // in first-use order
	byFile := map[string][]int{}
	for i, k := range opt.KPIs {
		r := &res.KPIs[i]
		r.KPI = k.ID
		path := opt.file(k)
		r.File = opt.display(path)
		if _, ok := byFile[path]; !ok {
			files = append(files, path)
		}
		byFile[path] = append(byFile[path], i)
		if rel, err := filepath.Rel(opt.Dir, path); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			r.Err = fmt.Errorf("KPI %s: its file %s lies outside the repository (%s): pull writes only inside it", k.ID, r.File, opt.display(opt.Dir))
			r.Error = r.Err.Error()
			continue
		}
		if opt.Fetching != nil {
			opt.Fetching(k.ID)
		}
		rows, desc, err := opt.fetch(ctx, k)
		r.Source = desc
		if err != nil {
			r.Err, r.Error = err, err.Error()
			if ctx.Err() != nil {
				return res, fmt.Errorf("interrupted: no file written: %w", ctx.Err())
			}
			continue
		}
		r.Fetched = len(rows)
		if opt.Since != 0 {
			kept := rows[:0]
			for _, row := range rows {
				if row.Day >= opt.Since {
					kept = append(kept, row)
				}
			}
			rows = kept
		}
		fetched[i] = rows
	}
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("interrupted: %w", err)
		}
		idx := byFile[path]
		var conf kpi.Dialect
		if opt.Dialect != nil {
			rel, _ := filepath.Rel(opt.Dir, path)
			conf = opt.Dialect(filepath.ToSlash(rel))
		}
		f, err := readSnapshotFile(path, opt.display(path), conf)
		if err != nil {
			for _, i := range idx {
				if res.KPIs[i].Err == nil {
					res.KPIs[i].Err, res.KPIs[i].Error = err, err.Error()
				}
				opt.report(res.KPIs[i])
			}
			continue
		}
		m := newMerger(f)
		blocked := false
		for _, i := range idx {
			if res.KPIs[i].Err != nil {
				continue
			}
			c := m.add(opt.KPIs[i].ID, fetched[i], opt.Update)
			r := &res.KPIs[i]
			r.Added, r.Unchanged, r.Conflicts = c.added, c.unchanged, c.conflicts
			if r.Conflicts == nil {
				r.Conflicts = []Conflict{}
			}
			blocked = blocked || (len(c.conflicts) > 0 && !opt.Update)
		}
		write := !opt.DryRun && !blocked && m.changed() && (len(m.inserts) > 0 || len(m.updates) > 0)
		if write {
			out, err := m.output()
			if err == nil {
				err = writeFile(path, f.path, out)
			}
			if err != nil {
				for _, i := range idx {
					if res.KPIs[i].Err == nil {
						res.KPIs[i].Err, res.KPIs[i].Error = err, err.Error()
					}
				}
				write = false
			}
		}
		for _, i := range idx {
			r := &res.KPIs[i]
			r.Written = write && r.Err == nil
			opt.report(*r)
		}
	}
	for i := range res.KPIs {
		if res.KPIs[i].Conflicts == nil {
			res.KPIs[i].Conflicts = []Conflict{}
		}
	}
	return res, nil
}

// writeFile replaces path atomically, creating its directory for a new
// file; errors name the file as displayed.
func writeFile(path, display string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create the directory of %s: %w", display, errors.Unwrap(err))
	}
	if err := atomicfile.Write(path, data); err != nil {
		return fmt.Errorf("write %s: %w", display, errors.Unwrap(err))
	}
	return nil
}

func (opt *Options) report(r KPIResult) {
	if opt.Progress != nil {
		opt.Progress(r)
	}
}

// fetch runs one KPI's source under the timeout.
func (opt *Options) fetch(ctx context.Context, k *okr.KPI) ([]source.Row, string, error) {
	desc := ""
	if k.Source != nil {
		desc = k.Source.Type
	}
	src, err := source.New(k, source.Options{Env: opt.Env, Dir: opt.Dir, Today: opt.Today, MaxRows: opt.MaxRows})
	if err != nil {
		return nil, desc, err
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	rows, err := src.Fetch(ctx)
	var se *source.Error
	if errors.As(err, &se) && se.Timeout {
		se.Msg = fmt.Sprintf("no answer within %s (--timeout)", opt.Timeout)
	}
	return rows, src.Describe(), err
}

// file is the absolute path of the file k's rows go to.
func (opt *Options) file(k *okr.KPI) string {
	p := opt.File
	if k.Source != nil && k.Source.File != "" {
		p = k.Source.File
	}
	if p == "" {
		p = DefaultFile
	}
	p = strings.ReplaceAll(p, "{kpi}", k.ID)
	if !filepath.IsAbs(p) {
		p = filepath.Join(opt.Dir, filepath.FromSlash(p))
	}
	return filepath.Clean(p)
}

func (opt *Options) display(path string) string {
	if opt.Cwd != "" {
		if rel, err := filepath.Rel(opt.Cwd, path); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(path)
}
