package kpi

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/okrctl/okrctl/pkg/diag"
)

// Point is one snapshot: a KPI value on a date, with where it came from.
// Line and Col are those of the value's cell. It is 24 bytes.
type Point struct {
	Day   Day
	Col   int32 // 1-based character column of the value's cell
	Value float64
	File  int32 // index into Store.Files
	Line  int32 // 1-based line of the value's cell
}

// unread is the value of a row whose number could not be read safely: it
// takes its day for the duplicate check, and Finish then drops it. No read
// value is NaN.
var unread = math.NaN()

// Store holds the snapshots of every file read, one series per KPI id.
// Read the files, call Finish once, then query. A Store is not safe for
// concurrent use; ReadFiles parallelises internally.
type Store struct {
	files []string
	ids   map[string]int32
	kpis  []series
	cat   *catalog // the KPI documents, from Define
}

// series is one KPI's points, in file order until Finish sorts them by day,
// and where the KPI id first appears.
type series struct {
	id              string
	points          []Point
	file, line, col int32
}

// NewStore returns an empty Store.
func NewStore() *Store {
	return &Store{ids: make(map[string]int32)}
}

// Define tells the store the KPI documents, before it reads: a file may
// name a KPI by one of its column titles (a wide file exported from a
// dashboard, with a column "Lead MQL"), and write a value with the KPI's
// unit (18.9% for %, €212.400 for EUR). The points of a titled column are
// the KPI's, under its id.
func (s *Store) Define(defs []Definition) {
	s.cat = newCatalog(slices.Clone(defs))
}

// Read streams one CSV file in the default dialect into the store; name is
// the path to report in problems and sources. Memory grows with the points
// kept, not the file size. Bad rows are skipped and returned as problems in
// line order.
func (s *Store) Read(name string, r io.Reader) []diag.Finding {
	return s.ReadDialect(name, r, Dialect{})
}

// ReadDialect is Read for a file written in dialect d.
func (s *Store) ReadDialect(name string, r io.Reader, d Dialect) []diag.Finding {
	index := s.addFiles(name)
	return s.merge(readFile(name, index, r, &d, s.cat))
}

// ReadFiles reads the files at paths, in the default dialect, in parallel (at most GOMAXPROCS at a
// time) and gives the same points and problems, in the same order, as
// reading them one after the other with Read. A file that cannot be opened
// or read is a problem at line 1 whose message starts "cannot read: ".
func (s *Store) ReadFiles(paths []string) []diag.Finding {
	base := s.addFiles(paths...)
	results := make([]*fileData, len(paths))
	done := make([]chan struct{}, len(paths))
	for i := range done {
		done[i] = make(chan struct{})
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				results[i] = readPath(paths[i], base+int32(i), s.cat)
				close(done[i])
			}
		})
	}
	// Merging each file as soon as it and those before it are read keeps
	// the order and lets a file's chunks go before the last file is read.
	var problems []diag.Finding
	for i := range paths {
		<-done[i]
		problems = append(problems, s.merge(results[i])...)
		results[i] = nil
	}
	wg.Wait()
	return problems
}

func readPath(path string, index int32, cat *catalog) *fileData {
	fh, err := os.Open(path)
	if err != nil {
		f := &fileData{name: path, index: index}
		f.problem(1, 1, "cannot read: "+errText(err))
		return f
	}
	defer fh.Close()
	return readFile(path, index, fh, &Dialect{}, cat)
}

// addFiles registers file names and returns the index of the first.
func (s *Store) addFiles(names ...string) int32 {
	if s.ids == nil {
		s.ids = make(map[string]int32)
	}
	base := int32(len(s.files))
	s.files = append(s.files, names...)
	return base
}

// merge adds a file's points to the store's series, after those of the
// files read before it, and returns the file's problems.
func (s *Store) merge(f *fileData) []diag.Finding {
	for _, k := range f.kpis {
		i, ok := s.ids[k.id]
		if !ok {
			i = int32(len(s.kpis))
			s.ids[k.id] = i
			s.kpis = append(s.kpis, series{id: k.id, file: f.index, line: k.line, col: k.col})
		}
		g := &s.kpis[i]
		g.points = k.appendTo(g.points)
	}
	return f.problems
}

