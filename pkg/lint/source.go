package lint

import (
	"bytes"
	"io"
	"io/fs"

	"github.com/okrctl/okrctl/pkg/okr"
)

// maxSourceSize bounds the CSV files SourceLine reads again: a line of a
// larger file is not shown.
const maxSourceSize = 256 << 20

// sourceIndex finds the lines of the files a Result read, by displayed path.
type sourceIndex struct {
	yaml map[string]*okr.File
	csv  map[string]string // displayed path → path in fsys
	text map[string]*lineText
	fsys fs.FS
}

// lineText is a file's text with the offset of each line's start.
type lineText struct {
	src    []byte
	starts []int
}

func newSourceIndex(r *Result) *sourceIndex {
	x := &sourceIndex{yaml: map[string]*okr.File{}, csv: map[string]string{}, text: map[string]*lineText{}, fsys: r.fsys}
	if r.Repo != nil {
		for _, f := range r.Repo.Files {
			x.yaml[f.Path] = f
		}
		for i, p := range r.Repo.CSV {
			x.csv[r.Repo.CSVDisplay[i]] = p
		}
	}
	return x
}

func (x *sourceIndex) line(file string, n int) string {
	if f, ok := x.yaml[file]; ok {
		return f.Line(n)
	}
	t, ok := x.text[file]
	if !ok {
		t = x.read(file)
		x.text[file] = t
	}
	if t == nil || n < 1 || n > len(t.starts) {
		return ""
	}
	end := len(t.src)
	if n < len(t.starts) {
		end = t.starts[n]
	}
	l := bytes.TrimSuffix(bytes.TrimSuffix(t.src[t.starts[n-1]:end], []byte("\n")), []byte("\r"))
	if n == 1 {
		l = bytes.TrimPrefix(l, []byte("\uFEFF"))
	}
	return string(l)
}

// read reads a CSV file of the result, or returns nil.
func (x *sourceIndex) read(file string) *lineText {
	p, ok := x.csv[file]
	if !ok || x.fsys == nil {
		return nil
	}
	f, err := x.fsys.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxSourceSize+1))
	if err != nil || len(src) > maxSourceSize {
		return nil
	}
	t := &lineText{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}
