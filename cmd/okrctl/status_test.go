package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestStatusFitsTheTerminal runs status on a terminal COLUMNS wide: the
// table fits; off a terminal it keeps its natural width.
func TestStatusFitsTheTerminal(t *testing.T) {
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	run := func(terminal bool, columns string) int {
		t.Helper()
		var out, errb bytes.Buffer
		s := &Streams{
			In: strings.NewReader(""), Out: &out, Err: &errb, OutTerminal: terminal, OutWidth: 200,
			Getenv: func(k string) string {
				return map[string]string{"COLUMNS": columns, "NO_COLOR": "1"}[k]
			},
			Now: func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) },
			Dir: examples,
		}
		if code := Main([]string{"status", "--period", "2026-Q4"}, s); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		widest := 0
		for _, l := range strings.Split(out.String(), "\n") {
			if !strings.HasPrefix(l, "As of") {
				widest = max(widest, utf8.RuneCountInString(l))
			}
		}
		return widest
	}
	natural := run(false, "130")
	if natural <= 130 {
		t.Fatalf("the examples' table is %d wide: too narrow for this test", natural)
	}
	if got := run(true, "130"); got > 130 {
		t.Errorf("on a 130-column terminal the table is %d wide", got)
	}
	if got := run(true, ""); got != natural {
		t.Errorf("on a terminal of 200 columns the table is %d wide, want its natural %d", got, natural)
	}
}

// TestRulesFitsTheTerminal runs rules on an 80-column terminal: no line
// wider than 80 cells, descriptions wrapped at word boundaries.
func TestRulesFitsTheTerminal(t *testing.T) {
	var out, errb bytes.Buffer
	s := &Streams{
		In: strings.NewReader(""), Out: &out, Err: &errb, OutTerminal: true, OutWidth: 200,
		Getenv: func(k string) string { return map[string]string{"COLUMNS": "80"}[k] },
		Now:    time.Now, Dir: t.TempDir(),
	}
	if code := Main([]string{"rules"}, s); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("a line is %d wide: %q", n, l)
		}
	}
	if !strings.Contains(out.String(), "│ unknown-kpi ") {
		t.Errorf("rules table lost its rows:\n%s", out.String())
	}
}
