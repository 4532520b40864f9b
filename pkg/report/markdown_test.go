package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/okrctl/okrctl/pkg/okr"
)

// examplesReport builds the report of the bundled examples for period at
// 2026-11-20.
func examplesReport(t *testing.T, period string) *Report {
	t.Helper()
	p, err := okr.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	return NewReport(checkExamples(t), examplesAsOf, p, Filter{})
}

func renderReport(t *testing.T, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := r.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func renderStatusMarkdown(t *testing.T, s *Status) string {
	t.Helper()
	f, err := NewStatusFormatter("markdown")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestReportGolden compares whole reports of the examples with
// testdata/report/*.md (go test -update rewrites them: review the diff).
func TestReportGolden(t *testing.T) {
	for _, tc := range []struct{ name, period string }{
		{"report/examples-2026-Q4.md", "2026-Q4"},
		{"report/examples-2026-Q3.md", "2026-Q3"},
		{"report/empty-2026-Q2.md", "2026-Q2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := renderReport(t, examplesReport(t, tc.period))
			checkMarkdown(t, out)
			checkGolden(t, tc.name, []byte(out))
		})
	}
}

// TestMarkdownStatusGolden covers `okrctl status --format markdown`.
func TestMarkdownStatusGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		filter Filter
	}{
		{"report/status-examples.md", Filter{}},
		{"report/status-examples-2026-Q4.md", Filter{Period: "2026-Q4"}},
		{"report/status-empty.md", Filter{Period: "2024-Q1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := renderStatusMarkdown(t, examplesStatus(t, tc.filter))
			checkMarkdown(t, out)
			checkGolden(t, tc.name, []byte(out))
		})
	}
}

// TestReportSharesStatusMarkdown checks that the report is the status
// Markdown plus sections: each objective's key-result table appears in both,
// byte for byte.
func TestReportSharesStatusMarkdown(t *testing.T) {
	rep := renderReport(t, examplesReport(t, "2026-Q4"))
	st := renderStatusMarkdown(t, examplesStatus(t, Filter{Period: "2026-Q4"}))
	tables := markdownTables(st)
	if len(tables) != 6 { // the summary and five objectives
		t.Fatalf("status markdown has %d tables, want 6", len(tables))
	}
	for _, tb := range tables[1:] {
		// Footnote numbers differ between the documents: compare without them.
		if !strings.Contains(stripNotes(rep), stripNotes(tb)) {
			t.Errorf("report lacks the status table:\n%s", tb)
		}
	}
}

// TestReportContent checks what issue 4 asks of the examples' Q4 report,
// independent of the golden file.
func TestReportContent(t *testing.T) {
	out := renderReport(t, examplesReport(t, "2026-Q4"))
	for _, want := range []string{
		"# OKR report 2026-Q4",
		"day 51 of 92 of 2026-Q4",
		"| Objective | Owner | Commitment | Score |",
		"## Alignment",
		"  - Fill the pipeline with affordable, qualified demand `marketing-demand-2026q4`",
		"rolled up **0.60** (5 objectives)",
		"| Key result | Baseline | Current | Target | Deadline | Progress | Expected | Status | Forecast |",
		"```mermaid\n%%{init: {\"theme\": \"base\", \"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"#3b82f6, #f59e0b, #ef4444\",",
		"🔴 off_track: Lift the website conversion rate",
		"🟡 at_risk: Sign 5 new reseller partners `partners`",
		"### Committed objectives below 1.0",
		"`new-revenue` forecast 1,197,082 EUR against 1,200,000 EUR",
		"`kpis/snapshots/2026.csv:428`",
		"`website_conversion_rate` on 2026-11-16 at `kpis/snapshots/web.csv:53`",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Objectives of other periods are left out.
	for _, q3 := range []string{"company-growth-2026q3", "marketing-pipeline-2026q3"} {
		if strings.Contains(out, q3) {
			t.Errorf("the 2026-Q4 report mentions %s", q3)
		}
	}
	// One chart per KPI-backed key result: 16 key results, one manual.
	if n := strings.Count(out, "```mermaid"); n != 15 {
		t.Errorf("got %d charts, want 15", n)
	}
}

func TestReportEmptyPeriod(t *testing.T) {
	out := renderReport(t, examplesReport(t, "2026-Q2"))
	for _, want := range []string{"No objectives in `2026-Q2` as of 2026-11-20.", "`2026-Q3`, `2026-Q4`", "the period is over"} {
		if !strings.Contains(out, want) {
			t.Errorf("empty report lacks %q:\n%s", want, out)
		}
	}
	for _, unwanted := range []string{"## Summary", "## Alignment", "```mermaid"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("empty report has %q", unwanted)
		}
	}
}

