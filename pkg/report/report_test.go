package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// hostile are texts that would break Markdown if written as they are.
var hostile = []string{
	"Pipes | in | the | title",
	"Line\nbreak\n| a | b |\n|---|---|",
	"<script>alert('x')</script><img src=x onerror=alert(1)>",
	"Ping @octocat and @okrctl/maintainers",
	"`code` and ```\nfence",
	"[click me](https://evil.example) ![pixel](https://evil.example/p.png) <https://evil.example>",
	"**bold** _em_ ~~gone~~ $x^2$ [^1]",
	"# Heading\n- list\n1. ordered\n> quote\n    indented",
	"&lt;b&gt; and &#60;i&#62; entities",
	"<!-- comment --> trailing backslash \\",
	"\u202eevil bidi\u202c",
	"[js](javascript:alert(1)) [rel](../secret) [data](data:text/html,x)",
}

// q writes s as a YAML double-quoted scalar.
func q(s string) string { return strconv.Quote(s) }

// writeHostileRepo writes a repository whose every free text is hostile:
// objective titles, owners, descriptions, labels, key-result titles, a KPI
// name and unit, a parent id and an invalid id (which lint reports, with
// the id in the message).
func writeHostileRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("kpis.yaml", `kind: KPI
id: signups
name: `+q(hostile[0]+" \" quote "+hostile[4])+`
unit: `+q("|<@a")+` # units of up to four characters are shown
aggregation: sum
frequency: weekly
`)
	write("snapshots.csv", "date,kpi,value\n2026-10-05,signups,10\n2026-10-12,signups,12\n2026-10-19,signups,9\n")
	for i := 0; i < len(hostile); i += 3 {
		var b strings.Builder
		b.WriteString("kind: Objective\n")
		b.WriteString("id: hostile-" + strconv.Itoa(i) + "\n")
		b.WriteString("title: " + q(hostile[i]) + "\n")
		b.WriteString("owner: " + q(hostile[(i+3)%len(hostile)]) + "\n")
		b.WriteString("period: 2026-Q4\n")
		b.WriteString("commitment: committed\n")
		if i > 0 {
			b.WriteString("parent: hostile-0\n")
		}
		b.WriteString("description: " + q(strings.Join(hostile, "\n\n")) + "\n")
		b.WriteString("labels: [" + q(hostile[2]) + ", " + q(hostile[3]) + "]\n")
		b.WriteString("key_results:\n")
		for j := 0; j < 3; j++ {
			h := hostile[(i+j)%len(hostile)]
			b.WriteString("  - id: kr-" + strconv.Itoa(j) + "\n")
			if j == 0 {
				b.WriteString("    title: " + q(h+" to 90") + "\n")
				b.WriteString("    kpi: signups\n    target: 90\n")
			} else {
				b.WriteString("    title: " + q(h+" to 10") + "\n")
				b.WriteString("    baseline: 0\n    target: 10\n    current: 3\n")
			}
		}
		write("okrs/hostile-"+strconv.Itoa(i)+".yaml", b.String())
	}
	// An id the schema rejects and a parent no objective has: their
	// findings quote hostile text.
	write("okrs/bad-id.yaml", `kind: Objective
id: `+q("Bad|Id <script>@octocat")+`
title: `+q(hostile[5])+`
owner: `+q(hostile[3])+`
period: 2026-Q4
parent: `+q("`nope` | <i>@ghost</i>")+`
key_results:
  - {id: a, title: "Ship 3 things", baseline: 0, target: 3, current: 1}
  - {id: b, title: "Ship 4 things", baseline: 0, target: 4, current: 1}
  - {id: c, title: "Ship 5 things", baseline: 0, target: 5, current: 1}
`)
	return dir
}

