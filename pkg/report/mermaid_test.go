package report

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
)

// mermaidOut keeps the charts TestMermaidRenders draws, to look at them:
// go test ./pkg/report -run Mermaid -mermaid-out /tmp/charts (SVG and PNG).
var mermaidOut = flag.String("mermaid-out", "", "write the charts TestMermaidRenders renders to this directory, as SVG and PNG")

// chartsAsOf are the dates testdata/charts is reported at: inside the
// quarter, when every KPI's data has ended before the as-of date or the
// deadline, and after the quarter.
var chartsAsOf = []string{"2026-11-20", "2027-01-10"}

// chartsReport is the 2026-Q4 report of testdata/charts, a repository of
// the awkward trends: a single snapshot (nps, uptime), data that ends
// weeks before the as-of date (mrr), a rate (weekly sign-ups), a baseline
// from before the window (churn), a deadline before the as-of date
// (handle time).
func chartsReport(t *testing.T, asOf string) *Report {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "charts"))
	if err != nil {
		t.Fatal(err)
	}
	day, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Cwd: dir, Config: config.Default(dir), AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := okr.ParsePeriod("2026-Q4")
	return NewReport(res, day, p, Filter{})
}

// TestChartsGolden compares the reports of testdata/charts with
// testdata/report/charts-*.md (go test -update rewrites them: review the
// diff, and the rendered charts with -mermaid-out).
func TestChartsGolden(t *testing.T) {
	for _, asOf := range chartsAsOf {
		t.Run(asOf, func(t *testing.T) {
			out := renderReport(t, chartsReport(t, asOf))
			checkMarkdown(t, out)
			checkChartDates(t, out, asOf)
			checkGolden(t, "report/charts-"+asOf+".md", []byte(out))
		})
	}
	out := renderReport(t, chartsReport(t, "2026-11-20"))
	for _, want := range []string{
		// Every chart spans its key result's window, and the value line
		// stops at the newest snapshot's date on the axis: mrr's ends in
		// October, a single snapshot (nps) is one point after the baseline.
		`    x-axis "2026" ["10-01", "10-08", "10-15", "10-22", "10-29", "11-05", "11-12", "11-19", "11-26", "12-03", "12-10", "12-17", "12-24", "12-31"]`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report as of 2026-11-20 lacks %q", want)
		}
	}
}

