package okr

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/internal/parallel"
	"github.com/okrctl/okrctl/internal/suggest"
	"github.com/okrctl/okrctl/pkg/diag"
)

// Options say where Load looks.
type Options struct {
	// FS is the file system to read; Roots are slash-separated paths in it
	// (files or directories).
	FS    fs.FS
	Roots []string
	// Ignore reports whether a file or directory found while walking under
	// root is to be skipped. Roots themselves are never ignored.
	Ignore func(fsPath, root string) bool
	// Display turns an fs path into the path shown to users.
	Display func(fsPath string) string
	// Check, when set, runs on every Objective and KPI document right after
	// its file is parsed, on the same worker, so that one parse of a file
	// feeds every check. Its issues join the file's.
	Check func(d *Document) []diag.Finding
	// Cache, when set, keeps every file parsed (and checked) so that a
	// later Load given the same Cache and Check reuses it where a file has
	// the same displayed path and the same content: okrctl diff reads two
	// revisions that differ in a few files. Its objectives and KPIs are
	// then shared between the two Repos, and must not be modified.
	Cache *Cache
}

// Repo is everything Load found.
type Repo struct {
	Files      []*File  // YAML files, sorted by display path
	CSV        []string // fs paths of snapshot files, sorted by display path
	CSVDisplay []string // display paths of CSV, same order
	Objectives []*Objective
	KPIs       []*KPI
}

// Issues returns the problems of every file, in file order.
func (r *Repo) Issues() []diag.Finding {
	var out []diag.Finding
	for _, f := range r.Files {
		out = append(out, f.Issues...)
	}
	return out
}

// PathError is a root that cannot be read (it does not exist, or it is not
// readable); commands exit 2 on it.
type PathError struct {
	Path string
	Err  error
}

// Error formats the error as path: reason.
func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }

// Unwrap returns the underlying error, for errors.Is.
func (e *PathError) Unwrap() error { return e.Err }

