package okrdiff

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/checkin"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// Ref names one side of a diff.
type Ref struct {
	Rev    string // the revision as the user gave it; "" for the working tree
	Commit string // the full commit id; "" for the working tree
	// Date is when the commit was made (its committer date); zero for the
	// working tree.
	Date time.Time
}

// String is the revision with its short commit id, or "working tree".
func (r Ref) String() string {
	if r.Rev == "" {
		return "working tree"
	}
	if short := r.Short(); short != "" && !strings.HasPrefix(r.Commit, r.Rev) {
		return r.Rev + " (" + short + ")"
	}
	return r.Rev
}

// Short is the commit id cut to 7 characters, "" for the working tree.
func (r Ref) Short() string { return r.Commit[:min(7, len(r.Commit))] }

// Side is one side of a comparison: a checked repository and what to call
// it.
type Side struct {
	Ref
	// Result is the repository read at that revision; nil when the paths
	// compared do not exist there (everything on the other side is then
	// added or removed).
	Result *lint.Result
}

// Change says what happened to an objective or a key result.
type Change string

// The changes Compare reports.
const (
	Added   Change = "added"
	Removed Change = "removed"
	Changed Change = "changed"
	// Renamed is a key result whose id changed while its KPI and target,
	// or its title, did not; it may have changed otherwise too.
	Renamed Change = "renamed"
)

// Diff is the semantic difference between two revisions of an OKR
// repository.
type Diff struct {
	Base, Head Ref
	// AsOf is the date scores are computed at.
	AsOf time.Time
	// ChangedOn is the day the head's changes were made at the latest,
	// which moved goalposts are judged by: the calendar day of the head
	// commit's date, or AsOf when the head is the working tree.
	ChangedOn time.Time
	// Objectives lists the objectives that changed, sorted by file then id
	// (a removed objective by the file it was in).
	Objectives []*ObjectiveDiff
	// Unchanged counts the objectives present on both sides with no change.
	Unchanged int
	// KPIs lists the KPI documents added, removed or changed, by id.
	KPIs []*KPIDiff
	// History lists the snapshot rows of BASE's past (on or before the
	// newest date BASE has for their KPI) that HEAD changed, deleted or
	// inserted: rewritten history. Sorted by KPI, date.
	History []RowEdit
	// NewRows summarises, per KPI, the snapshot rows HEAD adds after
	// BASE's newest date for that KPI. Sorted by KPI.
	NewRows []NewRows
	// Findings are the head's validation findings, listed, never fatal
	// (those in the files Options.Only keeps).
	Findings []lint.Finding
	// Files is the number of files read on the head side (of those
	// Options.Only keeps).
	Files int
}

// ObjectiveDiff is what changed in one objective.
type ObjectiveDiff struct {
	ID     string
	Change Change
	Title  string // the head's title (the base's for a removed objective)
	Period string // the head's period (the base's for a removed objective)
	// File holds the objective (held it, when removed); OldFile is where
	// it was when the change moved it to another file, else "".
	File, OldFile string
	// Began is when the period the base's goalposts were set for began:
	// the base's period start, else the head's; zero when neither parses.
	Began time.Time
	// Fields are the objective's own fields that changed (title, owner,
	// period, parent, commitment).
	Fields []FieldDiff
	// Score is the objective's score and status on each side; nil when
	// neither changed.
	Score *ScoreDiff
	// KeyResults lists the key results that changed: the head's order,
	// then the removed ones in the base's order.
	KeyResults []*KRDiff
}

// Moved reports whether the objective now lives in another file.
func (o *ObjectiveDiff) Moved() bool { return o.OldFile != "" }

// KRDiff is what changed in one key result.
type KRDiff struct {
	ID     string
	Change Change
	// OldID is the base's id of a renamed key result, else "".
	OldID string
	Title string // the head's title (the base's for a removed key result)
	// Unit is the unit of the key result's KPI (the head's, else the
	// base's), for showing its numbers; "" without a KPI.
	Unit string
	// Dropped flags a key result removed on or after the day its
	// objective's period began: a moved goalpost, since its target no
	// longer counts.
	Dropped bool
	// Fields are the key result's fields that changed (title, kpi,
	// baseline, target, direction, deadline, weight, current).
	Fields []FieldDiff
	Score  *ScoreDiff
	// CheckIn is the head's latest check-in of the key result when the
	// base does not have it: what its owner last recorded (value,
	// confidence, note), for the reviewer to read beside the change.
	CheckIn *okr.CheckIn
}