// TestMermaidRenders gives every chart of the golden reports to Mermaid
// itself: mermaid-cli (mmdc) parses and renders each block in a headless
// browser. It fails on a block Mermaid cannot parse, and on anything
// Mermaid or the browser logs to the console while drawing, or a "NaN"
// left in a drawing, with one exception: a value line that stops at the
// as-of date, before the x axis ends at the deadline, is drawn up to its
// last value, and the browser logs `<path> attribute d: Expected number,
// "…NaN…"` for the rest (Mermaid has no empty values: mermaid-js/mermaid
// issue 5293). That is allowed for exactly those charts.
// scripts/test-deps.sh installs it (npm's @mermaid-js/mermaid-cli with
// Debian's chromium) and `make test` sets MMDC and MMDC_PUPPETEER_CONFIG;
// elsewhere the test runs when mmdc is on the PATH and is skipped
// otherwise, but never skipped in CI.
func TestMermaidRenders(t *testing.T) {
	mmdc := os.Getenv("MMDC")
	if mmdc == "" {
		mmdc, _ = exec.LookPath("mmdc")
	}
	if mmdc == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("mmdc (mermaid-cli) is not installed: scripts/test-deps.sh installs it")
		}
		t.Skip("mmdc (mermaid-cli) is not installed; see scripts/test-deps.sh")
	}
	if testing.Short() {
		t.Skip("renders in a browser: not in -short")
	}
	var doc bytes.Buffer
	var charts []string // where each chart comes from, in order
	var partial []bool  // whether its value line stops before the x axis ends
	add := func(name string, md []byte) {
		for _, block := range mermaidBlocks(string(md)) {
			partial = append(partial, valueLineStops(block))
			title := "untitled"
			for _, l := range block {
				if m := mermaidTitle.FindString(l); m != "" {
					title = strings.TrimSpace(m)
				}
			}
			charts = append(charts, name+": "+title)
		}
		doc.Write(md)
		doc.WriteString("\n")
	}
	for _, name := range []string{
		"examples-2026-Q4.md", "examples-2026-Q4-it.md", "examples-2026-Q4-es.md", "examples-2026-Q3.md", "hostile.md", "graded-2026-Q4.md",
		"charts-2026-11-20.md", "charts-2027-01-10.md",
	} {
		b, err := os.ReadFile(filepath.Join("testdata", "report", name))
		if err != nil {
			t.Fatal(err)
		}
		add(name, b)
	}
	// A few generated repositories, for what the golden files lack.
	for seed := uint64(1); seed <= 1; seed++ {
		g := generateChartRepo(seed)
		for _, asOf := range g.asOf {
			add(fmt.Sprintf("generated repository %d as of %s", seed, asOf.Format(time.DateOnly)), []byte(renderReport(t, g.report(t, asOf))))
		}
	}
	dir := *mermaidOut
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "reports.md")
	if err := os.WriteFile(in, doc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	formats := []string{"svg"}
	if *mermaidOut != "" {
		formats = append(formats, "png")
	}
	for _, format := range formats {
		// Not quiet: mmdc then prints a line for each chart it wrote, after
		// what the browser logged while drawing it.
		args := []string{"-i", in, "-o", filepath.Join(dir, "out.md"), "-e", format}
		if cfg := os.Getenv("MMDC_PUPPETEER_CONFIG"); cfg != "" {
			args = append(args, "-p", cfg)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		out, err := exec.CommandContext(ctx, mmdc, args...).CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("mmdc: %v\n%s", err, out)
		}
		for _, l := range consoleLines(string(out), charts) {
			if l.chart > 0 && partial[l.chart-1] && nanPath.MatchString(l.text) {
				continue
			}
			t.Errorf("the browser logged while Mermaid drew %s", l)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "out-*."+format))
		if len(files) != len(charts) {
			t.Errorf("mmdc wrote %d %s files, the reports have %d charts", len(files), format, len(charts))
		}
	}
	for i, where := range charts {
		svg, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("out-%d.svg", i+1)))
		if err != nil {
			t.Error(err)
			continue
		}
		if bytes.Contains(svg, []byte("NaN")) && !partial[i] {
			t.Errorf("chart %d (%s) is drawn with NaN", i+1, where)
		}
	}
}

// mmdcWrote is the line mmdc prints after writing a chart, and mmdcFound
// the one it starts a Markdown file with.
var (
	mmdcWrote = regexp.MustCompile(`✅ .*-([0-9]+)\.(svg|png)$`)
	mmdcFound = regexp.MustCompile(`^Found [0-9]+ mermaid charts? in Markdown input$`)
)

// consoleLine is a line the browser logged while Mermaid drew a chart
// (chart counts from 1; 0 when logged after the last).
type consoleLine struct {
	chart int
	where string
	text  string
}

func (l consoleLine) String() string { return l.where + ": " + l.text }

// nanPath is what the browser logs for a line shorter than the x axis.
var nanPath = regexp.MustCompile(`<path> attribute d: Expected number, ".*NaN`)

// valueLineStops reports whether a chart's first line (the value) has
// fewer values than its x axis has dates.
func valueLineStops(block []string) bool {
	cats := -1
	for _, l := range block {
		if m := mermaidX.FindStringSubmatch(l); m != nil {
			cats = len(strings.Split(m[1], ", "))
		}
		if m := mermaidLine.FindStringSubmatch(l); m != nil {
			return len(strings.Split(m[1], ", ")) < cats
		}
	}
	return false
}

