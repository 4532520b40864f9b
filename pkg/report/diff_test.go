package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okrdiff"
	"github.com/okrctl/okrctl/pkg/progress"
)

func num(v float64) *float64 { return &v }

// sampleDiff has one of each kind of change, and a title written to break
// a Markdown table.
func sampleDiff() *okrdiff.Diff {
	began := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return &okrdiff.Diff{
		Base:      okrdiff.Ref{Rev: "main", Commit: "0123456789abcdef0123456789abcdef01234567"},
		Head:      okrdiff.Ref{},
		AsOf:      time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC),
		ChangedOn: time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC),
		Objectives: []*okrdiff.ObjectiveDiff{
			{
				ID: "marketing-2026q1", Change: okrdiff.Changed, Title: "Grow qualified leads",
				Period: "2026-Q1", File: "okrs/2026-Q1/marketing.yaml", OldFile: "okrs/marketing.yaml", Began: began,
				Fields: []okrdiff.FieldDiff{{Field: "owner", Old: "marketing", New: "growth", Change: "changed"}},
				Score:  &okrdiff.ScoreDiff{Old: num(0.4), New: num(0.45), OldStatus: progress.OnTrack, NewStatus: progress.OnTrack},
				KeyResults: []*okrdiff.KRDiff{
					{ID: "leads", Change: okrdiff.Changed, Title: "Reach 400 qualified leads",
						Fields: []okrdiff.FieldDiff{
							{Field: "target", Old: 480.0, New: 400.0, Change: "lowered", Bar: "lowered", MovedGoalpost: true},
							{Field: "deadline", Old: "2026-03-31", New: "2026-03-15", Change: "earlier"},
						},
						Score: &okrdiff.ScoreDiff{Old: num(0.41), New: num(0.5), OldStatus: progress.AtRisk, NewStatus: progress.OnTrack}},
					{ID: "cpl", Change: okrdiff.Changed, Title: "Cut the cost per lead to 35", Unit: "EUR",
						Fields: []okrdiff.FieldDiff{{Field: "target", Old: 40.0, New: 35.0, Change: "lowered", Bar: "raised", MovedGoalpost: true}}},
					{ID: "revenue", Change: okrdiff.Changed, Title: "Book 24,000 EUR of revenue", Unit: "EUR",
						Fields: []okrdiff.FieldDiff{{Field: "target", Old: 24000.0, New: "24k", Change: "unreadable", MovedGoalpost: true}}},
					{ID: "pipeline", Change: okrdiff.Renamed, OldID: "pipe", Title: "Grow the pipeline to 850,000 EUR", Unit: "EUR",
						Fields: []okrdiff.FieldDiff{
							{Field: "baseline", Old: 850000.0, New: 780000.0, Change: "lowered", MovedGoalpost: true},
							{Field: "deadline", Old: "2026-03-15", New: "2026-03-31", Change: "later", Bar: "lowered", MovedGoalpost: true},
							{Field: "weight", Old: 1.0, New: 0.1, Change: "lowered", MovedGoalpost: true},
						}},
					{ID: "webinars", Change: okrdiff.Removed, Title: "Hold 4 webinars", Dropped: true,
						Score: &okrdiff.ScoreDiff{Old: num(0.25), OldStatus: progress.OffTrack}},
				},
			},
			{
				ID: "sales-2026q2", Change: okrdiff.Added, Title: "Win | new <b>customers</b>\n@sales-team `now` #12 $5 and $6",
				Period: "2026-Q2", File: "okrs/2026-Q2/sales.yaml", Began: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
				Score: &okrdiff.ScoreDiff{NewStatus: progress.NoData},
				KeyResults: []*okrdiff.KRDiff{
					{ID: "deals", Change: okrdiff.Added, Title: "Close 12 deals", Score: &okrdiff.ScoreDiff{NewStatus: progress.NoData}},
				},
			},
		},
		Unchanged: 3,
		KPIs: []*okrdiff.KPIDiff{
			{ID: "leads", Change: okrdiff.Changed, Name: "Leads", File: "kpis/kpis.yaml", UsedBy: []string{"marketing-2026q1"}, Began: began,
				Fields: []okrdiff.FieldDiff{
					{Field: "aggregation", Old: "sum", New: "last", Change: "changed", MovedGoalpost: true},
					{Field: "description", Old: "All leads", New: "Qualified leads only", Change: "changed"},
				}},
			{ID: "nps", Change: okrdiff.Added, Name: "Net promoter score", File: "kpis/kpis.yaml"},
		},
		History: []okrdiff.RowEdit{
			{KPI: "pipeline_eur", Date: time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC), Change: "changed", File: "kpis/snapshots/2026.csv", Line: 14, Old: num(74300), New: num(174300), Unit: "EUR"},
			{KPI: "leads", Date: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC), Change: "deleted", File: "kpis/snapshots/2026.csv", Line: 3, Old: num(120)},
		},
		NewRows: []okrdiff.NewRows{
			{KPI: "leads", Count: 12, First: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC), Last: time.Date(2026, 2, 13, 0, 0, 0, 0, time.UTC)},
		},
		Findings: []lint.Finding{
			{File: "okrs/2026-Q2/sales.yaml", Line: 9, Column: 5, Severity: lint.Error, Rule: "kr-count", Message: "objective \"sales-2026q2\" has 1 key result: want 3 to 5"},
		},
		Files: 6,
	}
}

