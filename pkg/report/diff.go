package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/okrdiff"
	"github.com/okrctl/okrctl/pkg/progress"
)

// DiffFormatter writes a semantic diff (`okrctl diff`) in one format.
type DiffFormatter interface {
	Format(w io.Writer, d *okrdiff.Diff) error
}

var diffFormats = map[string]func() DiffFormatter{
	"text":     func() DiffFormatter { return textDiff{} },
	"markdown": func() DiffFormatter { return markdownDiff{} },
	"json":     func() DiffFormatter { return jsonDiff{} },
}

// DiffFormats lists the names NewDiffFormatter accepts.
func DiffFormats() []string { return []string{"text", "markdown", "json"} }

// NewDiffFormatter returns the diff formatter of a format name.
func NewDiffFormatter(name string) (DiffFormatter, error) {
	if f, ok := diffFormats[name]; ok {
		return f(), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(DiffFormats(), ", "))
}

// diffSummary is the one-line summary of a diff's changes, "" when nothing
// changed.
func diffSummary(d *okrdiff.Diff) string {
	s := d.Summary()
	var parts []string
	if obj := counts(s.ObjectivesAdded, s.ObjectivesRemoved, s.ObjectivesChanged); obj != "" {
		parts = append(parts, plural(s.ObjectivesAdded+s.ObjectivesRemoved+s.ObjectivesChanged, "objective")+" "+obj)
	}
	if krs := counts(s.KRsAdded, s.KRsRemoved, s.KRsChanged); krs != "" {
		parts = append(parts, plural(s.KRsAdded+s.KRsRemoved+s.KRsChanged, "key result")+" "+krs)
	}
	if k := counts(s.KPIsAdded, s.KPIsRemoved, s.KPIsChanged); k != "" {
		parts = append(parts, plural(s.KPIsAdded+s.KPIsRemoved+s.KPIsChanged, "KPI")+" "+k)
	}
	if s.MovedGoalposts > 0 {
		parts = append(parts, plural(s.MovedGoalposts, "moved goalpost"))
	}
	if s.RewrittenRows > 0 {
		parts = append(parts, rewrittenSummary(s.RewrittenRows))
	}
	if s.NewRows > 0 {
		parts = append(parts, plural(s.NewRows, "new snapshot row"))
	}
	return strings.Join(parts, "; ")
}

// rewrittenSummary says how many past snapshot rows were rewritten.
func rewrittenSummary(n int) string {
	return "rewritten history (" + plural(n, "past snapshot row") + ")"
}

// changedOnNote says which day moved goalposts are judged by.
func changedOnNote(d *okrdiff.Diff) string {
	day := d.ChangedOn.Format(time.DateOnly)
	if d.Head.Rev == "" {
		return "changes dated " + day + " (the as-of date: the working tree is not committed)"
	}
	return "changes dated " + day + " (the commit date of " + d.Head.Rev + ")"
}

// counts says "(1 added, 2 changed)", leaving out zeros.
func counts(added, removed, changed int) string {
	var p []string
	for _, c := range []struct {
		n    int
		verb string
	}{{added, "added"}, {removed, "removed"}, {changed, "changed"}} {
		if c.n > 0 {
			p = append(p, fmt.Sprintf("%d %s", c.n, c.verb))
		}
	}
	if len(p) == 0 {
		return ""
	}
	return "(" + strings.Join(p, ", ") + ")"
}

// fieldChange names a field's change: "target lowered", "owner changed",
// "deadline later", "title changed".
func fieldChange(f okrdiff.FieldDiff) string {
	return f.Field + " " + f.Change
}

// fieldNotes says what a change does to the bar, and why it is a moved
// goalpost when it is one: the notes a reviewer reads beside the values.
func fieldNotes(f okrdiff.FieldDiff) []string {
	var notes []string
	switch {
	case f.Field == "deadline" && f.Change == "later":
		notes = append(notes, "more time for the same target")
	case f.Field == "weight" && f.Change == "lowered":
		notes = append(notes, "counts less toward the objective's score")
	case f.Field == "baseline" && f.MovedGoalpost:
		notes = append(notes, "moves the line progress is measured from")
	case f.Field == "aggregation":
		notes = append(notes, "changes how its snapshots add up: every key result on it is measured anew")
	case f.Field == "good":
		notes = append(notes, "changes which way is better for every key result on it")
	case f.Field == "unit":
		notes = append(notes, "changes what the numbers of every key result on it mean")
	case f.Change == "unreadable":
		notes = append(notes, "not a number: see the findings")
	}
	switch f.Bar {
	case "raised":
		notes = append(notes, "raises the bar")
	case "lowered":
		notes = append(notes, "lowers the bar")
	}
	return notes
}

// goalpostNote explains a moved goalpost: since when a change counts as
// one.
func goalpostNote(began time.Time) string {
	return "moved goalpost: changed after the period began on " + began.Format(time.DateOnly)
}

// droppedNote explains a key result dropped after its period began.
func droppedNote(k *okrdiff.KRDiff, began time.Time) string {
	note := "moved goalpost: dropped after the period began on " + began.Format(time.DateOnly) + "; its target no longer counts"
	if k.Score != nil && k.Score.OldStatus != "" {
		note += "; it was " + string(k.Score.OldStatus)
	}
	return note
}

// fieldValue formats one side of a field: numbers as status shows them,
// with thousands separators and the KPI's unit (a weight has none); text
// as written; none where unset. A value that should be a number but is not
// shows quoted.
func fieldValue(f okrdiff.FieldDiff, v any, unit, none string) string {
	switch v := v.(type) {
	case nil:
		return none
	case float64:
		if f.Field == "weight" {
			return formatNumber(&v)
		}
		return withUnit(formatNumber(&v), shortUnit(unit))
	case string:
		if f.Change == "unreadable" {
			return strconv.Quote(v)
		}
		return v
	}
	return fmt.Sprint(v)
}

// number formats a snapshot value as status does; none when missing.
func number(v *float64, unit, none string) string {
	if v == nil {
		return none
	}
	return withUnit(formatNumber(v), shortUnit(unit))
}

// score formats a score and status, "0.42 on_track"; a missing side is
// none.
func score(p *float64, st progress.Status, none string) string {
	switch {
	case p == nil && st == "":
		return none
	case p == nil:
		return string(st)
	}
	return scoreText(*p) + " " + string(st)
}

// scoreChange shows a score on both sides, "0.40 at_risk → 0.45 on_track",
// or on the one side that has it.
func scoreChange(s *okrdiff.ScoreDiff) string {
	old, new := score(s.Old, s.OldStatus, ""), score(s.New, s.NewStatus, "")
	switch {
	case old == "":
		return new
	case new == "":
		return old
	}
	return old + " → " + new
}
