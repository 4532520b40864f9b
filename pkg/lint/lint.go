package lint

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/okrctl/okrctl/internal/parallel"
	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// Options say what Run reads.
type Options struct {
	// FS is the file system to read and Base the absolute directory its
	// root stands for. Nil FS means the operating system's, rooted at "/".
	FS   fs.FS
	Base string
	// Cwd is the absolute working directory: relative Paths start there and
	// displayed paths are relative to it.
	Cwd string
	// Paths are the files and directories to read, as the user gave them.
	// Empty means the configuration's paths, else the working directory.
	Paths  []string
	Config *config.Config
	// AsOf enables the date-dependent rules (stale-data) at that date.
	AsOf time.Time
	// Cache, when set, lets runs over two revisions share what is the same
	// in both (see Cache).
	Cache *Cache
	// LoadOnly reads and schema-checks the files but runs no rule: for a
	// side whose findings nobody reads (the base of a diff).
	LoadOnly bool
	// BeforeSnapshots, when set, is told the total size in bytes of the
	// snapshot and check-in files once the YAML files are read, before
	// those are: where a command's memory policy may change
	// (cmd/okrctl/memory.go).
	BeforeSnapshots func(size int64)
}

// Result is a checked repository.
type Result struct {
	Repo      *okr.Repo
	Snapshots *kpi.Store
	Findings  []Finding // sorted
	Files     int       // YAML and CSV files read
	// KPIs and Objectives index the repository by id.
	KPIs       map[string]*okr.KPI
	Objectives map[string]*okr.Objective
	// Config is the configuration the repository was checked with.
	Config *config.Config

	fsys    fs.FS        // what Run read, for the source lines of CSV files
	sources *sourceIndex // built on the first SourceLine
}

// Errors returns the number of error findings.
func (r *Result) Errors() int { e, _ := diag.Count(r.Findings); return e }

// SourceLine returns line n (1-based) of a YAML or CSV file read by Run, as
// displayed in findings, without its line ending; "" when unknown. A CSV
// file is read again, once, on its first use. It is not safe for
// concurrent use.
func (r *Result) SourceLine(file string, n int) string {
	if r.sources == nil {
		r.sources = newSourceIndex(r)
	}
	return r.sources.line(file, n)
}

// Run loads the repository and checks it. It returns an error only for
// what stops the check as a whole (an unreadable path, an unknown rule in
// the configuration); everything wrong inside files is a finding.
func Run(opt Options) (*Result, error) {
	cfg := opt.Config
	if cfg == nil {
		cfg = config.Default(opt.Cwd)
	}
	if err := CheckConfig(cfg); err != nil {
		return nil, err
	}
	if opt.FS == nil {
		opt.FS, opt.Base = okr.DirFS("/"), "/"
	}
	lo, err := loadOptions(opt, cfg)
	if err != nil {
		return nil, err
	}
	lo.Cache = opt.Cache.files()
	repo, err := okr.Load(lo)
	if err != nil {
		return nil, err
	}
	if opt.BeforeSnapshots != nil {
		var size int64
		for _, p := range repo.CSV {
			if fi, err := fs.Stat(opt.FS, p); err == nil {
				size += fi.Size()
			}
		}
		opt.BeforeSnapshots(size)
	}

	cfgDir := configDir(cfg, opt.Cwd)
	dialect := func(fsPath string) kpi.Dialect {
		rel, _ := relToConfig(cfgDir, opt.Base, fsPath)
		return cfg.Snapshots.For(rel)
	}
	// Check-in files are CSV too, told apart by their header: they go to
	// their key results, the others to the snapshot store.
	snapshotFiles, checkIns, checkInProblems := readCheckIns(opt.FS, repo)
	store, csvProblems := opt.Cache.snapshots(opt.FS, snapshotFiles, definitions(repo.KPIs), dialect)
	repo.Objectives, checkInProblems = attachCheckIns(repo.Objectives, checkIns, checkInProblems)
	csvProblems = append(csvProblems, checkInProblems...)

	pass := &Pass{
		Repo: repo, Snapshots: store, Config: cfg, AsOf: opt.AsOf,
		KPIs:       make(map[string]*okr.KPI, len(repo.KPIs)),
		Objectives: make(map[string]*okr.Objective, len(repo.Objectives)),
		titleCache: &titleStatements{},
	}
	for _, k := range repo.KPIs {
		if _, dup := pass.KPIs[k.ID]; !dup && k.ID != "" {
			pass.KPIs[k.ID] = k
		}
	}
	for _, o := range repo.Objectives {
		if _, dup := pass.Objectives[o.ID]; !dup && o.ID != "" {
			pass.Objectives[o.ID] = o
		}
	}

	raw := append(repo.Issues(), csvProblems...)
	// Rules only read the repository: run them side by side, each with a
	// pass of its own, and keep their findings in rule order.
	rules := checks()
	if opt.LoadOnly {
		rules = nil
	}
	passes := make([]*Pass, len(rules))
	parallel.For(len(rules), func(i int) {
		sev, on := severity(cfg, rules[i].Info())
		if !on {
			return
		}
		rp := *pass
		rp.rule = rules[i].Info()
		rp.rule.Severity = sev
		rules[i].Check(&rp)
		passes[i] = &rp
	})
	for _, rp := range passes {
		if rp != nil {
			pass.findings = append(pass.findings, rp.findings...)
		}
	}

	var findings []Finding
	for _, f := range raw {
		info, _ := RuleByID(f.Rule)
		sev, on := severity(cfg, info)
		if !on {
			continue
		}
		f.Severity = sev
		findings = append(findings, f)
	}
	findings = append(findings, pass.findings...)
	findings = suppress(repo.Files, findings, cfg)
	diag.Sort(findings)
	findings = capFindings(findings)
	return &Result{
		Repo: repo, Snapshots: store, Findings: findings,
		Files: len(repo.Files) + len(repo.CSV),
		KPIs:  pass.KPIs, Objectives: pass.Objectives,
		Config: cfg,
		fsys:   opt.FS,
	}, nil
}

