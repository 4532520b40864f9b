//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"

	"github.com/okrctl/okrctl/internal/synth"
)

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

// benchRepo is a git repository of 10,000 generated objectives (and
// 10,000 snapshot rows) whose last commit changes the targets of 50 of
// them: the size at which diff must stay within 1.5 times validate.
func benchRepo(b *testing.B) string {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git not on PATH")
	}
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "okrctl-bench-")
		if benchErr != nil {
			return
		}
		benchErr = synth.Generate(benchDir, synth.Spec{Objectives: 10000, KPIs: 200, SnapshotRows: 10000})
		if benchErr != nil {
			return
		}
		git := func(args ...string) {
			if benchErr != nil {
				return
			}
			cmd := exec.Command("git", append([]string{"-c", "user.name=bench", "-c", "user.email=bench@okrctl.invalid", "-c", "commit.gpgsign=false"}, args...)...)
			cmd.Dir = benchDir
			if out, err := cmd.CombinedOutput(); err != nil {
				benchErr = fmt.Errorf("git %v: %v\n%s", args, err, out)
			}
		}
		git("init", "-q")
		git("add", ".")
		git("commit", "-q", "-m", "base")
		target := regexp.MustCompile(`(?m)^    target: (\d+)$`)
		for i := 0; i < 10000 && benchErr == nil; i += 200 {
			p := filepath.Join(benchDir, "okrs/2026-Q4", fmt.Sprintf("objective-%05d.yaml", i))
			src, err := os.ReadFile(p)
			if err != nil {
				benchErr = err
				return
			}
			benchErr = os.WriteFile(p, target.ReplaceAll(src, []byte("    target: 1$1")), 0o644)
		}
		git("commit", "-q", "-am", "raise 50 objectives' targets")
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

func benchCommand(b *testing.B, args ...string) {
	dir := benchRepo(b)
	b.ResetTimer()
	for range b.N {
		if code, _, errs := runIn(dir, args...); code > 1 {
			b.Fatalf("okrctl %v: exit %d: %s", args, code, errs)
		}
	}
	b.StopTimer()
	// The peak resident memory of the process so far: run one benchmark
	// per process (-bench '^BenchmarkDiff$') for a figure of its own.
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MB")
	}
}

// BenchmarkValidate is validate on the working tree of the benchmark
// repository, the yardstick for BenchmarkDiff.
func BenchmarkValidate(b *testing.B) { benchCommand(b, "validate") }

// BenchmarkDiff diffs the 50 changed objectives of the benchmark
// repository: files alike in both revisions are parsed once, and only the
// changed objectives are scored.
func BenchmarkDiff(b *testing.B) {
	benchCommand(b, "diff", "HEAD~1", "HEAD", "--as-of", "2026-11-15")
}