// newCheckIn returns the latest check-in of newKR when oldKR (nil for a
// key result the base lacks) has another latest one, or none.
func newCheckIn(oldKR, newKR *okr.KeyResult) *okr.CheckIn {
	latest, ok := checkin.Latest(newKR, time.Time{})
	if !ok {
		return nil
	}
	if oldKR != nil {
		if was, ok := checkin.Latest(oldKR, time.Time{}); ok && sameCheckIn(was, latest) {
			return nil
		}
	}
	return &latest
}

func sameCheckIn(a, b okr.CheckIn) bool {
	return a.Date.Equal(b.Date) && sameNumber(a.Value, b.Value) && sameNumber(a.Confidence, b.Confidence) &&
		a.Note == b.Note && a.Author == b.Author
}

// MovedGoalpost reports whether the key result was dropped, or a field of
// it moved a goalpost, after its period began.
func (k *KRDiff) MovedGoalpost() bool {
	if k.Dropped {
		return true
	}
	for _, f := range k.Fields {
		if f.MovedGoalpost {
			return true
		}
	}
	return false
}

// KPIDiff is what changed in one KPI document.
type KPIDiff struct {
	ID     string
	Change Change
	Name   string // the head's name (the base's for a removed KPI)
	// File holds the KPI (held it, when removed); OldFile is where it was
	// when the change moved it to another file, else "".
	File, OldFile string
	// UsedBy are the ids of the objectives whose key results use the KPI
	// on either side, sorted.
	UsedBy []string
	// Began is the earliest start of those objectives' periods that had
	// begun by Diff.ChangedOn; zero when none had.
	Began time.Time
	// Fields are the KPI's fields that changed (name, unit, aggregation,
	// good, frequency, owner, description, columns). A change of
	// aggregation, good or unit after Began is a moved goalpost: every key
	// result on the KPI is measured differently from then on.
	Fields []FieldDiff
}

// MovedGoalpost reports whether a field of the KPI moved a goalpost.
func (k *KPIDiff) MovedGoalpost() bool {
	for _, f := range k.Fields {
		if f.MovedGoalpost {
			return true
		}
	}
	return false
}

// RowEdit is one snapshot row of BASE's past that HEAD rewrote.
type RowEdit struct {
	KPI  string
	Date time.Time
	// Change is "changed", "deleted" or "inserted" (a row dated in BASE's
	// past that BASE did not have).
	Change string
	// File and Line are where the row is in HEAD; in BASE for a deleted
	// row.
	File string
	Line int
	// Old and New are the values on each side; nil where the row is
	// missing.
	Old, New *float64
	// Unit is the KPI's unit, for showing the numbers.
	Unit string
}

// NewRows summarises the rows HEAD adds to one KPI after BASE's newest.
type NewRows struct {
	KPI         string
	Count       int
	First, Last time.Time
	Unit        string
}

// FieldDiff is one field whose value changed. Old and New are nil when the
// field is not set on that side, a float64 for numbers (baseline, target,
// weight, current) and a string otherwise (dates as YYYY-MM-DD).
type FieldDiff struct {
	Field    string
	Old, New any
	// Change is how a value moved: raised or lowered (numbers), later or
	// earlier (deadline), set or unset (one side empty), else changed.
	Change string
	// Bar is for targets: raised when the new target is harder to reach
	// given the key result's direction (a lower target for a decreasing
	// key result raises the bar), lowered when easier; "" when the
	// direction changed too.
	Bar string
	// MovedGoalpost flags a target or baseline changed on or after the
	// day its objective's period began: Diff.ChangedOn is that day or
	// later. A change committed before the period began moved no goalpost,
	// however late it is reviewed.
	MovedGoalpost bool
}

// ScoreDiff is a score and status on each side; Old or New is nil where the
// objective or key result does not exist.
type ScoreDiff struct {
	Old, New             *float64
	OldStatus, NewStatus progress.Status
}

// Summary counts what a diff holds.
type Summary struct {
	ObjectivesAdded, ObjectivesRemoved, ObjectivesChanged int
	KRsAdded, KRsRemoved, KRsChanged                      int
	MovedGoalposts                                        int
	KPIsAdded, KPIsRemoved, KPIsChanged                   int
	// RewrittenRows counts History; NewRows the rows NewRows sums up.
	RewrittenRows, NewRows int
}

