//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestReportFailedWriteKeepsFile checks that a report -o whose writing
// fails part way (here the file size limit, as a full disk would) exits 2
// and leaves the old file as it was, with no temporary file beside it.
// okrctl runs in a process of its own, whose file size limit is small.
func TestReportFailedWriteKeepsFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.md")
	if err := os.WriteFile(out, []byte("the old report\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o640); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReportChild$")
	cmd.Env = append(os.Environ(),
		"OKRCTL_REPORT_CHILD=report\x1f--period\x1f2026-Q4\x1f--as-of\x1f2026-11-20\x1f-o\x1f"+out+"\x1f"+examplesDir(t),
		"OKRCTL_REPORT_FSIZE=4096")
	stderr, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != exitUsage {
		t.Fatalf("exit %d (%v), want %d; output:\n%s", code, err, exitUsage, stderr)
	}
	if want := "okrctl: write " + out + ": file too large\n"; string(stderr) != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	b, err := os.ReadFile(out)
	if err != nil || string(b) != "the old report\n" {
		t.Errorf("report.md holds %q (%v), want the old report", b, err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("report.md: %v %v, want mode 0640", fi.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %v, want only report.md", entries)
	}
}

// TestReportChild is okrctl run by TestReportFailedWriteKeepsFile with a
// file size limit; it does nothing in a normal test run.
func TestReportChild(t *testing.T) {
	args := os.Getenv("OKRCTL_REPORT_CHILD")
	if args == "" {
		t.Skip("only run by TestReportFailedWriteKeepsFile")
	}
	size, err := strconv.ParseUint(os.Getenv("OKRCTL_REPORT_FSIZE"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	// Past the limit a write fails with EFBIG; Go ignores the SIGXFSZ.
	lim.Cur = size
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	setMemoryPolicy() // as main does
	s := SystemStreams()
	os.Exit(Main(strings.Split(args, "\x1f"), s))
}