// checkMarkdown checks what a Markdown renderer needs to see the document
// as meant: every table row has as many cells as its header, every fence is
// closed, every Mermaid block is an xychart-beta with an x-axis, a y-axis
// and line series as long as the x-axis, and no raw HTML (no '<' at all)
// appears outside code.
func checkMarkdown(t testing.TB, doc string) {
	t.Helper()
	lines := strings.Split(doc, "\n")
	inFence := false
	var fence []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.HasPrefix(line, "```") {
			if !inFence {
				if line != "```mermaid" {
					t.Errorf("line %d: unexpected fence %q", i+1, line)
				}
				inFence, fence = true, nil
			} else {
				if line != "```" {
					t.Errorf("line %d: fence closed by %q", i+1, line)
				}
				checkMermaid(t, i+1, fence)
				inFence = false
			}
			continue
		}
		if inFence {
			fence = append(fence, line)
			continue
		}
		if strings.Contains(line, "<") {
			t.Errorf("line %d: raw '<' outside code: %q", i+1, line)
		}
		if !strings.HasPrefix(line, "|") {
			continue
		}
		// A table: a header row, a delimiter row, then body rows.
		want := cellCount(line)
		if i+1 >= len(lines) || !tableDelimiter.MatchString(lines[i+1]) {
			t.Errorf("line %d: table row without a delimiter row below: %q", i+1, line)
			continue
		}
		if n := cellCount(lines[i+1]); n != want {
			t.Errorf("line %d: delimiter row has %d cells, header %d", i+2, n, want)
		}
		i += 2
		for ; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
			if n := cellCount(lines[i]); n != want {
				t.Errorf("line %d: %d cells, header has %d: %q", i+1, n, want, lines[i])
			}
			if !strings.HasSuffix(lines[i], " |") {
				t.Errorf("line %d: row does not end with a pipe: %q", i+1, lines[i])
			}
		}
		if i < len(lines) && lines[i] != "" {
			t.Errorf("line %d: table not followed by a blank line: %q", i+1, lines[i])
		}
	}
	if inFence {
		t.Error("unclosed code fence")
	}
}

var tableDelimiter = regexp.MustCompile(`^\|( :?-+:? \|)+$`)

// cellCount counts the cells of a GitHub table row as GitHub does: cells
// are split at every pipe not escaped by a backslash, code spans included.
func cellCount(row string) int {
	pipes := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			pipes++
		}
	}
	return pipes - 1 // leading and trailing pipes
}

var (
	chartInitLine = regexp.MustCompile(`^%%\{init: \{"theme": "base", "themeVariables": \{"xyChart": \{"plotColorPalette": "#[0-9a-f]{6}(, #[0-9a-f]{6})*", .*\}\}\}\}%%$`)
	mermaidTitle  = regexp.MustCompile(`^    title "[^"\x60]*"$`)
	mermaidX      = regexp.MustCompile(`^    x-axis "[^"\x60]*" \[(.*)\]$`)
	mermaidY      = regexp.MustCompile(`^    y-axis "[^"\x60]*"$`)
	mermaidLine   = regexp.MustCompile(`^    line \[(.*)\]$`)
	mermaidCat    = regexp.MustCompile(`^"[^"\x60]*"$`)
)