// Summary counts the diff's changes.
func (d *Diff) Summary() Summary {
	var s Summary
	for _, o := range d.Objectives {
		switch o.Change {
		case Added:
			s.ObjectivesAdded++
		case Removed:
			s.ObjectivesRemoved++
		default:
			s.ObjectivesChanged++
		}
		for _, k := range o.KeyResults {
			switch k.Change {
			case Added:
				s.KRsAdded++
			case Removed:
				s.KRsRemoved++
			default:
				s.KRsChanged++
			}
			if k.Dropped {
				s.MovedGoalposts++
			}
			for _, f := range k.Fields {
				if f.MovedGoalpost {
					s.MovedGoalposts++
				}
			}
		}
	}
	for _, k := range d.KPIs {
		switch k.Change {
		case Added:
			s.KPIsAdded++
		case Removed:
			s.KPIsRemoved++
		default:
			s.KPIsChanged++
		}
		for _, f := range k.Fields {
			if f.MovedGoalpost {
				s.MovedGoalposts++
			}
		}
	}
	s.RewrittenRows = len(d.History)
	for _, n := range d.NewRows {
		s.NewRows += n.Count
	}
	return s
}

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool {
	return len(d.Objectives) == 0 && len(d.KPIs) == 0 && len(d.History) == 0 && len(d.NewRows) == 0
}

// Options say how Compare compares.
type Options struct {
	// AsOf is the date scores are computed at.
	AsOf time.Time
	// Only, when not nil, restricts the diff to the objectives whose file
	// it keeps on either side (so that one moved out of the kept files
	// shows), and the findings and the count of files to the files it
	// keeps. It gets file names as the sides' results give them. Each
	// side should still hold the whole repository, so that the KPIs and
	// snapshots the objectives use count wherever they are.
	Only func(file string) bool
}

// Compare diffs two checked repositories: objectives are matched by id
// wherever their files are, key results by id within their objective.
func Compare(base, head Side, opt Options) *Diff {
	y, m, day := opt.AsOf.Date()
	asOf := time.Date(y, m, day, 0, 0, 0, 0, time.UTC) // periods start at midnight UTC
	within := opt.Only
	if within == nil {
		within = func(string) bool { return true }
	}
	d := &Diff{Base: base.Ref, Head: head.Ref, AsOf: asOf, ChangedOn: asOf}
	if !head.Date.IsZero() {
		y, m, day := head.Date.Date() // the committer's day
		d.ChangedOn = time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	}
	if head.Result != nil {
		for _, f := range head.Result.Findings {
			if within(f.File) {
				d.Findings = append(d.Findings, f)
			}
		}
		for _, f := range head.Result.Repo.Files {
			if within(f.Path) {
				d.Files++
			}
		}
		for _, f := range head.Result.Repo.CSVDisplay {
			if within(f) {
				d.Files++
			}
		}
	}
	b, h := newView(base, asOf), newView(head, asOf)
	same := &sameness{b: b, h: h, series: map[string]bool{}}
	for _, id := range h.order {
		no := h.objectives[id]
		if oo, ok := b.objectives[id]; ok {
			if !within(no.File()) && !within(oo.File()) {
				continue
			}
			if same.objective(oo, no) {
				d.Unchanged++ // nothing it is computed from changed
				continue
			}
			if od := compareObjective(b, h, oo, no, d.ChangedOn); od != nil {
				d.Objectives = append(d.Objectives, od)
			} else {
				d.Unchanged++
			}
			continue
		}
		if within(no.File()) {
			d.Objectives = append(d.Objectives, h.whole(no, Added))
		}
	}
	for _, id := range b.order {
		if _, ok := h.objectives[id]; !ok && within(b.objectives[id].File()) {
			d.Objectives = append(d.Objectives, b.whole(b.objectives[id], Removed))
		}
	}
	d.KPIs = compareKPIs(b, h, d.ChangedOn, within)
	d.History, d.NewRows = compareSnapshots(b, h, within)
	sort.SliceStable(d.Objectives, func(i, j int) bool {
		a, c := d.Objectives[i], d.Objectives[j]
		if a.File != c.File {
			return a.File < c.File
		}
		return a.ID < c.ID
	})
	return d
}