// definitions tells the snapshot reader the KPI documents: their units and
// column titles.
func definitions(kpis []*okr.KPI) []kpi.Definition {
	defs := make([]kpi.Definition, 0, len(kpis))
	for _, k := range kpis {
		if k.ID != "" {
			defs = append(defs, kpi.Definition{ID: k.ID, Unit: k.Unit, Columns: k.Columns})
		}
	}
	return defs
}

// configDir returns the configuration's directory, absolute: its paths and
// globs are relative to it.
func configDir(cfg *config.Config, cwd string) string {
	if filepath.IsAbs(cfg.Dir) {
		return cfg.Dir
	}
	return filepath.Join(cwd, cfg.Dir)
}

// relToConfig returns fsPath, a path in the file system rooted at base,
// relative to the configuration's directory cfgDir with '/' separators, or
// ok=false when it lies outside it.
func relToConfig(cfgDir, base, fsPath string) (string, bool) {
	rel, err := filepath.Rel(cfgDir, filepath.Join(base, filepath.FromSlash(fsPath)))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// severity applies the configuration to a rule's default severity.
func severity(cfg *config.Config, info RuleInfo) (Severity, bool) {
	switch cfg.Rules[info.ID].Severity {
	case config.SeverityOff:
		return 0, false
	case config.SeverityError:
		return Error, true
	case config.SeverityWarning:
		return Warning, true
	}
	return info.Severity, true
}

// loadOptions resolves the user's paths to roots in opt.FS, and the
// configuration's ignore globs to a filter.
func loadOptions(opt Options, cfg *config.Config) (okr.Options, error) {
	cfgDir := configDir(cfg, opt.Cwd)
	paths := opt.Paths
	if len(paths) == 0 {
		for _, p := range cfg.Paths {
			if !filepath.IsAbs(p) {
				p = filepath.Join(cfgDir, p)
			}
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		paths = []string{opt.Cwd}
	}
	paths = withCheckInDir(paths, cfg, cfgDir, opt.FS, opt.Base)
	toFS := func(p string) (string, error) {
		if !filepath.IsAbs(p) {
			p = filepath.Join(opt.Cwd, p)
		}
		rel, err := filepath.Rel(opt.Base, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", fmt.Errorf("outside %s", opt.Base)
		}
		return filepath.ToSlash(rel), nil
	}
	// The working directory as an fs path: files under it display as the
	// rest of their fs path, which is clean already, without joining and
	// relativising again for each of thousands of files.
	cwdFS, cwdOK := "", false
	if rel, err := filepath.Rel(opt.Base, opt.Cwd); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		cwdFS, cwdOK = filepath.ToSlash(rel), true
	}
	display := func(fsPath string) string {
		switch {
		case cwdOK && cwdFS == ".":
			return fsPath
		case cwdOK && len(fsPath) > len(cwdFS) && fsPath[len(cwdFS)] == '/' && strings.HasPrefix(fsPath, cwdFS):
			return fsPath[len(cwdFS)+1:]
		}
		abs := filepath.Join(opt.Base, filepath.FromSlash(fsPath))
		if rel, err := filepath.Rel(opt.Cwd, abs); err == nil {
			return filepath.ToSlash(rel)
		}
		return filepath.ToSlash(abs)
	}
	var roots []string
	for _, p := range paths {
		r, err := toFS(p)
		if err != nil {
			return okr.Options{}, &okr.PathError{Path: p, Err: err}
		}
		roots = append(roots, r)
	}
	// A root the globs would ignore was named on purpose: read it anyway.
	explicit := map[string]bool{}
	for _, r := range roots {
		if rel, ok := relToConfig(cfgDir, opt.Base, r); ok && rel != "." && cfg.Ignored(rel) {
			explicit[r] = true
		}
	}
	ignore := func(fsPath, root string) bool {
		if len(cfg.Ignore) == 0 || explicit[root] {
			return false
		}
		rel, ok := relToConfig(cfgDir, opt.Base, fsPath)
		return ok && cfg.Ignored(rel)
	}
	return okr.Options{FS: opt.FS, Roots: roots, Ignore: ignore, Display: display, Check: checkSchema}, nil
}