// consoleLines returns what mmdc's output holds besides its own progress
// lines: the browser's console while drawing, each line with the chart
// it was logged for (charts names them in order).
func consoleLines(out string, charts []string) []consoleLine {
	var logged []consoleLine
	var pending []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || mmdcFound.MatchString(l):
		case mmdcWrote.MatchString(l):
			n, _ := strconv.Atoi(mmdcWrote.FindStringSubmatch(l)[1])
			where := fmt.Sprintf("chart %d", n)
			if n >= 1 && n <= len(charts) {
				where += " (" + charts[n-1] + ")"
			}
			for _, p := range pending {
				logged = append(logged, consoleLine{n, where, p})
			}
			pending = nil
		case strings.HasPrefix(l, "✅ "): // the Markdown file, at the end
		default:
			pending = append(pending, l)
		}
	}
	for _, p := range pending {
		logged = append(logged, consoleLine{0, "after the last chart", p})
	}
	return logged
}

// TestConsoleLines checks that the browser's console is found in mmdc's
// output and put with its chart.
func TestConsoleLines(t *testing.T) {
	out := "Found 2 mermaid charts in Markdown input\n" +
		`Error: <path> attribute d: Expected number, "…L464.581,NaNL508.063,NaNL…".` + "\n" +
		" ✅ /tmp/x/out-1.svg\n ✅ /tmp/x/out-2.svg\n ✅ /tmp/x/out.md\n"
	got := consoleLines(out, []string{"a.md: title \"A\"", "b.md: title \"B\""})
	want := `chart 1 (a.md: title "A"): Error: <path> attribute d: Expected number, "…L464.581,NaNL508.063,NaNL…".`
	if len(got) != 1 || got[0].String() != want || got[0].chart != 1 || !nanPath.MatchString(got[0].text) {
		t.Errorf("consoleLines = %q, want [%q]", got, want)
	}
	if got := consoleLines("Found 1 mermaid chart in Markdown input\n ✅ ./out-1.svg\n ✅ ./out.md\n", nil); len(got) != 0 {
		t.Errorf("a clean run logged %q", got)
	}
}

// mermaidBlocks returns the lines inside each ```mermaid fence of doc.
func mermaidBlocks(doc string) [][]string {
	var blocks [][]string
	var cur []string
	in := false
	for _, l := range strings.Split(doc, "\n") {
		switch {
		case !in && l == "```mermaid":
			in, cur = true, nil
		case in && l == "```":
			blocks = append(blocks, cur)
			in = false
		case in:
			cur = append(cur, l)
		}
	}
	return blocks
}

// chartXAxis is a chart's x axis: its title (the year, when every date is
// in it) and its dates.
var chartXAxis = regexp.MustCompile(`^    x-axis "([^"]*)" \[(.*)\]$`)

// checkChartDates checks the x axis of every chart of a report as of
// asOf: dates in increasing order, and a value line that has a value for
// every date up to the as-of date and none after it (nothing is drawn that
// was not known then; a chart whose dates all come after the as-of date
// has its first value alone). checkMarkdown checks the numbers and that
// the other lines span the axis. It returns how many value lines stop
// before the axis ends.
func checkChartDates(t testing.TB, doc, asOf string) (stopping int) {
	t.Helper()
	for i, block := range mermaidBlocks(doc) {
		var year, cats string
		values := -1
		for _, l := range block {
			if m := chartXAxis.FindStringSubmatch(l); m != nil {
				year, cats = m[1], m[2]
			}
			if m := mermaidLine.FindStringSubmatch(l); m != nil && values < 0 {
				values = len(strings.Split(m[1], ", "))
			}
		}
		var prev string
		n, known := 0, 0
		for _, c := range strings.Split(cats, ", ") {
			day := strings.Trim(c, `"`)
			if len(day) == len("01-02") {
				day = year + "-" + day
			}
			if _, err := time.Parse(time.DateOnly, day); err != nil {
				t.Errorf("chart %d: x-axis label %s is not a date (axis title %q)", i+1, c, year)
				continue
			}
			if prev != "" && day <= prev {
				t.Errorf("chart %d: x-axis date %s after %s", i+1, day, prev)
			}
			if day <= asOf {
				known++
			}
			prev = day
			n++
		}
		if want := max(known, 1); values != want {
			t.Errorf("chart %d: the value line has %d values, want %d: one for each of the %d dates up to the as-of date %s", i+1, values, want, known, asOf)
		}
		if values < n {
			stopping++
		}
	}
	return stopping
}