// view is one side indexed for comparison.
type view struct {
	objectives map[string]*okr.Objective
	order      []string         // objective ids in file order
	engine     *progress.Engine // nil for a side without a repository
	kpis       map[string]*okr.KPI
	store      *kpi.Store
}

func newView(s Side, asOf time.Time) *view {
	v := &view{objectives: map[string]*okr.Objective{}}
	if s.Result == nil {
		return v
	}
	v.kpis, v.store = s.Result.KPIs, s.Result.Snapshots
	v.engine = s.Result.Engine(asOf)
	n := len(s.Result.Repo.Objectives)
	v.objectives, v.order = make(map[string]*okr.Objective, n), make([]string, 0, n)
	for _, o := range s.Result.Repo.Objectives {
		if _, dup := v.objectives[o.ID]; o.ID == "" || dup {
			continue // lint reports missing and duplicate ids
		}
		v.objectives[o.ID] = o
		v.order = append(v.order, o.ID)
	}
	return v
}

// whole describes an objective that exists on one side only.
func (v *view) whole(o *okr.Objective, c Change) *ObjectiveDiff {
	res := v.engine.Objective(o)
	od := &ObjectiveDiff{ID: o.ID, Change: c, Title: o.Title, Period: o.PeriodText, File: o.File(), Began: o.Period.Start}
	score := &ScoreDiff{}
	if c == Added {
		score.New, score.NewStatus = objectiveScore(res), res.Status
	} else {
		score.Old, score.OldStatus = objectiveScore(res), res.Status
	}
	od.Score = score
	for i, kr := range o.KeyResults {
		kd := &KRDiff{ID: krKey(kr, i), Change: c, Title: kr.Title}
		r := res.KeyResults[i]
		if c == Added {
			kd.Score = &ScoreDiff{New: r.Score, NewStatus: r.Status}
		} else {
			kd.Score = &ScoreDiff{Old: r.Score, OldStatus: r.Status}
		}
		od.KeyResults = append(od.KeyResults, kd)
	}
	return od
}

// compareObjective diffs an objective present on both sides; nil when
// nothing changed. changedOn is the day the change was made at the latest.
func compareObjective(b, h *view, oo, no *okr.Objective, changedOn time.Time) *ObjectiveDiff {
	od := &ObjectiveDiff{ID: no.ID, Change: Changed, Title: no.Title, Period: no.PeriodText, File: no.File(), Began: oo.Period.Start}
	if od.Began.IsZero() {
		od.Began = no.Period.Start
	}
	if oo.File() != no.File() {
		od.OldFile = oo.File()
	}
	od.Fields = appendText(od.Fields, "title", oo.Title, no.Title)
	od.Fields = appendText(od.Fields, "owner", oo.Owner, no.Owner)
	od.Fields = appendText(od.Fields, "period", oo.PeriodText, no.PeriodText)
	od.Fields = appendText(od.Fields, "parent", oo.Parent, no.Parent)
	od.Fields = appendText(od.Fields, "commitment", commitment(oo), commitment(no))
	od.Fields = appendText(od.Fields, "description", oo.Description, no.Description)
	od.Fields = appendText(od.Fields, "labels", strings.Join(oo.Labels, ", "), strings.Join(no.Labels, ", "))

	ores, nres := b.engine.Objective(oo), h.engine.Objective(no)
	od.Score = scoreDiff(objectiveScore(ores), objectiveScore(nres), ores.Status, nres.Status)

	goalposts := !od.Began.IsZero() && !changedOn.Before(od.Began)
	oldKRs := map[string]int{}
	for i, kr := range oo.KeyResults {
		if _, dup := oldKRs[krKey(kr, i)]; !dup {
			oldKRs[krKey(kr, i)] = i
		}
	}
	// Match by id first; what is left on each side may be a rename.
	match := make([]int, len(no.KeyResults)) // head index → base index, -1 when new
	matched := map[int]bool{}
	seen := map[string]bool{}
	for i, kr := range no.KeyResults {
		match[i] = -1
		id := krKey(kr, i)
		if seen[id] {
			match[i] = -2 // a duplicate id, which lint reports
			continue
		}
		seen[id] = true
		if j, ok := oldKRs[id]; ok {
			match[i] = j
			matched[j] = true
		}
	}
	renamed := map[int]bool{}
	for i, kr := range no.KeyResults {
		if match[i] != -1 {
			continue
		}
		for j, old := range oo.KeyResults {
			if j2, ok := oldKRs[krKey(old, j)]; !ok || j2 != j || matched[j] || seen[krKey(old, j)] {
				continue
			}
			if sameKR(old, kr) {
				match[i], matched[j], renamed[i] = j, true, true
				break
			}
		}
	}
	for i, kr := range no.KeyResults {
		id := krKey(kr, i)
		j := match[i]
		switch {
		case j == -2:
			continue
		case j == -1:
			r := nres.KeyResults[i]
			od.KeyResults = append(od.KeyResults, &KRDiff{ID: id, Change: Added, Title: kr.Title, Unit: h.unit(kr), Score: &ScoreDiff{New: r.Score, NewStatus: r.Status}, CheckIn: newCheckIn(nil, kr)})
			continue
		}
		kd := compareKR(b, h, id, oo, no, oo.KeyResults[j], kr, ores.KeyResults[j], nres.KeyResults[i], goalposts)
		if renamed[i] {
			if kd == nil {
				kd = &KRDiff{ID: id, Title: kr.Title, Unit: h.unit(kr)}
			}
			kd.Change, kd.OldID = Renamed, krKey(oo.KeyResults[j], j)
		}
		if kd != nil {
			od.KeyResults = append(od.KeyResults, kd)
		}
	}
	for i, kr := range oo.KeyResults {
		id := krKey(kr, i)
		if j, ok := oldKRs[id]; ok && j == i && !matched[i] {
			r := ores.KeyResults[i]
			od.KeyResults = append(od.KeyResults, &KRDiff{ID: id, Change: Removed, Title: kr.Title, Unit: b.unit(kr), Dropped: goalposts, Score: &ScoreDiff{Old: r.Score, OldStatus: r.Status}})
		}
	}
	if len(od.Fields) == 0 && od.Score == nil && len(od.KeyResults) == 0 && !od.Moved() {
		return nil
	}
	return od
}

