package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/okrdiff"
	"github.com/okrctl/okrctl/pkg/progress"
)

// DiffFormatter writes a semantic diff (`okrctl diff`) in one format.
type DiffFormatter interface {
	Format(w io.Writer, d *okrdiff.Diff) error
}

var diffFormats = map[string]func(lang.Lang) DiffFormatter{
	"text":     func(lang.Lang) DiffFormatter { return textDiff{} },
	"markdown": func(l lang.Lang) DiffFormatter { return markdownDiff{diffWords{l}} },
	"json":     func(lang.Lang) DiffFormatter { return jsonDiff{} },
}

// DiffFormats lists the names NewDiffFormatter accepts.
func DiffFormats() []string { return []string{"text", "markdown", "json"} }

// NewDiffFormatter returns the diff formatter of a format name, in
// English.
func NewDiffFormatter(name string) (DiffFormatter, error) { return NewDiffFormatterIn(name, lang.EN) }

// NewDiffFormatterIn returns the diff formatter of a format name; the
// Markdown comment is written in language l (the text and JSON outputs
// are for logs and programs, and stay English).
func NewDiffFormatterIn(name string, l lang.Lang) (DiffFormatter, error) {
	if f, ok := diffFormats[name]; ok {
		return f(l), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(DiffFormats(), ", "))
}

// diffWords writes the words of a diff in a language: the Markdown comment
// speaks --lang (docs/architecture.md, "Output and languages"); the text
// output uses the English functions below, which are these in English.
type diffWords struct{ l lang.Lang }

var englishDiff = diffWords{lang.EN}

func diffSummary(d *okrdiff.Diff) string                    { return englishDiff.summary(d) }
func changedOnNote(d *okrdiff.Diff) string                  { return englishDiff.changedOn(d) }
func fieldChange(f okrdiff.FieldDiff) string                { return englishDiff.fieldChange(f) }
func fieldNotes(f okrdiff.FieldDiff) []string               { return englishDiff.fieldNotes(f) }
func goalpostNote(began time.Time) string                   { return englishDiff.goalpost(began) }
func droppedNote(k *okrdiff.KRDiff, began time.Time) string { return englishDiff.dropped(k, began) }
func fieldValue(f okrdiff.FieldDiff, v any, unit, none string) string {
	return englishDiff.fieldValue(f, v, unit, none)
}
func number(v *float64, unit, none string) string { return englishDiff.number(v, unit, none) }
func scoreChange(s *okrdiff.ScoreDiff) string     { return englishDiff.scoreChange(s) }

// word translates an identifier of the diff (a field name, a change) when
// the catalog has it, and keeps it as it is otherwise.
func (w diffWords) word(kind, v string) string {
	if key := "diff." + kind + "." + v; lang.Has(key) {
		return w.l.T(key)
	}
	return v
}

// summary is the one-line summary of a diff's changes, "" when nothing
// changed.
func (w diffWords) summary(d *okrdiff.Diff) string {
	s := d.Summary()
	var parts []string
	if obj := w.counts(s.ObjectivesAdded, s.ObjectivesRemoved, s.ObjectivesChanged); obj != "" {
		parts = append(parts, w.l.Count(s.ObjectivesAdded+s.ObjectivesRemoved+s.ObjectivesChanged, "diff.word.objective")+" "+obj)
	}
	if krs := w.counts(s.KRsAdded, s.KRsRemoved, s.KRsChanged); krs != "" {
		parts = append(parts, w.l.Count(s.KRsAdded+s.KRsRemoved+s.KRsChanged, "diff.word.key_result")+" "+krs)
	}
	if k := w.counts(s.KPIsAdded, s.KPIsRemoved, s.KPIsChanged); k != "" {
		parts = append(parts, w.l.Count(s.KPIsAdded+s.KPIsRemoved+s.KPIsChanged, "diff.word.kpi")+" "+k)
	}
	if s.MovedGoalposts > 0 {
		parts = append(parts, w.goalposts(s.MovedGoalposts))
	}
	if s.RewrittenRows > 0 {
		parts = append(parts, w.rewritten(s.RewrittenRows))
	}
	if s.NewRows > 0 {
		parts = append(parts, w.l.Count(s.NewRows, "diff.word.new_row"))
	}
	return strings.Join(parts, "; ")
}

// goalposts counts moved goalposts: "2 moved goalposts".
func (w diffWords) goalposts(n int) string { return w.l.Count(n, "diff.word.goalpost") }

