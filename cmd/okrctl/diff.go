package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/gitfs"
	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okrdiff"
	"github.com/okrctl/okrctl/pkg/report"
)

type diffOptions struct {
	base, head string // head "" is the working tree
	paths      []string
	format     string
	asOf       string
	lang       string
	help       bool // -h after the dash
}

// setArgs takes the revisions before -- and the paths after it. pflag stops
// at the dash, but the synopsis puts the flags last (okrctl diff main HEAD
// -- okrs --format markdown), so the flags after it are parsed here: a path
// there cannot start with '-' (./-name can), and one after a second dash is
// never a flag.
func (o *diffOptions) setArgs(cmd *cobra.Command, a []string) error {
	revs := a
	if dash := cmd.ArgsLenAtDash(); dash >= 0 {
		revs = a[:dash]
		rest := a[dash:]
		if odd := unknownFlag(cmd, rest); odd != "" {
			return fmt.Errorf("path %q after -- starts with \"-\": okrctl diff reads flags after -- too; write it as ./%s", odd, odd)
		}
		flags := cmd.Flags()
		if err := flags.Parse(rest); err != nil {
			return fmt.Errorf("after --: %w", err)
		}
		o.paths = flags.Args()
		if o.help, _ = flags.GetBool("help"); o.help {
			return nil
		}
	}
	if len(revs) == 0 {
		return fmt.Errorf("diff needs a BASE revision")
	}
	if len(revs) > 2 {
		return fmt.Errorf("diff takes at most two revisions, got %d: put paths after --", len(revs))
	}
	o.base = revs[0]
	if len(revs) == 2 {
		o.head = revs[1]
	}
	return nil
}

// unknownFlag returns the first of args, up to a "--", that looks like a
// flag but names none of cmd's; "" when there is none.
func unknownFlag(cmd *cobra.Command, args []string) string {
	flags := cmd.Flags()
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return ""
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		// known: the flag exists; next: its value is the next argument.
		var known, next bool
		if a[1] == '-' {
			name, _, joined := strings.Cut(a[2:], "=")
			f := flags.Lookup(name)
			known = f != nil
			next = known && !joined && f.NoOptDefVal == ""
		} else {
			f := flags.ShorthandLookup(a[1:2])
			known = f != nil
			next = known && len(a) == 2 && f.NoOptDefVal == ""
		}
		if !known {
			return a
		}
		if next {
			i++
		}
	}
	return ""
}

func newDiffCmd(s *Streams) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff BASE [HEAD] [-- PATH...]",
		Short: "Show what an OKR change really changes between two git revisions",
		Long: strings.TrimSpace(`
Compare the OKR files at git revision BASE with those at HEAD (default: the
working tree): objectives and key results added, removed or renamed, targets
raised or lowered (and whether that raises or lowers the bar), baselines,
deadlines, owners, weights, directions, KPIs, periods, commitment, parents,
descriptions and labels changed, KPI documents changed, snapshot rows of
BASE's past rewritten and new rows per KPI, and the effect on scores and
statuses at --as-of. A target or baseline changed, a key result dropped, a
deadline moved later, a weight lowered, or a KPI's aggregation, good or unit
changed after the period began is flagged as a moved goalpost: changed on
the day of HEAD's commit (its committer date), or at --as-of when HEAD is
the working tree. Objectives are matched by id, so a moved file is not a
removal.

PATHs after -- restrict the report to the objectives in them and the findings
of their files; both revisions are still read whole, so KPI definitions and
snapshots elsewhere count. Flags may also follow the paths; write a path that
starts with '-' as ./-name.

The markdown format starts with the marker <!-- okrctl-diff --> so that CI can
keep one sticky comment per pull request. Validation findings of HEAD are
listed, never fatal: the exit status is 0 whatever changed, 2 when a revision
does not exist, the directory is not in a git repository, git is missing or
HEAD's configuration is invalid. An invalid configuration in BASE is replaced
by HEAD's, with a note on stderr, so that a change that fixes it gets a diff.`),
		Example: "  okrctl diff main\n  okrctl diff v1.0 HEAD -- okrs/2026-Q1\n  okrctl diff origin/main HEAD --format markdown > okr-diff.md",
		Args:    args(o.setArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.help {
				return cmd.Help()
			}
			return runDiff(s, o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.DiffFormats(), ", "))
	cmd.Flags().StringVar(&o.asOf, "as-of", "", "compute scores at this date, YYYY-MM-DD (default today); for the working tree, also the day its changes count as made")
	cmd.Flags().StringVar(&o.lang, "lang", "", "language of the markdown format: "+strings.Join(lang.Names(), ", ")+" (default from LC_ALL, LC_MESSAGES or LANG, else en)")
	return cmd
}

