//go:build unix

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/okrctl/okrctl/internal/synth"
)

// benchRepo is a git repository of 10,000 generated objectives (and
// 10,000 snapshot rows) whose last commit changes the targets of 50 of
// them: the size at which diff must stay within 1.5 times validate. Each
// benchmark makes its own and removes it when done.
func benchRepo(b *testing.B) string {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git not on PATH")
	}
	dir := b.TempDir()
	if err := synth.Generate(dir, synth.Spec{Objectives: 10000, KPIs: 200, SnapshotRows: 10000}); err != nil {
		b.Fatal(err)
	}
	// No automatic gc after the commits: run in the background, it would
	// still be writing .git while the benchmark removes the repository.
	// The objects are packed once the commits are made instead, as in a
	// clone: diff reads them from a pack, not from 10,000 loose files.
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=bench", "-c", "user.email=bench@okrctl.invalid", "-c", "commit.gpgsign=false", "-c", "gc.auto=0", "-c", "maintenance.auto=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	target := regexp.MustCompile(`(?m)^    target: (\d+)$`)
	for i := 0; i < 10000; i += 200 {
		p := filepath.Join(dir, "okrs/2026-Q4", fmt.Sprintf("objective-%05d.yaml", i))
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, target.ReplaceAll(src, []byte("    target: 1$1")), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	git("commit", "-q", "-am", "raise 50 objectives' targets")
	git("gc", "-q")
	return dir
}

// TestBenchChild is okrctl run as a process of its own by benchCommand,
// so that each run's peak memory and processor time are its own; it does
// nothing in a normal test run.
func TestBenchChild(t *testing.T) {
	args := os.Getenv("OKRCTL_BENCH_ARGS")
	if args == "" {
		t.Skip("only run by the benchmarks")
	}
	setMemoryPolicy() // as main does
	s := SystemStreams()
	s.Out, s.Err = io.Discard, io.Discard
	os.Exit(Main(strings.Split(args, "\x1f"), s))
}

// benchCommand runs okrctl with args in the benchmark repository b.N
// times, each in a process of its own, and reports the processor time per
// run (okrctl and the git it runs: steadier than the wall time on a shared
// machine) and the largest peak resident memory of a run.
func benchCommand(b *testing.B, args ...string) {
	dir := benchRepo(b)
	var cpu time.Duration
	var peak int64
	b.ResetTimer()
	for range b.N {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBenchChild$")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "OKRCTL_BENCH_ARGS="+strings.Join(args, "\x1f"))
		if out, err := cmd.CombinedOutput(); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() > 1 {
				b.Fatalf("okrctl %v: %v\n%s", args, err, out)
			}
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(peak)/1024, "peak-MB")
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

// BenchmarkStatusMarkdown is the Markdown status of the benchmark
// repository, the yardstick for BenchmarkReport.
func BenchmarkStatusMarkdown(b *testing.B) {
	benchCommand(b, "status", "--format", "markdown", "--as-of", "2026-11-15")
}

// BenchmarkReport writes the report of the benchmark repository's 10,000
// objectives (about 60 MB of Markdown) to a file: it is rendered straight
// into the temporary file, so its peak memory stays within
// BenchmarkStatusMarkdown's.
func BenchmarkReport(b *testing.B) {
	benchCommand(b, "report", "--as-of", "2026-11-15", "-o", "report.md")
}
