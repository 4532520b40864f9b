package lint

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCommentStart(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"# whole line", 0},
		{"  # indented", 2},
		{"title: x # note", 9},
		{"title: x\t# note", 9},
		{"title: Issue#42", -1},
		{"title: 'a # b' # c", 15},
		{`title: "a # b" # c`, 15},
		{`title: "say \"# no\"" # yes`, 22},
		{"title: 'it''s # here' # c", 22},
		{"title: it's # a comment", 12},
		{"- 'a' # c", 6},
		{"url: http://x/#anchor", -1},
		{"", -1},
	}
	for _, tt := range tests {
		if got := commentStart(tt.line); got != tt.want {
			t.Errorf("commentStart(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestParseDirectives(t *testing.T) {
	src := `kind: Objective  # okrctl:ignore schema -- same line
# okrctl:ignore kr-count, vague -- alone: the next line with code
# another comment between them
key_results:
description: |
  Write # okrctl:ignore vague to silence a rule: this is text, not a comment.
    # okrctl:ignore neither is this
title: x # okrctl:ignore
label: "# okrctl:ignore not a comment"
notes: >-
  folded # okrctl:ignore text
owner: y # okrctl:ignore measurable--no space before the reason
# okrctl:ignore deadline
# okrctl:ignore vague -- a blank line below: above nothing

period: 2026-Q1
`
	ds, bad := parseDirectives([]byte(src))
	type d struct {
		Line, Col, Target int
		Rules             []string
	}
	var got []d
	for _, x := range ds {
		got = append(got, d{x.line, x.col, x.target, x.rules})
	}
	want := []d{
		{1, 18, 1, []string{"schema"}},
		{2, 1, 4, []string{"kr-count", "vague"}},
		{12, 10, 12, []string{"measurable"}},
		{13, 1, 0, []string{"deadline"}},
		{14, 1, 0, []string{"vague"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("directives (-want +got):\n%s", diff)
	}
	if len(bad) != 1 || bad[0].Line != 8 || bad[0].Column != 10 {
		t.Errorf("bad directives: %+v", bad)
	}
	if ds, bad := parseDirectives([]byte("kind: KPI\n")); ds != nil || bad != nil {
		t.Error("directives in a file without the marker")
	}
}

// TestParseDirectivesAfterBlockScalarInSequenceItem checks that a comment
// below a block scalar that opens a compact sequence item ("- title: |")
// is a comment, not text of the scalar.
func TestParseDirectivesAfterBlockScalarInSequenceItem(t *testing.T) {
	for _, style := range []string{"|", ">", "|-", ">+"} {
		src := "key_results:\n" +
			"  - title: " + style + "\n" +
			"      Grow the pipeline # okrctl:ignore vague -- text, not a comment\n" +
			"      in Milan\n" +
			"    # okrctl:ignore unknown-kpi -- the KPI is defined next quarter\n" +
			"    kpi: nope\n" +
			"  - |\n" +
			"    # okrctl:ignore schema -- text of the item\n" +
			"  # okrctl:ignore deadline\n" +
			"  - x\n"
		ds, bad := parseDirectives([]byte(src))
		if len(bad) != 0 {
			t.Errorf("%s: bad directives %+v", style, bad)
		}
		var got []string
		for _, d := range ds {
			got = append(got, fmt.Sprintf("%d:%d->%d %v", d.line, d.col, d.target, d.rules))
		}
		want := []string{"5:5->6 [unknown-kpi]", "9:3->10 [deadline]"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: directives (-want +got):\n%s", style, diff)
		}
	}
}
