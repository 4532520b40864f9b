package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/diag"
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
type markdownDiff struct{ dw diffWords }

func (md markdownDiff) Format(w io.Writer, d *okrdiff.Diff) error {
	dw, l := md.dw, md.dw.l
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, DiffMarker)
	revs := fmt.Sprintf("%s → %s", dw.mdRef(d.Base), dw.mdRef(d.Head))
	if d.Empty() {
		fmt.Fprintln(bw, l.T("diff.changes", revs, l.T("diff.none")))
	} else {
		summary := dw.summary(d)
		s := d.Summary()
		if n := s.MovedGoalposts; n > 0 {
			summary = strings.Replace(summary, dw.goalposts(n), "⚠️ **"+dw.goalposts(n)+"**", 1)
		}
		if n := s.RewrittenRows; n > 0 {
			summary = strings.Replace(summary, dw.rewritten(n), "⚠️ **"+dw.rewritten(n)+"**", 1)
		}
		fmt.Fprintln(bw, l.T("diff.changes", revs, summary))
	}
	for _, o := range d.Objectives {
		dw.mdObjective(bw, o)
	}
	dw.mdKPIs(bw, d)
	dw.mdSnapshots(bw, d)
	dw.mdFindings(bw, d)
	footer := l.T("diff.scores_as_of", l.Date(d.AsOf))
	if !d.ChangedOn.IsZero() {
		footer += " · " + mdText(dw.changedOn(d))
	}
	if d.Unchanged > 0 {
		footer += " · " + l.T("diff.unchanged", l.Count(d.Unchanged, "diff.word.objective"))
	}
	fmt.Fprintf(bw, "\n<sub>okrctl diff · %s</sub>\n", footer)
	return bw.Flush()
}

func (dw diffWords) mdRef(r okrdiff.Ref) string {
	if r.Rev == "" {
		return dw.l.T("diff.working_tree")
	}
	s := mdCode(r.Rev)
	if short := r.Short(); short != "" && !strings.HasPrefix(r.Commit, r.Rev) {
		s += " (" + mdCode(short) + ")"
	}
	return s
}

