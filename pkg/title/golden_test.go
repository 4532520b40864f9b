package title

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/read.golden")

// goldenTitles returns the titles of the labelled corpus the title rules
// are measured on (pkg/lint/testdata/titles), the titles of
// testdata/titles.txt, and each of them in upper case.
func goldenTitles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "lint", "testdata", "titles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus under ../lint/testdata/titles: %v", err)
	}
	var out []string
	for _, name := range append(files, filepath.Join("testdata", "titles.txt")) {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if fields := strings.Split(line, "\t"); filepath.Base(name) != "titles.txt" && len(fields) > 1 {
				line = fields[1] // label<TAB>title[<TAB>fields]
			}
			out = append(out, line)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range out[:len(out):len(out)] {
		out = append(out, strings.ToUpper(s))
	}
	return out
}

// TestReadGolden pins everything Read returns for each golden title, so
// that a change to the reader shows as a diff of testdata/read.golden.
func TestReadGolden(t *testing.T) {
	var b strings.Builder
	for _, s := range goldenTitles(t) {
		st := Read(s)
		fmt.Fprintf(&b, "%q\n\t%s factor=%v %q rate=%q %q\n", s, st.Lang, st.Factor, st.FactorText, st.Rate, st.RateText)
		for _, n := range st.Numbers {
			fmt.Fprintf(&b, "\t%+v\n", n)
		}
	}
	got := b.String()
	path := filepath.Join("testdata", "read.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("testdata/read.golden differs at line %d:\n got: %s\nwant: %s\n(go test -update rewrites it)", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("testdata/read.golden has %d lines, Read gives %d (go test -update rewrites it)", len(wl), len(gl))
	}
}

// TestReadConcurrent reads the golden titles on several goroutines at
// once: readers are shared through a pool, and the statements they return
// share slabs of numbers, so each must still get what Read alone gives.
func TestReadConcurrent(t *testing.T) {
	titles := goldenTitles(t)
	want := make([]string, len(titles))
	for i, s := range titles {
		want[i] = fmt.Sprintf("%+v", Read(s))
	}
	const workers = 4
	got := make([][]Statement, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for _, s := range titles {
				got[w] = append(got[w], Read(s))
			}
		})
	}
	wg.Wait()
	for w := range workers {
		for i := range titles {
			if g := fmt.Sprintf("%+v", got[w][i]); g != want[i] {
				t.Fatalf("worker %d, %q:\n got %s\nwant %s", w, titles[i], g, want[i])
			}
		}
	}
}