func runDiff(s *Streams, o *diffOptions) error {
	l, err := (&selection{lang: o.lang}).language(s)
	if err != nil {
		return err
	}
	f, err := report.NewDiffFormatterIn(o.format, l)
	if err != nil {
		return &usageError{err}
	}
	asOf, err := parseAsOf(s, o.asOf)
	if err != nil {
		return err
	}
	base, err := loadDiffSide(s, o.base)
	if err != nil {
		return err
	}
	base.base = true
	var head *diffSide
	if o.head == "" {
		// The working tree must be in the same repository as BASE, which
		// loadDiffSide(BASE) has checked.
		head = &diffSide{find: findConfig}
	} else if head, err = loadDiffSideIn(base.rev.repo, o.head); err != nil {
		return err
	} else if head.ref.Date, err = head.rev.repo.CommitDate(head.ref.Commit); err != nil {
		// A change in HEAD was made on its commit's day at the latest,
		// which is what a moved goalpost is judged by.
		return revisionError(o.head, err)
	}
	paths, err := diffPaths(s, o.paths, base, head)
	if err != nil {
		return err
	}
	hcfg, err := head.config(s, paths)
	if err != nil {
		return err
	}
	bcfg, err := base.config(s, paths)
	var ce *config.Error
	if errors.As(err, &ce) {
		// A change that fixes BASE's configuration must still get its
		// diff. HEAD's configuration reads the same files with the same
		// status gaps, so only the OKR files' changes show.
		using := "the default configuration"
		switch {
		case hcfg.File != "" && head.rev == nil:
			using = "the configuration of the working tree"
		case hcfg.File != "":
			using = "the configuration of " + head.ref.String()
		}
		fmt.Fprintf(s.Err, "okrctl: note: BASE %s is read with %s, as its own is invalid: %v\n", o.base, using, err)
		bcfg, err = hcfg, nil
	}
	if err != nil {
		return err
	}
	// One cache for both sides: a file alike in both is parsed and
	// checked once, and unchanged snapshots are read once.
	root, cache := base.rev.root, lint.NewCache()
	b, err := base.check(s, bcfg, root, paths, cache)
	if err != nil {
		return err
	}
	// BASE is loaded: what reading it left behind (git's output, the
	// parser's scratch) is freed before HEAD, which reuses its files.
	loaded()
	h, err := head.check(s, hcfg, root, paths, cache)
	if err != nil {
		return err
	}
	return f.Format(s.Out, okrdiff.Compare(b, h, okrdiff.Options{AsOf: asOf, Only: under(s.Dir, paths)}))
}

// diffSide is one side of a diff: a revision's tree, or the working tree
// when rev is nil.
type diffSide struct {
	base bool // BASE, whose findings are not shown
	rev  *revision
	ref  okrdiff.Ref
	find func(dir string, paths []string) (*config.Config, error)
}

func loadDiffSide(s *Streams, rev string) (*diffSide, error) {
	r, err := openRevision(s.Dir, rev)
	if err != nil {
		return nil, err
	}
	return &diffSide{rev: r, ref: okrdiff.Ref{Rev: rev, Commit: r.commit}, find: r.findConfig}, nil
}

