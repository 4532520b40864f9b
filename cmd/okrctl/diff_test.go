package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// runIn runs okrctl in-process in dir with a fixed clock and returns the
// exit code, stdout and stderr.
func runIn(dir string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	s := &Streams{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) },
		Dir:    dir,
	}
	code := Main(args, s)
	return code, out.String(), errb.String()
}

// TestWithoutGit runs the commands that read revisions with a PATH that
// holds no git: a clear error, exit 2.
func TestWithoutGit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", t.TempDir())
	if _, err := exec.LookPath("git"); err == nil {
		t.Fatal("git still found on PATH")
	}
	for _, args := range [][]string{
		{"diff", "HEAD"},
		{"diff", "v1", "HEAD", "--format", "markdown"},
		{"validate", "--rev", "HEAD"},
	} {
		code, out, errs := runIn(dir, args...)
		if code != exitUsage || out != "" {
			t.Errorf("okrctl %s: exit %d, stdout %q; want exit 2 and no output", strings.Join(args, " "), code, out)
		}
		if want := "git is not installed or not on PATH"; !strings.Contains(errs, want) {
			t.Errorf("okrctl %s: stderr %q lacks %q", strings.Join(args, " "), errs, want)
		}
	}
}