func checkMermaid(t testing.TB, end int, block []string) {
	t.Helper()
	if len(block) > 0 && chartInitLine.MatchString(block[0]) {
		block = block[1:]
	}
	if len(block) == 0 || block[0] != "xychart-beta" {
		t.Errorf("mermaid block ending line %d does not start with xychart-beta: %q", end, block)
		return
	}
	cats, lines := -1, 0
	sawY := false
	for _, l := range block[1:] {
		switch {
		case mermaidTitle.MatchString(l):
		case mermaidX.MatchString(l):
			items := strings.Split(mermaidX.FindStringSubmatch(l)[1], ", ")
			for _, c := range items {
				if !mermaidCat.MatchString(c) {
					t.Errorf("mermaid block ending line %d: bad category %q", end, c)
				}
			}
			cats = len(items)
		case mermaidY.MatchString(l):
			sawY = true
		case mermaidLine.MatchString(l):
			items := strings.Split(mermaidLine.FindStringSubmatch(l)[1], ", ")
			for _, v := range items {
				if _, err := strconv.ParseFloat(v, 64); err != nil || strings.ContainsAny(v, "eE") {
					t.Errorf("mermaid block ending line %d: bad number %q", end, v)
				}
			}
			// The first line (the value) stops at the as-of date; the
			// others span the x-axis.
			if len(items) > cats || (lines > 0 && len(items) != cats) {
				t.Errorf("mermaid block ending line %d: line of %d values, x-axis of %d", end, len(items), cats)
			}
			lines++
		default:
			t.Errorf("mermaid block ending line %d: unexpected line %q", end, l)
		}
	}
	if cats < 1 || !sawY || lines == 0 {
		t.Errorf("mermaid block ending line %d: x-axis %d categories, y-axis %v, %d lines", end, cats, sawY, lines)
	}
}

// markdownTables returns each table of doc (header to last row).
func markdownTables(doc string) []string {
	var tables []string
	var cur []string
	for _, l := range strings.Split(doc, "\n") {
		if strings.HasPrefix(l, "|") {
			cur = append(cur, l)
			continue
		}
		if cur != nil {
			tables = append(tables, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	return tables
}

var noteRef = regexp.MustCompile(`\[\^\d+\]`)

func stripNotes(s string) string { return noteRef.ReplaceAllString(s, "") }

// recorder collects a checker's errors instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Error(args ...any)         { r.errs = append(r.errs, fmt.Sprint(args...)) }
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }

// TestCheckMarkdownCatches makes sure the structure checker used above
// does fail on what it is meant to find.
func TestCheckMarkdownCatches(t *testing.T) {
	table := "| a | b |\n| --- | --- |\n"
	chart := func(body string) string { return "```mermaid\n" + body + "```\n" }
	good := "xychart-beta\n    title \"t\"\n    x-axis \"x\" [\"1\", \"2\"]\n    y-axis \"y\"\n    line [1, 2]\n"
	for name, doc := range map[string]string{
		"extra pipe":      table + "| x | y | z |\n",
		"missing cell":    table + "| x |\n",
		"code span pipe":  table + "| `x|y` | z |\n",
		"no delimiter":    "| a | b |\n| x | y |\n",
		"raw html":        "<b>bold</b>\n",
		"unclosed fence":  "```mermaid\nxychart-beta\n",
		"not xychart":     chart("graph TD\n"),
		"long line":       chart(strings.Replace(good, "line [1, 2]", "line [1, 2, 3]", 1)),
		"short pace":      chart(good + "    line [1]\n"),
		"no y-axis":       chart(strings.Replace(good, "    y-axis \"y\"\n", "", 1)),
		"quote in title":  chart(strings.Replace(good, `"t"`, `"a "b" c"`, 1)),
		"exponent number": chart(strings.Replace(good, "line [1, 2]", "line [1e3, 2]", 1)),
	} {
		r := &recorder{TB: t}
		checkMarkdown(r, doc)
		if len(r.errs) == 0 {
			t.Errorf("%s: checkMarkdown found nothing in\n%s", name, doc)
		}
	}
	r := &recorder{TB: t}
	checkMarkdown(r, table+"| x \\| y | z |\n\n"+chart(good))
	if len(r.errs) != 0 {
		t.Errorf("checkMarkdown rejects a good document: %v", r.errs)
	}
}