// sameKR reports whether two key results with different ids are one key
// result renamed: the same KPI and target, or the same title.
func sameKR(old, new *okr.KeyResult) bool {
	if old.KPI != "" && old.KPI == new.KPI && sameNumber(old.Target, new.Target) {
		return true
	}
	return strings.TrimSpace(old.Title) != "" && strings.TrimSpace(old.Title) == strings.TrimSpace(new.Title)
}

func sameNumber(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// unit is the unit of a key result's KPI on this side, "" without one.
func (v *view) unit(kr *okr.KeyResult) string {
	if k := v.kpis[kr.KPI]; k != nil {
		return k.Unit
	}
	return ""
}

// compareKR diffs a key result present on both sides; nil when nothing
// changed. goalposts says whether the period had begun when the change was
// made.
func compareKR(b, h *view, id string, oo, no *okr.Objective, oldKR, newKR *okr.KeyResult, or, nr progress.KRResult, goalposts bool) *KRDiff {
	kd := &KRDiff{ID: id, Change: Changed, Title: newKR.Title, Unit: h.unit(newKR)}
	if kd.Unit == "" {
		kd.Unit = b.unit(oldKR)
	}
	kd.Fields = appendText(kd.Fields, "title", oldKR.Title, newKR.Title)
	kd.Fields = appendText(kd.Fields, "kpi", oldKR.KPI, newKR.KPI)
	if f, changed := numberField("baseline", oldKR, newKR); changed {
		f.MovedGoalpost = goalposts
		kd.Fields = append(kd.Fields, f)
	}
	if f, changed := numberField("target", oldKR, newKR); changed {
		f.MovedGoalpost = goalposts
		if or.Direction == nr.Direction && oldKR.Target != nil && newKR.Target != nil {
			f.Bar = bar(nr.Direction, *oldKR.Target, *newKR.Target)
		}
		kd.Fields = append(kd.Fields, f)
	}
	kd.Fields = appendText(kd.Fields, "direction", string(or.Direction), string(nr.Direction))
	kd.Fields = appendDeadline(kd.Fields, oo, no, oldKR, newKR)
	if n := len(kd.Fields); n > 0 && kd.Fields[n-1].Field == "deadline" {
		f := &kd.Fields[n-1]
		switch f.Change {
		case "later": // more time for the same target
			f.Bar, f.MovedGoalpost = "lowered", goalposts
		case "earlier":
			f.Bar = "raised"
		}
	}
	ow, nw := oldKR.Weight, newKR.Weight
	if f, changed := numberDiff("weight", &ow, &nw); changed {
		// A lighter key result counts less toward its objective's score.
		f.MovedGoalpost = goalposts && f.Change == "lowered"
		kd.Fields = append(kd.Fields, f)
	}
	if f, changed := numberField("current", oldKR, newKR); changed {
		kd.Fields = append(kd.Fields, f)
	}
	kd.Score = scoreDiff(or.Score, nr.Score, or.Status, nr.Status)
	kd.CheckIn = newCheckIn(oldKR, newKR)
	if len(kd.Fields) == 0 && kd.Score == nil && kd.CheckIn == nil {
		return nil
	}
	return kd
}

// numberField compares a number of two key results. A value written but
// not a number (the schema reports it) shows as its text, with the change
// "unreadable", rather than as unset.
func numberField(name string, oldKR, newKR *okr.KeyResult) (FieldDiff, bool) {
	old, new := number(oldKR, name), number(newKR, name)
	f, changed := numberDiff(name, old.value, new.value)
	if old.text == "" && new.text == "" {
		return f, changed
	}
	if old.text == new.text && old.value == nil && new.value == nil {
		return f, false
	}
	f = FieldDiff{Field: name, Change: "unreadable"}
	f.Old, f.New = old.any(), new.any()
	return f, true
}

// written is a number field as written: its value, or its text when it
// is set but not a number.
type written struct {
	value *float64
	text  string
}

func (w written) any() any {
	switch {
	case w.value != nil:
		return *w.value
	case w.text != "":
		return w.text
	}
	return nil
}

func number(kr *okr.KeyResult, name string) written {
	var v *float64
	switch name {
	case "baseline":
		v = kr.Baseline
	case "target":
		v = kr.Target
	case "current":
		v = kr.Current
	}
	if v != nil {
		return written{value: v}
	}
	n := kr.Pos.Raw(name)
	if n == nil || n.Tag == "!!null" || (n.Kind == yaml.ScalarNode && n.Value == "") {
		return written{}
	}
	if n.Kind != yaml.ScalarNode {
		if name == "current" {
			return written{} // a dated current, {value, date}, unread here
		}
		return written{text: "(not a number)"}
	}
	return written{text: n.Value}
}

// bar says whether moving a target from old to new makes it harder
// ("raised") or easier ("lowered") to reach in direction dir.
func bar(dir okr.Direction, old, new float64) string {
	harder := new > old
	if dir == okr.Decrease || dir == okr.AtMost {
		harder = new < old
	}
	if harder {
		return "raised"
	}
	return "lowered"
}

func appendText(fields []FieldDiff, name, old, new string) []FieldDiff {
	if old == new {
		return fields
	}
	f := FieldDiff{Field: name, Change: "changed"}
	switch {
	case old == "":
		f.Change = "set"
	case new == "":
		f.Change = "unset"
	}
	if old != "" {
		f.Old = old
	}
	if new != "" {
		f.New = new
	}
	return append(fields, f)
}

// numberDiff compares two optional numbers.
func numberDiff(name string, old, new *float64) (FieldDiff, bool) {
	f := FieldDiff{Field: name}
	switch {
	case old == nil && new == nil:
		return f, false
	case old == nil:
		f.New, f.Change = *new, "set"
	case new == nil:
		f.Old, f.Change = *old, "unset"
	case *old == *new:
		return f, false
	default:
		f.Old, f.New = *old, *new
		f.Change = "raised"
		if *new < *old {
			f.Change = "lowered"
		}
	}
	return f, true
}

// appendDeadline compares the deadlines in force: the key result's own,
// else the end of its objective's period.
func appendDeadline(fields []FieldDiff, oo, no *okr.Objective, oldKR, newKR *okr.KeyResult) []FieldDiff {
	od, oOK := oldKR.DeadlineIn(oo.Period)
	nd, nOK := newKR.DeadlineIn(no.Period)
	text := func(t time.Time, known bool, kr *okr.KeyResult) string {
		if known {
			return t.Format(time.DateOnly)
		}
		return kr.DeadlineText
	}
	old, new := text(od, oOK, oldKR), text(nd, nOK, newKR)
	if old == new {
		return fields
	}
	fields = appendText(fields, "deadline", old, new)
	if oOK && nOK {
		f := &fields[len(fields)-1]
		f.Change = "later"
		if nd.Before(od) {
			f.Change = "earlier"
		}
	}
	return fields
}

func commitment(o *okr.Objective) string {
	if o.Commitment == "" {
		return okr.Aspirational
	}
	return o.Commitment
}

// objectiveScore is an objective's score, nil when none of its key
// results has data (the engine's 0 would read as "no progress").
func objectiveScore(r progress.ObjectiveResult) *float64 {
	if r.Status == progress.NoData {
		return nil
	}
	return &r.Score
}

// scoreDiff returns the scores of both sides, or nil when neither the
// score nor the status changed.
func scoreDiff(old, new *float64, os, ns progress.Status) *ScoreDiff {
	if os == ns && sameScore(old, new) {
		return nil
	}
	return &ScoreDiff{Old: old, New: new, OldStatus: os, NewStatus: ns}
}

func sameScore(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) < 1e-9
}

