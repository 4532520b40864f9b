package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

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
		s := d.Summary()
		if n := s.MovedGoalposts; n > 0 {
			summary = strings.Replace(summary, plural(n, "moved goalpost"), "⚠️ **"+plural(n, "moved goalpost")+"**", 1)
		}
		if n := s.RewrittenRows; n > 0 {
			summary = strings.Replace(summary, rewrittenSummary(n), "⚠️ **"+rewrittenSummary(n)+"**", 1)
		}
		fmt.Fprintf(bw, "**OKR changes** %s: %s.\n", revs, summary)
	}
	for _, o := range d.Objectives {
		mdObjective(bw, o)
	}
	mdKPIs(bw, d)
	mdSnapshots(bw, d)
	mdFindings(bw, d)
	footer := "scores as of " + d.AsOf.Format("2006-01-02")
	if !d.ChangedOn.IsZero() {
		footer += " · " + mdText(changedOnNote(d))
	}
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
		rows = append(rows, mdFieldRow("*objective*", f, "", o.Began))
	}
	for _, k := range o.KeyResults {
		id := mdCode(k.ID)
		switch k.Change {
		case okrdiff.Added:
			rows = append(rows, [5]string{id, "➕ added", "", mdText(k.Title), mdScoreNote(k.Score)})
		case okrdiff.Removed:
			notes := mdScoreNote(k.Score)
			if k.Dropped {
				notes = joinNotes("⚠️ **"+droppedNote(k, o.Began)+"**", notes)
			}
			rows = append(rows, [5]string{id, "➖ removed", mdText(k.Title), "", notes})
		default:
			if k.Change == okrdiff.Renamed {
				rows = append(rows, [5]string{id, "renamed", mdCode(k.OldID), mdCode(k.ID), "same key result: " + mdText(k.Title)})
			}
			for _, f := range k.Fields {
				rows = append(rows, mdFieldRow(id, f, k.Unit, o.Began))
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

func joinNotes(notes ...string) string {
	var kept []string
	for _, n := range notes {
		if n != "" {
			kept = append(kept, n)
		}
	}
	return strings.Join(kept, "; ")
}

func mdFieldRow(who string, f okrdiff.FieldDiff, unit string, began time.Time) [5]string {
	var notes []string
	if f.MovedGoalpost {
		notes = append(notes, "⚠️ **"+goalpostNote(began)+"**")
	}
	notes = append(notes, fieldNotes(f)...)
	return [5]string{who, fieldChange(f), mdText(fieldValue(f, f.Old, unit, "—")), mdText(fieldValue(f, f.New, unit, "—")), strings.Join(notes, "; ")}
}

// mdKPIs writes a table of the KPI documents that changed.
func mdKPIs(w io.Writer, d *okrdiff.Diff) {
	if len(d.KPIs) == 0 {
		return
	}
	fmt.Fprintln(w, "\n#### 📏 KPIs\n\n| KPI | Change | Before | After | Notes |\n| --- | --- | --- | --- | --- |")
	for _, k := range d.KPIs {
		id := mdCode(k.ID)
		used := ""
		if len(k.UsedBy) > 0 {
			var ids []string
			for _, u := range k.UsedBy {
				ids = append(ids, mdCode(u))
			}
			used = "used by " + strings.Join(ids, ", ")
		}
		switch k.Change {
		case okrdiff.Added:
			fmt.Fprintf(w, "| %s | ➕ added |  | %s | %s |\n", id, mdText(k.Name), joinNotes(mdCode(k.File), used))
		case okrdiff.Removed:
			fmt.Fprintf(w, "| %s | ➖ removed | %s |  | %s |\n", id, mdText(k.Name), joinNotes(mdCode(k.File), used))
		default:
			if k.OldFile != "" {
				fmt.Fprintf(w, "| %s | moved | %s | %s | %s |\n", id, mdCode(k.OldFile), mdCode(k.File), used)
			}
			for i, f := range k.Fields {
				r := mdFieldRow(id, f, "", k.Began)
				if i == 0 {
					r[4] = joinNotes(r[4], used)
				}
				fmt.Fprintf(w, "| %s |\n", strings.Join(r[:], " | "))
			}
		}
	}
}

// mdSnapshots writes the rewritten history as a table (the first
// maxMarkdownFindings rows) and the new rows as a list.
func mdSnapshots(w io.Writer, d *okrdiff.Diff) {
	if len(d.History) > 0 {
		fmt.Fprintf(w, "\n#### ⚠️ Rewritten history\n\n%s dated in the past of %s were changed after the fact:\n\n", plural(len(d.History), "snapshot row"), mdRef(d.Base))
		fmt.Fprintln(w, "| Row | Date | KPI | Change | Before | After |\n| --- | --- | --- | --- | --- | --- |")
		for i, r := range d.History {
			if i == maxMarkdownFindings {
				fmt.Fprintf(w, "\n… and %d more: run `okrctl diff` for all of them.\n", len(d.History)-i)
				break
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", mdCode(fmt.Sprintf("%s:%d", r.File, r.Line)), r.Date.Format(time.DateOnly), mdCode(r.KPI), r.Change,
				mdText(number(r.Old, r.Unit, "—")), mdText(number(r.New, r.Unit, "—")))
		}
	}
	if len(d.NewRows) > 0 {
		fmt.Fprint(w, "\n#### 📈 New snapshot rows\n\n")
		for _, n := range d.NewRows {
			fmt.Fprintf(w, "- %s: %s\n", mdCode(n.KPI), newRowsText(n))
		}
	}
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