// Load walks the roots, parses every *.yaml and *.yml file once (in
// parallel) and collects *.csv paths. Hidden files and directories are
// skipped unless named as a root.
func Load(opt Options) (*Repo, error) {
	show := func(p string) string { return p }
	if opt.Display != nil {
		show = opt.Display
	}
	// A name that is not UTF-8 is shown with its odd bytes escaped.
	display := func(p string) string { return escapeName(show(p)) }
	var yamls []string
	seen := map[string]bool{}
	repo := &Repo{}
	add := func(p string, asCSV bool) {
		if seen[p] {
			return
		}
		seen[p] = true
		if asCSV {
			repo.CSV = append(repo.CSV, p)
		} else {
			yamls = append(yamls, p)
		}
	}
	for _, root := range opt.Roots {
		root = path.Clean(root)
		info, err := fs.Stat(opt.FS, root)
		if err != nil {
			return nil, &PathError{Path: display(root), Err: unwrapPathErr(err)}
		}
		if special(info.Mode()) {
			// A named pipe would block the read until some writer came.
			return nil, &PathError{Path: display(root), Err: notRegular(info.Mode())}
		}
		if !info.IsDir() {
			add(root, strings.EqualFold(path.Ext(root), ".csv"))
			continue
		}
		err = fs.WalkDir(opt.FS, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return &PathError{Path: display(p), Err: unwrapPathErr(err)}
			}
			if p == root {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") || (opt.Ignore != nil && opt.Ignore(p, root)) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// A link to a file is read like the file (a shared KPI
				// file, say); links to directories are not followed, so
				// that a loop cannot trap the walk.
				if info, err := fs.Stat(opt.FS, p); err != nil || !info.Mode().IsRegular() {
					return nil
				}
			} else if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			switch strings.ToLower(path.Ext(name)) {
			case ".yaml", ".yml":
				add(p, false)
			case ".csv":
				add(p, true)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}

	// Each worker reads, parses, checks and decodes whole files; only the
	// merge below, in path order, is sequential.
	parts := make([]Repo, len(yamls))
	parallel.For(len(yamls), func(i int) {
		p := yamls[i]
		src, size, err := readFile(opt.FS, p)
		if err != nil || size > MaxFileSize {
			f := &File{Path: display(p)}
			if err != nil {
				f.issue(Pos{1, 1}, RuleYAML, fmt.Sprintf("cannot read file: %v", unwrapPathErr(err)))
			} else {
				f.tooBig(size)
			}
			parts[i].Files = []*File{f}
			return
		}
		// Hashing every file costs a tenth of a validation: only a
		// cache needs the key.
		var key string
		if opt.Cache != nil {
			key = cacheKey(display(p), src)
			if part, ok := opt.Cache.get(key); ok {
				parts[i] = part
				return
			}
		}
		f := ParseFile(display(p), src)
		if opt.Check != nil {
			for _, d := range f.Docs {
				if d.Kind == KindObjective || d.Kind == KindKPI {
					f.Issues = append(f.Issues, opt.Check(d)...)
				}
			}
		}
		parts[i].Files = []*File{f}
		parts[i].addFile(f)
		opt.Cache.put(key, parts[i])
	})
	sort.Slice(parts, func(i, j int) bool { return parts[i].Files[0].Path < parts[j].Files[0].Path })
	repo.Files = make([]*File, len(parts))
	for i := range parts {
		repo.Files[i] = parts[i].Files[0]
		repo.Objectives = append(repo.Objectives, parts[i].Objectives...)
		repo.KPIs = append(repo.KPIs, parts[i].KPIs...)
	}

	sort.Slice(repo.CSV, func(i, j int) bool { return display(repo.CSV[i]) < display(repo.CSV[j]) })
	for _, p := range repo.CSV {
		repo.CSVDisplay = append(repo.CSVDisplay, display(p))
	}
	return repo, nil
}

// addFile dispatches each document of f on its kind.
func (r *Repo) addFile(f *File) {
	objectives := 0
	for _, d := range f.Docs {
		n := d.Node
		if n.Kind != yaml.MappingNode {
			f.issue(PosOf(n), RuleKind, "document is not a mapping: want an Objective or KPI document with a kind")
			continue
		}
		switch d.Kind {
		case KindObjective:
			objectives++
			if objectives >= 2 {
				f.issue(PosOf(n), RuleOneObjective, "a file holds one Objective: move this one to a file of its own")
			}
			r.Objectives = append(r.Objectives, decodeObjective(d))
		case KindKPI:
			r.KPIs = append(r.KPIs, decodeKPI(d))
		case "":
			if k, v := Lookup(n, "kind"); k != nil && (v == nil || v.Kind == yaml.ScalarNode) {
				f.issue(ValuePos(n, "kind"), RuleKind, "kind is empty: want Objective or KPI")
			} else if k != nil {
				what := "list"
				if v.Kind == yaml.MappingNode {
					what = "mapping"
				}
				f.issue(ValuePos(n, "kind"), RuleKind, "kind must be Objective or KPI, not a "+what)
			} else {
				f.issue(PosOf(n), RuleKind, "document has no kind: want kind: Objective or kind: KPI")
			}
		default:
			msg := fmt.Sprintf("unknown kind %q: want Objective or KPI", d.Kind)
			if s := suggest.Closest(d.Kind, []string{KindObjective, KindKPI}); s != "" {
				msg = fmt.Sprintf("unknown kind %q: did you mean %q?", d.Kind, s)
			}
			f.issue(ValuePos(n, "kind"), RuleKind, msg)
		}
	}
}

// readFile reads a file unless it is larger than MaxFileSize, so that a huge
// file never sits in memory; size is the file's size as far as known.
func readFile(fsys fs.FS, name string) (src []byte, size int64, err error) {
	if r, ok := fsys.(wholeFileReader); ok {
		if src, size, ok, err := r.readWhole(name, MaxFileSize); ok {
			return src, size, err
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	hint := int64(512)
	if info, err := f.Stat(); err == nil {
		if special(info.Mode()) {
			return nil, 0, notRegular(info.Mode())
		}
		if info.Size() > MaxFileSize {
			return nil, info.Size(), nil
		}
		hint = info.Size() + 1 // one more byte, so that EOF comes in the first read
	}
	src = make([]byte, 0, hint)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := r.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)] // grow: the file grew since Stat
		}
	}
	if len(src) > MaxFileSize {
		return nil, int64(len(src)), nil // it grew since Stat, or Stat could not tell
	}
	return src, int64(len(src)), nil
}

// errNotRegular is the error of reading something that is neither a
// regular file nor a directory.
var errNotRegular = errors.New("not a regular file or directory")

// special reports whether a file of mode m is a named pipe, socket or
// device, which okrctl does not read: opening a pipe waits for a writer.
func special(m fs.FileMode) bool {
	return m&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0
}

// notRegular describes a file of mode m that is neither a regular file nor
// a directory, as an error wrapping errNotRegular.
func notRegular(m fs.FileMode) error {
	what := "a special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return fmt.Errorf("is %s, %w", what, errNotRegular)
}

// escapeName returns a file name as shown to users: unchanged when it is
// valid UTF-8, else with each byte that is not part of a character written
// as \xNN (r\xe9sum\xe9.yaml), as Go quotes strings.
func escapeName(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, "\\x%02x", name[i])
		} else {
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// DropTrees lets go of the YAML trees of every document, which are most of
// a loaded repository's memory (docs/architecture.md, "Memory"), once
// nothing will ask where a field is written: the findings are made and
// only the model's values are read from here on, as by status and report.
// Afterwards every Fields answers its mapping's own position, Raw nil, and
// the documents' and key results' nodes are nil.
func (r *Repo) DropTrees() {
	for _, f := range r.Files {
		for _, d := range f.Docs {
			d.Node = nil
		}
	}
	for _, o := range r.Objectives {
		o.Pos.drop()
		for _, kr := range o.KeyResults {
			kr.Node = nil
			kr.Pos.drop()
		}
	}
	for _, k := range r.KPIs {
		k.Pos.drop()
		if k.Source != nil {
			k.Source.Node = nil
		}
	}
}
