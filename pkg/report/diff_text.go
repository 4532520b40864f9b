package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okrdiff"
)

// textDiff writes a diff for the terminal: a header and summary, then one
// block per objective, "+" added, "-" removed, "~" changed, with its key
// results indented below it, then the head's findings.
type textDiff struct{}

func (textDiff) Format(w io.Writer, d *okrdiff.Diff) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "okrctl diff %s → %s, as of %s\n", d.Base, d.Head, d.AsOf.Format("2006-01-02"))
	if d.Empty() {
		fmt.Fprintln(bw, "no changes to objectives or key results")
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
			textField(bw, "    ", f, o)
		}
		if o.Score != nil {
			fmt.Fprintf(bw, "    score: %s\n", scoreChange(o.Score))
		}
		for _, k := range o.KeyResults {
			fmt.Fprintf(bw, "  %s %s: %s\n", textMark(k.Change), sanitizeLine(k.ID), sanitizeLine(k.Title))
			if k.Change != okrdiff.Changed {
				continue
			}
			for _, f := range k.Fields {
				textField(bw, "      ", f, o)
			}
			if k.Score != nil {
				fmt.Fprintf(bw, "      score: %s\n", scoreChange(k.Score))
			}
		}
	}
	if d.Unchanged > 0 {
		fmt.Fprintf(bw, "\n%s unchanged\n", plural(d.Unchanged, "objective"))
	}
	errs, warns := lint.Count(d.Findings)
	fmt.Fprintf(bw, "\nfindings in %s: %s, %s\n", d.Head, plural(errs, "error"), plural(warns, "warning"))
	for _, f := range d.Findings {
		fmt.Fprintln(bw, sanitizeLine(f.Error()))
	}
	return bw.Flush()
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

func textField(w io.Writer, indent string, f okrdiff.FieldDiff, o *okrdiff.ObjectiveDiff) {
	old, new := value(f.Old, "none"), value(f.New, "none")
	if f.Field == "title" {
		old, new = fmt.Sprintf("%q", old), fmt.Sprintf("%q", new)
	}
	var notes []string
	if n := barNote(f); n != "" {
		notes = append(notes, n)
	}
	if f.MovedGoalpost {
		notes = append(notes, "⚠ "+goalpostNote(o))
	}
	line := fmt.Sprintf("%s%s: %s → %s", indent, fieldChange(f), sanitizeLine(old), sanitizeLine(new))
	if len(notes) > 0 {
		line += " (" + strings.Join(notes, "; ") + ")"
	}
	fmt.Fprintln(w, line)
}