// rewritten says how many past snapshot rows were rewritten.
func (w diffWords) rewritten(n int) string {
	return w.l.T("diff.rewritten", w.l.Count(n, "diff.word.past_row"))
}

// changedOn says which day moved goalposts are judged by.
func (w diffWords) changedOn(d *okrdiff.Diff) string {
	day := w.l.Date(d.ChangedOn)
	if d.Head.Rev == "" {
		return w.l.T("diff.dated_wt", day)
	}
	return w.l.T("diff.dated_commit", day, d.Head.Rev)
}

// counts says "(1 added, 2 changed)", leaving out zeros.
func (w diffWords) counts(added, removed, changed int) string {
	var p []string
	for _, c := range []struct {
		n    int
		verb string
	}{{added, "added"}, {removed, "removed"}, {changed, "changed"}} {
		if c.n > 0 {
			p = append(p, w.l.T("diff.count", w.l.Int(c.n), w.word("change", c.verb)))
		}
	}
	if len(p) == 0 {
		return ""
	}
	return "(" + strings.Join(p, ", ") + ")"
}

// fieldChange names a field's change: "target lowered", "owner changed",
// "deadline later", "title changed".
func (w diffWords) fieldChange(f okrdiff.FieldDiff) string {
	return w.l.T("diff.field_change", w.word("field", f.Field), w.word("change", f.Change))
}

// fieldNotes says what a change does to the bar, and why it is a moved
// goalpost when it is one: the notes a reviewer reads beside the values.
func (w diffWords) fieldNotes(f okrdiff.FieldDiff) []string {
	var notes []string
	note := func(key string) { notes = append(notes, w.l.T("diff.note."+key)) }
	switch {
	case f.Field == "deadline" && f.Change == "later":
		note("more_time")
	case f.Field == "weight" && f.Change == "lowered":
		note("counts_less")
	case f.Field == "baseline" && f.MovedGoalpost:
		note("baseline")
	case f.Field == "aggregation":
		note("aggregation")
	case f.Field == "good":
		note("good")
	case f.Field == "unit":
		note("unit")
	case f.Change == "unreadable":
		note("unreadable")
	}
	switch f.Bar {
	case "raised":
		note("raises")
	case "lowered":
		note("lowers")
	}
	return notes
}

// goalpost explains a moved goalpost: since when a change counts as one.
func (w diffWords) goalpost(began time.Time) string {
	return w.l.T("diff.goalpost", w.l.Date(began))
}

// dropped explains a key result dropped after its period began.
func (w diffWords) dropped(k *okrdiff.KRDiff, began time.Time) string {
	note := w.l.T("diff.dropped", w.l.Date(began))
	if k.Score != nil && k.Score.OldStatus != "" {
		note += w.l.T("diff.it_was", w.l.T("status."+string(k.Score.OldStatus)))
	}
	return note
}

// fieldValue formats one side of a field: numbers as status shows them,
// with thousands separators and the KPI's unit (a weight has none); text
// as written; none where unset. A value that should be a number but is not
// shows quoted.
func (w diffWords) fieldValue(f okrdiff.FieldDiff, v any, unit, none string) string {
	switch v := v.(type) {
	case nil:
		return none
	case float64:
		if f.Field == "weight" {
			return formatNumberIn(w.l, &v)
		}
		return withUnit(formatNumberIn(w.l, &v), shortUnit(unit))
	case string:
		if f.Change == "unreadable" {
			return strconv.Quote(v)
		}
		return v
	}
	return fmt.Sprint(v)
}

// number formats a snapshot value as status does; none when missing.
func (w diffWords) number(v *float64, unit, none string) string {
	if v == nil {
		return none
	}
	return withUnit(formatNumberIn(w.l, v), shortUnit(unit))
}

// score formats a score and status, "0.42 on_track"; a missing side is
// none.
func (w diffWords) score(p *float64, st progress.Status, none string) string {
	name := ""
	if st != "" {
		name = w.l.T("status." + string(st))
	}
	switch {
	case p == nil && st == "":
		return none
	case p == nil:
		return name
	}
	return strings.TrimSpace(w.l.Fixed(floorTo(*p, 2), 2) + " " + name)
}

// scoreChange shows a score on both sides, "0.40 at_risk → 0.45 on_track",
// or on the one side that has it.
func (w diffWords) scoreChange(s *okrdiff.ScoreDiff) string {
	old, new := w.score(s.Old, s.OldStatus, ""), w.score(s.New, s.NewStatus, "")
	switch {
	case old == "":
		return new
	case new == "":
		return old
	}
	return old + " → " + new
}
