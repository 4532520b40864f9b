package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/okrdiff"
)

// textDiff writes a diff for the terminal: a header and summary, then one
// block per objective, "+" added, "-" removed, "~" changed, with its key
// results indented below it, then the KPI documents, the snapshots and the
// head's findings. Text from the files goes through sanitizeLine, as in the
// status table.
type textDiff struct{}

func (textDiff) Format(w io.Writer, d *okrdiff.Diff) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "okrctl diff %s → %s, as of %s\n", sanitizeLine(d.Base.String()), sanitizeLine(d.Head.String()), d.AsOf.Format(time.DateOnly))
	if !d.ChangedOn.IsZero() {
		fmt.Fprintln(bw, sanitizeLine(changedOnNote(d)))
	}
	if d.Empty() {
		fmt.Fprintln(bw, "no changes to objectives, key results, KPIs or snapshots")
	} else {
		fmt.Fprintln(bw, diffSummary(d))
	}
	for _, o := range d.Objectives {
		fmt.Fprintf(bw, "\n%s %s: %s\n", textMark(o.Change), sanitizeLine(o.ID), sanitizeLine(o.Title))
		where := sanitizeLine(o.File)
		if o.Moved() {
			where += " (moved from " + sanitizeLine(o.OldFile) + ")"
		}
		fmt.Fprintf(bw, "    %s, period %s\n", where, sanitizeLine(o.Period))
		for _, f := range o.Fields {
			textField(bw, "    ", f, "", o.Began)
		}
		if o.Score != nil {
			fmt.Fprintf(bw, "    score: %s\n", scoreChange(o.Score))
		}
		for _, k := range o.KeyResults {
			id := sanitizeLine(k.ID)
			if k.Change == okrdiff.Renamed {
				id += " (renamed from " + sanitizeLine(k.OldID) + ")"
			}
			line := fmt.Sprintf("  %s %s: %s", textMark(k.Change), id, sanitizeLine(k.Title))
			if k.Dropped {
				line += " (⚠ " + droppedNote(k, o.Began) + ")"
			}
			fmt.Fprintln(bw, line)
			if k.CheckIn != nil {
				fmt.Fprintf(bw, "      check-in: %s\n", sanitizeLine(checkInText(*k.CheckIn, k.Unit, formatNumber, func(t time.Time) string { return t.Format(time.DateOnly) })))
			}
			if k.Change != okrdiff.Changed && k.Change != okrdiff.Renamed {
				continue
			}
			for _, f := range k.Fields {
				textField(bw, "      ", f, k.Unit, o.Began)
			}
			if k.Score != nil {
				fmt.Fprintf(bw, "      score: %s\n", scoreChange(k.Score))
			}
		}
	}
	for _, k := range d.KPIs {
		fmt.Fprintf(bw, "\n%s KPI %s: %s\n", textMark(k.Change), sanitizeLine(k.ID), sanitizeLine(k.Name))
		where := sanitizeLine(k.File)
		if k.OldFile != "" {
			where += " (moved from " + sanitizeLine(k.OldFile) + ")"
		}
		if len(k.UsedBy) > 0 {
			where += ", used by " + sanitizeLine(strings.Join(k.UsedBy, ", "))
		}
		fmt.Fprintf(bw, "    %s\n", where)
		for _, f := range k.Fields {
			textField(bw, "    ", f, "", k.Began)
		}
	}
	if len(d.History) > 0 {
		fmt.Fprintf(bw, "\n⚠ rewritten history: %s dated in the past of %s changed\n", plural.Of(len(d.History), "snapshot row"), sanitizeLine(d.Base.String()))
		for _, r := range d.History {
			fmt.Fprintf(bw, "    %s:%d: %s %s %s: %s → %s\n", sanitizeLine(r.File), r.Line, r.Date.Format(time.DateOnly), sanitizeLine(r.KPI), r.Change,
				number(r.Old, r.Unit, "none"), number(r.New, r.Unit, "none"))
		}
	}
	if len(d.NewRows) > 0 {
		fmt.Fprintln(bw, "\nnew snapshot rows")
		for _, n := range d.NewRows {
			fmt.Fprintf(bw, "    %s: %s\n", sanitizeLine(n.KPI), newRowsText(n))
		}
	}
	if d.Unchanged > 0 {
		fmt.Fprintf(bw, "\n%s unchanged\n", plural.Of(d.Unchanged, "objective"))
	}
	errs, warns := diag.Count(d.Findings)
	fmt.Fprintf(bw, "\nfindings in %s: %s, %s\n", sanitizeLine(d.Head.String()), plural.Of(errs, "error"), plural.Of(warns, "warning"))
	for _, f := range d.Findings {
		fmt.Fprintln(bw, sanitizeLine(f.Error()))
	}
	return bw.Flush()
}

// newRowsText sums up a KPI's new rows: "12 new rows, 2026-11-02 →
// 2026-11-30".
func newRowsText(n okrdiff.NewRows) string {
	s := plural.Of(n.Count, "new row") + ", " + n.First.Format(time.DateOnly)
	if !n.Last.Equal(n.First) {
		s += " → " + n.Last.Format(time.DateOnly)
	}
	return s
}

func textMark(c okrdiff.Change) string {
	switch c {
	case okrdiff.Added:
		return "+"
	case okrdiff.Removed:
		return "-"
	}
	return "~"
}

func textField(w io.Writer, indent string, f okrdiff.FieldDiff, unit string, began time.Time) {
	old, new := fieldValue(f, f.Old, unit, "none"), fieldValue(f, f.New, unit, "none")
	if f.Field == "title" || f.Field == "description" {
		if f.Old != nil {
			old = fmt.Sprintf("%q", old)
		}
		if f.New != nil {
			new = fmt.Sprintf("%q", new)
		}
	}
	notes := fieldNotes(f)
	if f.MovedGoalpost {
		notes = append(notes, "⚠ "+goalpostNote(began))
	}
	line := fmt.Sprintf("%s%s: %s → %s", indent, fieldChange(f), sanitizeLine(old), sanitizeLine(new))
	if len(notes) > 0 {
		line += " (" + strings.Join(notes, "; ") + ")"
	}
	fmt.Fprintln(w, line)
}
