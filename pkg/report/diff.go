package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/okrctl/okrctl/pkg/gitdiff"
	"github.com/okrctl/okrctl/pkg/progress"
)

// DiffFormatter writes a semantic diff (`okrctl diff`) in one format.
type DiffFormatter interface {
	Format(w io.Writer, d *gitdiff.Diff) error
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
func diffSummary(d *gitdiff.Diff) string {
	s := d.Summary()
	var parts []string
	if obj := counts(s.ObjectivesAdded, s.ObjectivesRemoved, s.ObjectivesChanged); obj != "" {
		parts = append(parts, plural(s.ObjectivesAdded+s.ObjectivesRemoved+s.ObjectivesChanged, "objective")+" "+obj)
	}
	if krs := counts(s.KRsAdded, s.KRsRemoved, s.KRsChanged); krs != "" {
		parts = append(parts, plural(s.KRsAdded+s.KRsRemoved+s.KRsChanged, "key result")+" "+krs)
	}
	if s.MovedGoalposts > 0 {
		parts = append(parts, plural(s.MovedGoalposts, "moved goalpost"))
	}
	return strings.Join(parts, "; ")
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
func fieldChange(f gitdiff.FieldDiff) string {
	return f.Field + " " + f.Change
}

// barNote says what a target change does to the bar, "" for other
// changes.
func barNote(f gitdiff.FieldDiff) string {
	switch f.Bar {
	case "raised":
		return "raises the bar"
	case "lowered":
		return "lowers the bar"
	}
	return ""
}

// goalpostNote explains a moved goalpost.
func goalpostNote(o *gitdiff.ObjectiveDiff) string {
	return "moved goalpost: changed after the period began on " + o.Began.Format("2006-01-02")
}

// value formats a field value; none is what an unset value shows as.
func value(v any, none string) string {
	switch v := v.(type) {
	case nil:
		return none
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		return v
	}
	return fmt.Sprint(v)
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
func scoreChange(s *gitdiff.ScoreDiff) string {
	old, new := score(s.Old, s.OldStatus, ""), score(s.New, s.NewStatus, "")
	switch {
	case old == "":
		return new
	case new == "":
		return old
	}
	return old + " → " + new
}