// Finish sorts every series by day (equal days keep file order, then line
// order), removes each KPI's second and later values for one day and returns
// them as problems, in file and line order. Call it once after reading.
func (s *Store) Finish() []diag.Finding {
	type dup struct {
		id          string
		later, kept Point
	}
	var dups []dup
	for i := range s.kpis {
		k := &s.kpis[i]
		pts := k.points
		if !slices.IsSortedFunc(pts, comparePoints) {
			// (Day, File, Line, Col) is unique within a series, so an
			// unstable sort gives the stable order.
			slices.SortFunc(pts, comparePoints)
		}
		w := 0
		for _, p := range pts {
			if w > 0 && p.Day == pts[w-1].Day {
				dups = append(dups, dup{k.id, p, pts[w-1]})
				continue
			}
			pts[w] = p
			w++
		}
		k.points = slices.DeleteFunc(pts[:w], func(p Point) bool { return math.IsNaN(p.Value) })
	}
	slices.SortFunc(dups, func(a, b dup) int {
		return cmp.Or(
			cmp.Compare(a.later.File, b.later.File),
			cmp.Compare(a.later.Line, b.later.Line),
			cmp.Compare(a.later.Col, b.later.Col),
		)
	})
	var problems []diag.Finding
	for _, d := range dups {
		problems = append(problems, diag.Finding{
			File:    s.files[d.later.File],
			Line:    int(d.later.Line),
			Column:  int(d.later.Col),
			Rule:    RuleCSV,
			Message: fmt.Sprintf("KPI %q has two values for %s (first at %s)", d.id, d.later.Day, s.Source(d.kept)),
		})
	}
	return problems
}

// comparePoints orders points by day, then file, line and column; it
// returns early because Finish calls it a million times for a large file.
func comparePoints(a, b Point) int {
	if a.Day != b.Day {
		return cmp.Compare(a.Day, b.Day)
	}
	if a.File != b.File {
		return cmp.Compare(a.File, b.File)
	}
	if a.Line != b.Line {
		return cmp.Compare(a.Line, b.Line)
	}
	return cmp.Compare(a.Col, b.Col)
}

// Series returns the points of KPI id kpi, sorted by day after Finish, or
// nil if no file names it. The slice is the store's own: do not modify it.
func (s *Store) Series(kpi string) []Point {
	if i, ok := s.ids[kpi]; ok {
		return s.kpis[i].points
	}
	return nil
}

// KPIs returns the sorted ids of every KPI the files name, including ids
// whose rows were all bad and wide-layout columns with no value.
func (s *Store) KPIs() []string {
	ids := make([]string, len(s.kpis))
	for i, k := range s.kpis {
		ids[i] = k.id
	}
	slices.Sort(ids)
	return ids
}

// Files returns the names of the files read, in order; Point.File indexes it.
func (s *Store) Files() []string {
	return slices.Clone(s.files)
}

// First returns where KPI id kpi first appears (first in file order, then
// line): the header cell of a wide-layout file, the first row naming it in a
// long-layout one. It returns "", 0 for an unknown id. It serves the
// unknown-snapshot-kpi warning.
func (s *Store) First(kpi string) (file string, line int) {
	file, line, _ = s.FirstPos(kpi)
	return file, line
}

// FirstPos is First with the 1-based character column of the id's cell.
func (s *Store) FirstPos(kpi string) (file string, line, col int) {
	i, ok := s.ids[kpi]
	if !ok {
		return "", 0, 0
	}
	k := s.kpis[i]
	return s.files[k.file], int(k.line), int(k.col)
}

// Source returns where p came from as "file:line", for tracing a computed
// value back to its snapshot.
func (s *Store) Source(p Point) string {
	line := strconv.Itoa(int(p.Line))
	if p.File < 0 || int(p.File) >= len(s.files) {
		return "?:" + line
	}
	return s.files[p.File] + ":" + line
}
