package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/report"
)

// testStreams runs okrctl in dir with today set to now.
func testStreams(dir string, now time.Time) (*Streams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &Streams{
		In: strings.NewReader(""), Out: &out, Err: &errOut,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return now },
		Dir:    dir,
	}, &out, &errOut
}

func examplesDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestReportExitCodes checks the exit codes: 0 for a report (empty or
// not), 1 for a report written despite error findings, 2 for an -o that
// cannot be written (with nothing written) and other usage errors.
func TestReportExitCodes(t *testing.T) {
	examples := examplesDir(t)
	tmp := t.TempDir()
	now := time.Date(2026, 11, 20, 15, 4, 5, 0, time.UTC)
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(broken, []byte("kind: Objective\nid: b\ntitle: B\nowner: o\nperiod: 2026-Q4\nkey_results: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"quarter of today", []string{"report", examples}, exitOK},
		{"empty period", []string{"report", "--period", "2024-Q1", examples}, exitOK},
		{"to a file", []string{"report", "-o", filepath.Join(tmp, "r.md"), examples}, exitOK},
		{"error findings", []string{"report", "-o", filepath.Join(tmp, "r.md"), broken}, exitFindings},
		{"missing directory", []string{"report", "-o", filepath.Join(tmp, "no", "r.md"), examples}, exitUsage},
		{"onto a directory", []string{"report", "-o", tmp, examples}, exitUsage},
		{"bad period", []string{"report", "--period", "Q4", examples}, exitUsage},
		{"extra flag", []string{"report", "--format", "json", examples}, exitUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, errOut := testStreams(tmp, now)
			if got := Main(tc.args, s); got != tc.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", got, tc.want, errOut)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(tmp, "no")); !os.IsNotExist(err) {
		t.Errorf("a failed -o created its directory: %v", err)
	}
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 1 || entries[0].Name() != "r.md" {
		t.Errorf("want only r.md in the output directory, got %v", entries)
	}
}

// TestReportDefaultPeriod checks that without --period and --as-of the
// report is the quarter of today.
func TestReportDefaultPeriod(t *testing.T) {
	s, out, _ := testStreams(t.TempDir(), time.Date(2026, 8, 3, 23, 0, 0, 0, time.UTC))
	if code := Main([]string{"report", examplesDir(t)}, s); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out.String(), "# OKR report 2026-Q3\n\nAs of **2026-08-03**, day 34 of 92") {
		t.Errorf("report starts:\n%.200s", out)
	}
}

func TestReportPeriodDefault(t *testing.T) {
	for date, want := range map[string]string{
		"2026-01-01": "2026-Q1", "2026-03-31": "2026-Q1", "2026-04-01": "2026-Q2",
		"2026-09-30": "2026-Q3", "2026-10-01": "2026-Q4", "2026-12-31": "2026-Q4",
	} {
		asOf, _ := time.Parse(time.DateOnly, date)
		p, err := reportPeriod("", asOf)
		if err != nil || p.Text != want {
			t.Errorf("reportPeriod(%s) = %q, %v; want %s", date, p.Text, err, want)
		}
	}
}

// TestWriteReportInterrupted: a report -o interrupted while it renders
// leaves the old file as it was and no temporary file; the same report
// not interrupted replaces it.
func TestWriteReportInterrupted(t *testing.T) {
	ex := examplesDir(t)
	res, err := lint.Run(lint.Options{Cwd: ex, Config: config.Default(ex)})
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	r := report.NewReport(res, asOf, okr.QuarterOf(asOf), report.Filter{})
	dir := t.TempDir()
	out := filepath.Join(dir, "report.md")
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := writeReport(ctx, out, r); !errors.Is(err, errInterrupted) {
		t.Errorf("interrupted: err = %v, want %v", err, errInterrupted)
	}
	if b, _ := os.ReadFile(out); string(b) != "old\n" {
		t.Errorf("interrupted: the file holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("interrupted: %d files left in the directory, want the report alone", len(entries))
	}
	if err := writeReport(context.Background(), out, r); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("# OKR report 2026-Q4")) {
		t.Errorf("not interrupted: the file starts %q", b[:min(len(b), 40)])
	}
}