// krKey is a key result's id, or its position for one without an id.
func krKey(kr *okr.KeyResult, i int) string {
	if kr.ID != "" {
		return kr.ID
	}
	return "#" + strconv.Itoa(i+1)
}

// sameness tells objectives whose score cannot have changed, so that only
// the others are scored: a file alike in both revisions is parsed once
// (lint.Cache), so such an objective is the same object on both sides, and
// its score changes only with its KPIs' definitions or snapshots.
type sameness struct {
	b, h   *view
	series map[string]bool // KPI id → its snapshots are alike on both sides
}

func (s *sameness) objective(oo, no *okr.Objective) bool {
	// The same object is on both sides only when both have a repository;
	// a score still changes with the configuration's gaps and bands.
	if oo != no || s.b.engine.Gaps != s.h.engine.Gaps || s.b.engine.Grading != s.h.engine.Grading {
		return false
	}
	for _, kr := range no.KeyResults {
		if kr.KPI == "" {
			continue
		}
		if s.b.kpis[kr.KPI] != s.h.kpis[kr.KPI] || !s.snapshots(kr.KPI) {
			return false
		}
	}
	return true
}

// snapshots reports whether KPI id has the same dated values on both
// sides (where they come from does not change a score).
func (s *sameness) snapshots(id string) bool {
	if s.b.store == s.h.store {
		return true
	}
	same, ok := s.series[id]
	if !ok {
		var old, new []kpi.Point
		if s.b.store != nil {
			old = s.b.store.Series(id)
		}
		if s.h.store != nil {
			new = s.h.store.Series(id)
		}
		same = slices.EqualFunc(old, new, func(a, b kpi.Point) bool { return a.Day == b.Day && a.Value == b.Value })
		s.series[id] = same
	}
	return same
}