func hostileReport(t *testing.T) *Report {
	t.Helper()
	dir := writeHostileRepo(t)
	asOf := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	res, err := lint.Run(lint.Options{Cwd: dir, Config: config.Default(dir), AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 {
		t.Fatal("want findings for the invalid id and parent")
	}
	// A stale-data finding, in case the rule does not fire here: its
	// message is listed under stale KPIs.
	res.Findings = append(res.Findings, lint.Finding{
		File: "kpis.yaml", Line: 2, Column: 5, Severity: lint.Warning, Rule: staleDataRule,
		Message: "KPI " + hostile[3] + " | " + hostile[2],
	})
	p, _ := okr.ParsePeriod("2026-Q4")
	return NewReport(res, asOf, p, Filter{})
}

// TestReportHostileText proves that text from the YAML cannot change the
// document's structure: every table row keeps its column count, every
// Mermaid block stays well formed, no raw HTML, link, image or mention
// survives, and the text is still there, escaped.
func TestReportHostileText(t *testing.T) {
	r := hostileReport(t)
	if len(r.Objectives) != 5 {
		t.Fatalf("got %d objectives, want 5", len(r.Objectives))
	}
	docs := map[string]string{
		"report": renderReport(t, r),
		"status": renderStatusMarkdown(t, r.Status),
	}
	checkGolden(t, "report/hostile.md", []byte(docs["report"]))
	for name, out := range docs {
		t.Run(name, func(t *testing.T) {
			checkMarkdown(t, out)
			for _, bad := range []string{"<", "<script", "onerror=alert(1)>", "\u202e"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s output contains %q", name, bad)
				}
			}
			// Descriptions keep their http(s) links, and only those.
			if m := rawLink.FindString(httpLink.ReplaceAllString(out, "")); m != "" {
				t.Errorf("%s output has link syntax %q", name, m)
			}
			// GitHub links no mention inside a code block, Mermaid's
			// included.
			if m := mention.FindString(outsideFences(out)); m != "" {
				t.Errorf("%s output mentions %q", name, m)
			}
			// Every line is ours: a heading, a table row, a list item,
			// a fence, a footnote or a paragraph that starts with text
			// we write or escaped text.
			for i, l := range strings.Split(out, "\n") {
				if unsafeLineStart.MatchString(l) {
					t.Errorf("%s line %d starts a block the renderer would misread: %q", name, i+1, l)
				}
			}
			for _, want := range []string{
				`Pipes \| in \| the \| title`,
				"&lt;script&gt;alert('x')&lt;/script&gt;",
				"Ping @\u200boctocat and @\u200bokrctl/maintainers",
				"\\[click me\\](https\u200b://evil.example)",
				`\[js\](javascript:alert(1))`,
				"31 \\|&lt;@\u200ba[^1]",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("%s output lacks the escaped %q", name, want)
				}
			}
		})
	}
	// The report's chart titles come from the KPI name: quotes, backticks
	// and line breaks are gone.
	if !strings.Contains(docs["report"], `title "Pipes | in | the | title ' quote 'code' and ''' fence, running total"`) {
		t.Error("the chart title is not the escaped KPI name")
	}
}

