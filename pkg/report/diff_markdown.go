package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okrdiff"
)

// DiffMarker is the first line of a Markdown diff: CI finds its earlier
// comment on a pull request by it and edits that comment instead of adding
// another (a sticky comment).
const DiffMarker = "<!-- okrctl-diff -->"

// maxMarkdownFindings bounds the findings listed in a comment, which GitHub
// caps at 65,536 characters.
const maxMarkdownFindings = 100

// markdownDiff writes a diff as a pull-request comment: the marker, a
// one-line summary, then a heading and a table per objective. Text from the
// YAML files goes through mdText and mdCode, so that it can neither break
// the tables nor inject HTML or mentions.
type markdownDiff struct{}

func (markdownDiff) Format(w io.Writer, d *okrdiff.Diff) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, DiffMarker)
	revs := fmt.Sprintf("%s → %s", mdRef(d.Base), mdRef(d.Head))
	if d.Empty() {
		fmt.Fprintf(bw, "**OKR changes** %s: none.\n", revs)
	} else {
		summary := diffSummary(d)
		if n := d.Summary().MovedGoalposts; n > 0 {
			summary = strings.Replace(summary, plural(n, "moved goalpost"), "⚠️ **"+plural(n, "moved goalpost")+"**", 1)
		}
		fmt.Fprintf(bw, "**OKR changes** %s: %s.\n", revs, summary)
	}
	for _, o := range d.Objectives {
		mdObjective(bw, o)
	}
	mdFindings(bw, d)
	footer := "scores as of " + d.AsOf.Format("2006-01-02")
	if d.Unchanged > 0 {
		footer += " · " + plural(d.Unchanged, "objective") + " unchanged"
	}
	fmt.Fprintf(bw, "\n<sub>okrctl diff · %s</sub>\n", footer)
	return bw.Flush()
}

func mdRef(r okrdiff.Ref) string {
	if r.Rev == "" {
		return "working tree"
	}
	s := mdCode(r.Rev)
	if short := r.Short(); short != "" && !strings.HasPrefix(r.Commit, r.Rev) {
		s += " (" + mdCode(short) + ")"
	}
	return s
}

func mdObjective(w io.Writer, o *okrdiff.ObjectiveDiff) {
	icon := map[okrdiff.Change]string{okrdiff.Added: "➕", okrdiff.Removed: "➖", okrdiff.Changed: "✏️"}[o.Change]
	fmt.Fprintf(w, "\n#### %s %s — %s\n\n", icon, mdCode(o.ID), mdText(o.Title))
	info := []string{mdCode(o.File)}
	if o.Moved() {
		info[0] += " (moved from " + mdCode(o.OldFile) + ")"
	}
	if o.Change != okrdiff.Changed {
		info = append(info, string(o.Change))
	}
	if o.Period != "" {
		info = append(info, "period "+mdText(o.Period))
	}
	if o.Score != nil {
		info = append(info, "score "+scoreChange(o.Score))
	}
	fmt.Fprintln(w, strings.Join(info, " · "))

	var rows [][5]string
	for _, f := range o.Fields {
		rows = append(rows, mdFieldRow("*objective*", f, o))
	}
	for _, k := range o.KeyResults {
		id := mdCode(k.ID)
		switch k.Change {
		case okrdiff.Added:
			rows = append(rows, [5]string{id, "➕ added", "", mdText(k.Title), mdScoreNote(k.Score)})
		case okrdiff.Removed:
			rows = append(rows, [5]string{id, "➖ removed", mdText(k.Title), "", mdScoreNote(k.Score)})
		default:
			for _, f := range k.Fields {
				rows = append(rows, mdFieldRow(id, f, o))
			}
			if k.Score != nil {
				s := k.Score
				rows = append(rows, [5]string{id, "score", score(s.Old, s.OldStatus, "—"), score(s.New, s.NewStatus, "—"), ""})
			}
		}
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(w, "\n| Key result | Change | Before | After | Notes |\n| --- | --- | --- | --- | --- |")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s |\n", strings.Join(r[:], " | "))
	}
}

func mdFieldRow(who string, f okrdiff.FieldDiff, o *okrdiff.ObjectiveDiff) [5]string {
	var notes []string
	if f.MovedGoalpost {
		notes = append(notes, "⚠️ **"+goalpostNote(o)+"**")
	}
	if n := barNote(f); n != "" {
		notes = append(notes, n)
	}
	return [5]string{who, fieldChange(f), mdText(value(f.Old, "—")), mdText(value(f.New, "—")), strings.Join(notes, "; ")}
}

// mdScoreNote shows the score of a key result that exists on one side only,
// "" when it has none.
func mdScoreNote(s *okrdiff.ScoreDiff) string {
	if s == nil || (s.Old == nil && s.New == nil) {
		return ""
	}
	return "score " + scoreChange(s)
}

func mdFindings(w io.Writer, d *okrdiff.Diff) {
	errs, warns := lint.Count(d.Findings)
	head := "working tree"
	if d.Head.Rev != "" {
		head = mdCode(d.Head.Rev)
	}
	if errs+warns == 0 {
		fmt.Fprintf(w, "\n✅ No validation findings in %s.\n", head)
		return
	}
	icon := "⚠️"
	if errs > 0 {
		icon = "❌"
	}
	fmt.Fprintf(w, "\n<details><summary>%s %s, %s in %s</summary>\n\n", icon, plural(errs, "error"), plural(warns, "warning"), head)
	for i, f := range d.Findings {
		if i == maxMarkdownFindings {
			fmt.Fprintf(w, "- … and %d more: run `okrctl validate`\n", len(d.Findings)-i)
			break
		}
		fmt.Fprintf(w, "- %s %s: %s [%s]\n", mdCode(fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)), f.Severity, mdText(f.Message), mdText(f.Rule))
	}
	fmt.Fprintln(w, "\n</details>")
}