// compareKPIs diffs the KPI documents of both sides, matched by id.
func compareKPIs(b, h *view, changedOn time.Time, within func(string) bool) []*KPIDiff {
	ids := map[string]bool{}
	for id := range b.kpis {
		ids[id] = true
	}
	for id := range h.kpis {
		ids[id] = true
	}
	var out []*KPIDiff
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		ok, nk := b.kpis[id], h.kpis[id]
		if ok == nk {
			continue // alike in both: one parse
		}
		var kd *KPIDiff
		switch {
		case ok == nil:
			kd = &KPIDiff{ID: id, Change: Added, Name: nk.Name, File: nk.File()}
		case nk == nil:
			kd = &KPIDiff{ID: id, Change: Removed, Name: ok.Name, File: ok.File()}
		default:
			kd = &KPIDiff{ID: id, Change: Changed, Name: nk.Name, File: nk.File()}
			if ok.File() != nk.File() {
				kd.OldFile = ok.File()
			}
			kd.Fields = appendText(kd.Fields, "name", ok.Name, nk.Name)
			kd.Fields = appendText(kd.Fields, "unit", ok.Unit, nk.Unit)
			kd.Fields = appendText(kd.Fields, "aggregation", ok.Agg(), nk.Agg())
			kd.Fields = appendText(kd.Fields, "good", ok.Good, nk.Good)
			kd.Fields = appendText(kd.Fields, "frequency", ok.Frequency, nk.Frequency)
			kd.Fields = appendText(kd.Fields, "owner", ok.Owner, nk.Owner)
			kd.Fields = appendText(kd.Fields, "description", ok.Description, nk.Description)
			kd.Fields = appendText(kd.Fields, "columns", strings.Join(ok.Columns, ", "), strings.Join(nk.Columns, ", "))
			if len(kd.Fields) == 0 && kd.OldFile == "" {
				continue
			}
		}
		if !within(kd.File) && (kd.OldFile == "" || !within(kd.OldFile)) {
			continue
		}
		users := map[string]bool{}
		for _, v := range []*view{b, h} {
			for _, oid := range v.order {
				o := v.objectives[oid]
				for _, kr := range o.KeyResults {
					if kr.KPI != id {
						continue
					}
					users[oid] = true
					if start := o.Period.Start; !start.IsZero() && !changedOn.Before(start) && (kd.Began.IsZero() || start.Before(kd.Began)) {
						kd.Began = start
					}
				}
			}
		}
		kd.UsedBy = slices.Sorted(maps.Keys(users))
		for i := range kd.Fields {
			switch kd.Fields[i].Field {
			case "aggregation", "good", "unit":
				// Every key result on the KPI is measured differently.
				kd.Fields[i].MovedGoalpost = !kd.Began.IsZero()
			}
		}
		out = append(out, kd)
	}
	return out
}