func (dw diffWords) mdObjective(w io.Writer, o *okrdiff.ObjectiveDiff) {
	l := dw.l
	icon := map[okrdiff.Change]string{okrdiff.Added: "➕", okrdiff.Removed: "➖", okrdiff.Changed: "✏️"}[o.Change]
	fmt.Fprintf(w, "\n#### %s %s — %s\n\n", icon, mdCode(o.ID), mdText(o.Title))
	info := []string{mdCode(o.File)}
	if o.Moved() {
		info[0] += " " + l.T("diff.moved_from", mdCode(o.OldFile))
	}
	if o.Change != okrdiff.Changed {
		info = append(info, dw.word("change", string(o.Change)))
	}
	if o.Period != "" {
		info = append(info, l.T("diff.period", mdText(o.Period)))
	}
	if o.Score != nil {
		info = append(info, l.T("diff.score", dw.scoreChange(o.Score)))
	}
	fmt.Fprintln(w, strings.Join(info, " · "))

	var rows [][5]string
	for _, f := range o.Fields {
		rows = append(rows, dw.mdFieldRow(l.T("diff.objective"), f, "", o.Began))
	}
	for _, k := range o.KeyResults {
		id := mdCode(k.ID)
		switch k.Change {
		case okrdiff.Added:
			rows = append(rows, [5]string{id, "➕ " + dw.word("change", "added"), "", mdText(k.Title), dw.mdScoreNote(k.Score)})
		case okrdiff.Removed:
			notes := dw.mdScoreNote(k.Score)
			if k.Dropped {
				notes = joinNotes("⚠️ **"+dw.dropped(k, o.Began)+"**", notes)
			}
			rows = append(rows, [5]string{id, "➖ " + dw.word("change", "removed"), mdText(k.Title), "", notes})
		default:
			if k.Change == okrdiff.Renamed {
				rows = append(rows, [5]string{id, dw.word("change", "renamed"), mdCode(k.OldID), mdCode(k.ID), l.T("diff.same_kr", mdText(k.Title))})
			}
			for _, f := range k.Fields {
				rows = append(rows, dw.mdFieldRow(id, f, k.Unit, o.Began))
			}
			if k.Score != nil {
				s := k.Score
				rows = append(rows, [5]string{id, l.T("diff.score_row"), dw.score(s.Old, s.OldStatus, "—"), dw.score(s.New, s.NewStatus, "—"), ""})
			}
		}
		if c := k.CheckIn; c != nil {
			rows = append(rows, [5]string{id, l.T("diff.checkin_row"), "", mdText(checkInText(*c, k.Unit, func(v *float64) string { return formatNumberIn(l, v) }, l.Date)), ""})
		}
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "\n| %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- |\n",
		l.T("diff.col.kr"), l.T("diff.col.change"), l.T("diff.col.before"), l.T("diff.col.after"), l.T("diff.col.notes"))
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

func (dw diffWords) mdFieldRow(who string, f okrdiff.FieldDiff, unit string, began time.Time) [5]string {
	var notes []string
	if f.MovedGoalpost {
		notes = append(notes, "⚠️ **"+dw.goalpost(began)+"**")
	}
	notes = append(notes, dw.fieldNotes(f)...)
	return [5]string{who, dw.fieldChange(f), mdText(dw.fieldValue(f, f.Old, unit, "—")), mdText(dw.fieldValue(f, f.New, unit, "—")), strings.Join(notes, "; ")}
}

// mdKPIs writes a table of the KPI documents that changed.
func (dw diffWords) mdKPIs(w io.Writer, d *okrdiff.Diff) {
	if len(d.KPIs) == 0 {
		return
	}
	l := dw.l
	fmt.Fprintf(w, "\n#### 📏 %s\n\n| %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- |\n", l.T("diff.kpis"),
		l.T("diff.col.kpi"), l.T("diff.col.change"), l.T("diff.col.before"), l.T("diff.col.after"), l.T("diff.col.notes"))
	for _, k := range d.KPIs {
		id := mdCode(k.ID)
		used := ""
		if len(k.UsedBy) > 0 {
			var ids []string
			for _, u := range k.UsedBy {
				ids = append(ids, mdCode(u))
			}
			used = l.T("diff.used_by", strings.Join(ids, ", "))
		}
		switch k.Change {
		case okrdiff.Added:
			fmt.Fprintf(w, "| %s | ➕ %s |  | %s | %s |\n", id, dw.word("change", "added"), mdText(k.Name), joinNotes(mdCode(k.File), used))
		case okrdiff.Removed:
			fmt.Fprintf(w, "| %s | ➖ %s | %s |  | %s |\n", id, dw.word("change", "removed"), mdText(k.Name), joinNotes(mdCode(k.File), used))
		default:
			if k.OldFile != "" {
				fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", id, dw.word("change", "moved"), mdCode(k.OldFile), mdCode(k.File), used)
			}
			for i, f := range k.Fields {
				r := dw.mdFieldRow(id, f, "", k.Began)
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
func (dw diffWords) mdSnapshots(w io.Writer, d *okrdiff.Diff) {
	l := dw.l
	if len(d.History) > 0 {
		fmt.Fprintf(w, "\n#### ⚠️ %s\n\n%s\n\n", l.T("diff.rewritten_h"), l.T("diff.rewritten_t", l.Count(len(d.History), "diff.word.snapshot_row"), dw.mdRef(d.Base)))
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- | --- |\n",
			l.T("diff.col.row"), l.T("diff.col.date"), l.T("diff.col.kpi"), l.T("diff.col.change"), l.T("diff.col.before"), l.T("diff.col.after"))
		for i, r := range d.History {
			if i == maxMarkdownFindings {
				fmt.Fprintf(w, "\n%s\n", l.T("diff.more_rows", l.Int(len(d.History)-i)))
				break
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", mdCode(fmt.Sprintf("%s:%d", r.File, r.Line)), l.Date(r.Date), mdCode(r.KPI), dw.word("change", r.Change),
				mdText(dw.number(r.Old, r.Unit, "—")), mdText(dw.number(r.New, r.Unit, "—")))
		}
	}
	if len(d.NewRows) > 0 {
		fmt.Fprintf(w, "\n#### 📈 %s\n\n", l.T("diff.new_rows_h"))
		for _, n := range d.NewRows {
			span := l.Date(n.First)
			if !n.Last.Equal(n.First) {
				span += " → " + l.Date(n.Last)
			}
			fmt.Fprintf(w, "- %s: %s\n", mdCode(n.KPI), l.T("diff.new_rows", l.Count(n.Count, "diff.word.row"), span))
		}
	}
}

// mdScoreNote shows the score of a key result that exists on one side only,
// "" when it has none.
func (dw diffWords) mdScoreNote(s *okrdiff.ScoreDiff) string {
	if s == nil || (s.Old == nil && s.New == nil) {
		return ""
	}
	return dw.l.T("diff.score", dw.scoreChange(s))
}

// mdFindings lists the validation findings of HEAD; their messages stay
// in English, as validate writes them.
func (dw diffWords) mdFindings(w io.Writer, d *okrdiff.Diff) {
	l := dw.l
	errs, warns := diag.Count(d.Findings)
	head := l.T("diff.working_tree")
	if d.Head.Rev != "" {
		head = mdCode(d.Head.Rev)
	}
	if errs+warns == 0 {
		fmt.Fprintf(w, "\n✅ %s\n", l.T("diff.no_findings", head))
		return
	}
	icon := "⚠️"
	if errs > 0 {
		icon = "❌"
	}
	fmt.Fprintf(w, "\n<details><summary>%s %s</summary>\n\n", icon, l.T("diff.findings", l.Count(errs, "word.error"), l.Count(warns, "word.warning"), head))
	for i, f := range d.Findings {
		if i == maxMarkdownFindings {
			fmt.Fprintf(w, "- %s\n", l.T("diff.more_found", l.Int(len(d.Findings)-i)))
			break
		}
		fmt.Fprintf(w, "- %s %s: %s [%s]\n", mdCode(fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)), l.T("severity."+f.Severity.String()), mdText(f.Message), mdText(f.Rule))
	}
	fmt.Fprintln(w, "\n</details>")
}