func TestDiffFormats(t *testing.T) {
	for _, tc := range []struct{ format, file string }{
		{"text", "diff.txt"}, {"markdown", "diff.md"}, {"json", "diff.json"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			f, err := NewDiffFormatter(tc.format)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Format(&buf, sampleDiff()); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.file, buf.Bytes())
		})
	}
	// The Markdown comment speaks the team's language; text and JSON stay
	// English.
	for _, l := range []lang.Lang{lang.IT, lang.ES} {
		f, err := NewDiffFormatterIn("markdown", l)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Format(&buf, sampleDiff()); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "diff-"+string(l)+".md", buf.Bytes())
	}
	if _, err := NewDiffFormatter("yaml"); err == nil || !strings.Contains(err.Error(), "text, markdown, json") {
		t.Errorf("unknown format: %v", err)
	}
}

func TestDiffEmpty(t *testing.T) {
	asOf := time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC)
	d := &okrdiff.Diff{Base: okrdiff.Ref{Rev: "HEAD", Commit: "abcdef0123"}, Head: okrdiff.Ref{}, AsOf: asOf, ChangedOn: asOf, Unchanged: 2}
	for _, tc := range []struct{ format, want string }{
		{"text", "okrctl diff HEAD (abcdef0) → working tree, as of 2026-02-15\nchanges dated 2026-02-15 (the as-of date: the working tree is not committed)\nno changes to objectives, key results, KPIs or snapshots\n\n2 objectives unchanged\n\nfindings in working tree: 0 errors, 0 warnings\n"},
		{"markdown", "<!-- okrctl-diff -->\n**OKR changes** `HEAD` (`abcdef0`) → working tree: none.\n\n✅ No validation findings in working tree.\n\n<sub>okrctl diff · scores as of 2026-02-15 · changes dated 2026-02-15 (the as-of date: the working tree is not committed) · 2 objectives unchanged</sub>\n"},
	} {
		f, _ := NewDiffFormatter(tc.format)
		var buf bytes.Buffer
		if err := f.Format(&buf, d); err != nil {
			t.Fatal(err)
		}
		if buf.String() != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.format, buf.String(), tc.want)
		}
	}
	f, _ := NewDiffFormatter("json")
	var buf bytes.Buffer
	if err := f.Format(&buf, d); err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if objs, ok := out["objectives"].([]any); !ok || len(objs) != 0 {
		t.Errorf("objectives = %v, want []", out["objectives"])
	}
	if f, ok := out["findings"].([]any); !ok || len(f) != 0 {
		t.Errorf("findings = %v, want []", out["findings"])
	}
}

func TestMarkdownTableRowsStayWhole(t *testing.T) {
	f, _ := NewDiffFormatter("markdown")
	var buf bytes.Buffer
	if err := f.Format(&buf, sampleDiff()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, DiffMarker+"\n") {
		t.Errorf("does not start with the marker:\n%s", out)
	}
	want := 0 // the unescaped pipes of the table's header row
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			want = 0
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if want == 0 {
			want = n
		}
		if n != want {
			t.Errorf("row with %d cell separators, want %d: %s", n, want, line)
		}
	}
	for _, bad := range []string{"<b>", "@sales-team", "\n@", "`now`"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in:\n%s", bad, out)
		}
	}
}

// TestDiffTextNeutralisesControls keeps bidirectional overrides and
// control characters of YAML text and file names away from the terminal,
// as the status table does.
func TestDiffTextNeutralisesControls(t *testing.T) {
	d := sampleDiff()
	d.Objectives[1].Title = "Win \u202edeals\u202c \x1b[31mnow\x1b[0m"
	d.Objectives[1].File = "okrs/\u202eevil.yaml"
	d.Findings[0].Message = "bad \u2066title\u2069\x07"
	f, _ := NewDiffFormatter("text")
	var buf bytes.Buffer
	if err := f.Format(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"\u202e", "\u202c", "\u2066", "\u2069", "\x1b", "\x07"} {
		if strings.Contains(out, bad) {
			t.Errorf("%q reaches the text output:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "+ sales-2026q2: Win deals") {
		t.Errorf("title not kept readable:\n%s", out)
	}
}