// compareSnapshots finds the rows of BASE's past that HEAD rewrote, and
// sums up the rows HEAD adds after BASE's newest, KPI by KPI. Only KPIs
// whose dated values differ are looked at.
func compareSnapshots(b, h *view, within func(string) bool) ([]RowEdit, []NewRows) {
	if b.store == h.store {
		return nil, nil
	}
	ids := map[string]bool{}
	var bFiles, hFiles []string
	if b.store != nil {
		bFiles = b.store.Files()
		for _, id := range b.store.KPIs() {
			ids[id] = true
		}
	}
	if h.store != nil {
		hFiles = h.store.Files()
		for _, id := range h.store.KPIs() {
			ids[id] = true
		}
	}
	var history []RowEdit
	var added []NewRows
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		var old, new []kpi.Point
		if b.store != nil {
			old = b.store.Series(id)
		}
		if h.store != nil {
			new = h.store.Series(id)
		}
		if slices.EqualFunc(old, new, func(a, b kpi.Point) bool { return a.Day == b.Day && a.Value == b.Value }) {
			continue
		}
		unit := ""
		if k := h.kpis[id]; k != nil {
			unit = k.Unit
		} else if k := b.kpis[id]; k != nil {
			unit = k.Unit
		}
		newest := kpi.Day(math.MinInt32)
		if len(old) > 0 {
			newest = old[len(old)-1].Day
		}
		edit := func(change string, p kpi.Point, files []string, o, n *float64) {
			if o != nil {
				o = ptr(*o) // not into the store
			}
			if n != nil {
				n = ptr(*n)
			}
			file := files[p.File]
			if within(file) {
				history = append(history, RowEdit{KPI: id, Date: p.Day.Time(), Change: change, File: file, Line: int(p.Line), Old: o, New: n, Unit: unit})
			}
		}
		// Both series are sorted by day: walk them together over BASE's
		// past, pairing the rows of each day in order.
		i, j := 0, 0
		for i < len(old) || (j < len(new) && new[j].Day <= newest) {
			day := newest + 1
			if i < len(old) {
				day = old[i].Day
			}
			if j < len(new) && new[j].Day < day {
				day = new[j].Day
			}
			for (i < len(old) && old[i].Day == day) || (j < len(new) && new[j].Day == day) {
				switch {
				case i < len(old) && old[i].Day == day && j < len(new) && new[j].Day == day:
					if old[i].Value != new[j].Value {
						edit("changed", new[j], hFiles, &old[i].Value, &new[j].Value)
					}
					i++
					j++
				case i < len(old) && old[i].Day == day:
					edit("deleted", old[i], bFiles, &old[i].Value, nil)
					i++
				default:
					edit("inserted", new[j], hFiles, nil, &new[j].Value)
					j++
				}
			}
		}
		nr := NewRows{KPI: id, Unit: unit}
		for ; j < len(new); j++ {
			if !within(hFiles[new[j].File]) {
				continue
			}
			if nr.Count == 0 {
				nr.First = new[j].Day.Time()
			}
			nr.Count++
			nr.Last = new[j].Day.Time()
		}
		if nr.Count > 0 {
			added = append(added, nr)
		}
	}
	return history, added
}

func ptr(v float64) *float64 { return &v }