// loadDiffSideIn reads the other revision from the repository BASE was
// read from, so that the files alike in both come from git once.
func loadDiffSideIn(repo *gitfs.Repo, rev string) (*diffSide, error) {
	r, err := readRevision(repo, rev)
	if err != nil {
		return nil, err
	}
	return &diffSide{rev: r, ref: okrdiff.Ref{Rev: rev, Commit: r.commit}, find: r.findConfig}, nil
}

// exists reports whether the path (absolute) is on this side.
func (d *diffSide) exists(p string) bool {
	if d.rev == nil {
		_, err := os.Stat(p)
		return err == nil
	}
	rel, ok := d.rev.rel(p)
	if !ok {
		return false
	}
	_, err := fs.Stat(d.rev.fs, rel)
	return err == nil
}

// diffPaths makes the paths absolute and checks that each exists on at
// least one side: a directory added by the change is missing from BASE.
func diffPaths(s *Streams, paths []string, sides ...*diffSide) ([]string, error) {
	var abs []string
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(s.Dir, p)
		}
		p = filepath.Clean(p)
		found := false
		for _, side := range sides {
			found = found || side.exists(p)
		}
		if !found {
			return nil, usageErrorf("path %s exists in neither revision", p)
		}
		abs = append(abs, p)
	}
	return abs, nil
}

// check loads and checks the whole repository on this side, as its
// configuration names it: the configuration's paths, else the directory
// of the configuration file, else root, the repository's top level. The
// PATHs the user gave restrict what the diff reports, not what is read: a
// key result under them may use a KPI and snapshots kept anywhere. Those
// PATHs are read too, where this side has them, in case the configuration
// leaves them out. A side that has none of it is empty.
func (d *diffSide) check(s *Streams, cfg *config.Config, root string, paths []string, cache *lint.Cache) (okrdiff.Side, error) {
	side := okrdiff.Side{Ref: d.ref}
	var roots []string
	for _, p := range cfg.Paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(cfg.Dir, p)
		}
		roots = append(roots, p)
	}
	if len(roots) == 0 {
		if cfg.File != "" {
			root = cfg.Dir
		}
		roots = append(roots, root)
	}
	// The configuration's paths, like the user's, may be new in HEAD.
	roots = d.existing(append(roots, paths...))
	if len(roots) == 0 {
		return side, nil
	}
	// BASE's findings are not shown: read it without running the rules.
	opt := lint.Options{Cwd: s.Dir, Paths: roots, Config: cfg, Cache: cache, LoadOnly: d.base, BeforeSnapshots: snapshotsAhead}
	if d.rev != nil {
		opt.FS, opt.Base = d.rev.fs, d.rev.root
	}
	var err error
	side.Result, err = lint.Run(opt)
	return side, err
}

// config finds this side's configuration, from the first of paths it has
// upward, then from the working directory upward, and checks it as
// lint.Run would: an unknown rule id is a *config.Error here already.
func (d *diffSide) config(s *Streams, paths []string) (*config.Config, error) {
	cfg, err := d.find(s.Dir, d.existing(paths))
	if err != nil {
		return nil, err
	}
	if err := lint.CheckConfig(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// existing returns the paths (absolute) that are on this side.
func (d *diffSide) existing(paths []string) []string {
	var here []string
	for _, p := range paths {
		if d.exists(p) {
			here = append(here, p)
		}
	}
	return here
}

// under returns whether a file, named as lint names it (relative to dir,
// '/'-separated), is one of paths (absolute, clean) or inside one; nil,
// which keeps every file, when there are no paths.
func under(dir string, paths []string) func(file string) bool {
	if len(paths) == 0 {
		return nil
	}
	return func(file string) bool {
		p := filepath.FromSlash(file)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		for _, root := range paths {
			if p == root || strings.HasPrefix(p, strings.TrimSuffix(root, string(filepath.Separator))+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
}