// outsideFences returns doc without its fenced code blocks.
func outsideFences(doc string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.Split(doc, "\n") {
		if strings.HasPrefix(l, "```") {
			in = !in
			continue
		}
		if !in {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// httpLink matches a link to an http(s) address, which descriptions keep.
var httpLink = regexp.MustCompile(`\[[^\[\]]*\]\(https?://[^()\s]*\)`)

// rawLink matches an unescaped "](", which could close a link or image.
var rawLink = regexp.MustCompile(`(^|[^\\])\]\(`)

// unsafeLineStart matches lines that would start a block we never write:
// an indented code block, a blockquote, a setext underline, raw HTML, or a
// list/heading that is not one of ours.
var unsafeLineStart = regexp.MustCompile(`^( {4}[^ltxy]| {0,3}>| {0,3}=+\s*$| {0,3}<| {0,3}[*+] | {0,3}\d+[.)] )`)

// TestReportAlignmentCycle checks that objectives whose parents form a
// cycle (which lint reports) are each drawn once.
func TestReportAlignmentCycle(t *testing.T) {
	obj := func(id, parent string) progress.ObjectiveResult {
		return progress.ObjectiveResult{
			Objective: &okr.Objective{ID: id, Title: "Objective " + id, Owner: "o", Parent: parent, Doc: &okr.Document{File: &okr.File{Path: id + ".yaml"}}},
			Score:     0.5, Status: progress.OnTrack,
		}
	}
	r := &Report{
		Status: &Status{AsOf: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Period: "2026-Q4", Objectives: []progress.ObjectiveResult{
			obj("a", "b"), obj("b", "a"), obj("c", "c"), obj("d", "elsewhere"), obj("e", "d"),
		}},
	}
	r.Period, _ = okr.ParsePeriod("2026-Q4")
	out := renderReport(t, r)
	checkMarkdown(t, out)
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		if n := strings.Count(out, "- Objective "+id+" `"+id+"`"); n != 1 {
			t.Errorf("objective %s drawn %d times in the alignment tree:\n%s", id, n, out)
		}
	}
	if !strings.Contains(out, " · supports `elsewhere` · ") && !strings.HasSuffix(strings.SplitN(out[strings.Index(out, "`d`"):], "\n", 2)[0], "supports `elsewhere`") {
		t.Errorf("an objective whose parent is outside the period does not say so:\n%s", out)
	}
}

// TestReportAttention checks the attention list: statuses worst first,
// a no-data key result, and a committed objective that missed.
func TestReportAttention(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	committed := &okr.Objective{ID: "c", Title: "Committed", Owner: "o", Commitment: okr.Committed, Doc: &okr.Document{File: &okr.File{Path: "c.yaml"}}}
	r := &Report{Status: &Status{
		AsOf: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Period: "2026-Q4",
		Objectives: []progress.ObjectiveResult{{
			Objective: committed, Score: 0.4, Status: progress.Missed,
			KeyResults: []progress.KRResult{
				{ID: "at-risk", Title: "A", Target: f(10), Current: f(4), Score: f(0.4), Expected: f(0.6), Status: progress.AtRisk},
				{ID: "nodata", Title: "N", KPI: "k", Target: f(10), Status: progress.NoData},
				{ID: "missed", Title: "M", Target: f(10), Current: f(8), Score: f(0.8), Expected: f(1), Status: progress.Missed},
				{ID: "fine", Title: "F", Target: f(10), Current: f(10), Score: f(1), Status: progress.Achieved},
			},
		}},
	}}
	r.Period, _ = okr.ParsePeriod("2026-Q4")
	out := renderReport(t, r)
	checkMarkdown(t, out)
	iMissed := strings.Index(out, "❌ missed: M `missed`")
	iRisk := strings.Index(out, "🟡 at_risk: A `at-risk`")
	iNoData := strings.Index(out, "⚪ no_data: N `nodata` of `c` — no snapshot of `k`")
	if iMissed < 0 || iRisk < 0 || iNoData < 0 || !(iMissed < iRisk && iRisk < iNoData) {
		t.Errorf("attention list not worst first (missed %d, at_risk %d, no_data %d):\n%s", iMissed, iRisk, iNoData, out)
	}
	if strings.Contains(out, "`fine` of") {
		t.Error("an achieved key result needs attention")
	}
	if !strings.Contains(out, "Committed `c` — missed: the period ended with a score of 0.40.") {
		t.Errorf("the committed miss is not called out:\n%s", out)
	}
}

// TestReportAlignmentAcrossPeriods checks that an objective supporting one
// of another period (a quarter's objective under the annual one) is shown
// with that period, rather than "no objective supports another one".
func TestReportAlignmentAcrossPeriods(t *testing.T) {
	q4 := &okr.Objective{ID: "q4", Title: "Quarter", Owner: "o", PeriodText: "2026-Q4", Parent: "year", Doc: &okr.Document{File: &okr.File{Path: "q4.yaml"}}}
	r := &Report{Status: &Status{
		AsOf: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Period: "2026-Q4",
		Objectives: []progress.ObjectiveResult{{Objective: q4, Score: 0.5, Status: progress.OnTrack}},
		periodOf:   map[string]string{"year": "2026", "q4": "2026-Q4"},
	}}
	r.Period, _ = okr.ParsePeriod("2026-Q4")
	out := renderReport(t, r)
	checkMarkdown(t, out)
	if strings.Contains(out, "No objective of") {
		t.Errorf("the alignment says nothing is linked:\n%s", out)
	}
	if !strings.Contains(out, "- Quarter `q4` — o · score 0.50 · 🟢 on_track · supports `year` (2026)") {
		t.Errorf("the parent of another period is not shown with its period:\n%s", out)
	}
}

// TestReportPeriodFindings checks that a report lists the findings of its
// own period's files and of files of no objective, not those of other
// periods' objectives.
func TestReportPeriodFindings(t *testing.T) {
	res := checkExamples(t)
	res.Findings = []lint.Finding{
		{File: "okrs/2026-Q3/marketing.yaml", Line: 1, Column: 1, Severity: lint.Warning, Rule: staleDataRule, Message: "q3 stale"},
		{File: "okrs/2026-Q4/marketing.yaml", Line: 1, Column: 1, Severity: lint.Warning, Rule: staleDataRule, Message: "q4 stale"},
		{File: "kpis/kpis.yaml", Line: 1, Column: 1, Severity: lint.Warning, Rule: "x", Message: "kpi file"},
	}
	for _, o := range res.Repo.Objectives {
		for i := range res.Findings {
			if strings.HasSuffix(o.File(), res.Findings[i].File) {
				res.Findings[i].File = o.File()
			}
		}
	}
	p, _ := okr.ParsePeriod("2026-Q4")
	out := renderReport(t, NewReport(res, examplesAsOf, p, Filter{}))
	if strings.Contains(out, "q3 stale") || !strings.Contains(out, "q4 stale") || !strings.Contains(out, "kpi file") {
		t.Errorf("want the Q4 and KPI findings only:\n%s", out)
	}
}
