// Package fuzzseed seeds fuzz targets from the files of a package's
// testdata, so that every parser's fuzzer starts from real inputs.
package fuzzseed

import (
	"os"
	"path/filepath"
	"testing"
)

// AddFiles adds the contents of every file matching the glob pattern to
// f's seed corpus. A pattern that matches nothing fails the target: a
// fuzzer left without its seeds would still pass.
func AddFiles(f *testing.F, pattern string) {
	f.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	if len(paths) == 0 {
		f.Fatalf("no seed files match %s", pattern)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
}
