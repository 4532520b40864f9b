package okrdiff

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// check runs the rules on files as if they were the repository /repo.
func check(t *testing.T, files map[string]string) *lint.Result {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, content := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	res, err := lint.Run(lint.Options{FS: fsys, Base: "/repo", Cwd: "/repo", Config: config.Default("/repo")})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func side(t *testing.T, rev string, files map[string]string) Side {
	return Side{Ref: Ref{Rev: rev, Commit: rev + "0000000"}, Result: check(t, files)}
}

const kpis = `kind: KPI
id: leads
name: Leads
aggregation: sum
good: up
---
kind: KPI
id: cpl
name: Cost per lead
good: down
`

const snapshots = `date,kpi,value
2026-01-31,leads,200
2025-12-31,cpl,50
2026-01-31,cpl,44
`

const marketing = `kind: Objective
id: marketing
title: Grow qualified leads
owner: marketing
period: 2026-Q1
key_results:
  - id: leads
    title: Reach 480 qualified leads
    kpi: leads
    target: 480
  - id: cpl
    title: Cut the cost per lead from 50 to 40
    kpi: cpl
    target: 40
  - id: partners
    title: Sign 3 partners
    baseline: 0
    target: 3
    current: 1
  - id: webinars
    title: Hold 4 webinars
    baseline: 0
    target: 4
    deadline: 2026-02-28
`

// marketing2 lowers the leads target, lowers the cpl target (a decreasing
// key result: that raises the bar), removes webinars, moves a deadline,
// changes the owner and renames a key result.
const marketing2 = `kind: Objective
id: marketing
title: Grow qualified leads
owner: growth
period: 2026-Q1
key_results:
  - id: leads
    title: Reach 400 qualified leads
    kpi: leads
    target: 400
  - id: cpl
    title: Cut the cost per lead from 50 to 35
    kpi: cpl
    target: 35
  - id: partners
    title: Sign 3 partners
    baseline: 0
    target: 3
    current: 1
    deadline: 2026-03-15
`

const sales = `kind: Objective
id: sales
title: Win new customers
owner: sales
period: 2026-Q2
key_results:
  - id: deals
    title: Close 12 new deals
    baseline: 0
    target: 12
  - id: demos
    title: Run 30 demos
    baseline: 0
    target: 30
  - id: calls
    title: Make 200 calls
    baseline: 0
    target: 200
`

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCompare(t *testing.T) {
	base := side(t, "v1", map[string]string{
		"okrs/marketing.yaml": marketing, "kpis.yaml": kpis, "snapshots.csv": snapshots,
	})
	head := side(t, "v2", map[string]string{
		"okrs/2026-Q1/marketing.yaml": marketing2, "okrs/2026-Q2/sales.yaml": sales,
		"kpis.yaml": kpis, "snapshots.csv": snapshots,
	})
	d := Compare(base, head, Options{AsOf: day("2026-02-15")})
	if len(d.Objectives) != 2 {
		t.Fatalf("got %d objectives, want 2: %+v", len(d.Objectives), d.Objectives)
	}
	m, s := d.Objectives[0], d.Objectives[1]

	if m.ID != "marketing" || m.Change != Changed || m.File != "okrs/2026-Q1/marketing.yaml" || m.OldFile != "okrs/marketing.yaml" {
		t.Errorf("marketing = %+v, want changed and moved from okrs/marketing.yaml", m)
	}
	if !m.Began.Equal(day("2026-01-01")) {
		t.Errorf("Began = %v", m.Began)
	}
	if diff := cmp.Diff([]FieldDiff{{Field: "owner", Old: "marketing", New: "growth", Change: "changed"}}, m.Fields); diff != "" {
		t.Errorf("objective fields (-want +got):\n%s", diff)
	}
	krs := map[string]*KRDiff{}
	for _, k := range m.KeyResults {
		krs[k.ID] = k
	}
	want := map[string][]FieldDiff{
		"leads": {
			{Field: "title", Old: "Reach 480 qualified leads", New: "Reach 400 qualified leads", Change: "changed"},
			{Field: "target", Old: 480.0, New: 400.0, Change: "lowered", Bar: "lowered", MovedGoalpost: true},
		},
		"cpl": {
			{Field: "title", Old: "Cut the cost per lead from 50 to 40", New: "Cut the cost per lead from 50 to 35", Change: "changed"},
			{Field: "target", Old: 40.0, New: 35.0, Change: "lowered", Bar: "raised", MovedGoalpost: true},
		},
		"partners": {
			{Field: "deadline", Old: "2026-03-31", New: "2026-03-15", Change: "earlier", Bar: "raised"},
		},
	}
	for id, fields := range want {
		k := krs[id]
		if k == nil || k.Change != Changed {
			t.Errorf("key result %s = %+v, want changed", id, k)
			continue
		}
		if diff := cmp.Diff(fields, k.Fields); diff != "" {
			t.Errorf("%s fields (-want +got):\n%s", id, diff)
		}
	}
	// Dropped mid-quarter: a moved goalpost.
	if k := krs["webinars"]; k == nil || k.Change != Removed || k.Title != "Hold 4 webinars" || !k.Dropped {
		t.Errorf("webinars = %+v, want removed and dropped after the period began", k)
	}
	// 200 of 480 leads is 0.42; of 400 it is 0.5.
	if sc := krs["leads"].Score; sc == nil || *sc.Old > 0.42 || *sc.New != 0.5 {
		t.Errorf("leads score = %+v, want 0.41… → 0.5", sc)
	}
	// An earlier deadline raises the expected score: same score, worse status.
	if sc := krs["partners"].Score; sc == nil || *sc.Old != *sc.New || sc.OldStatus != progress.AtRisk || sc.NewStatus != progress.OffTrack {
		t.Errorf("partners score = %+v, want the same score, at_risk → off_track", sc)
	}

	if s.ID != "sales" || s.Change != Added || len(s.KeyResults) != 3 || s.KeyResults[0].Change != Added {
		t.Errorf("sales = %+v, want added with 3 key results", s)
	}
	// Manual key results with no current value: no score yet.
	if s.Score == nil || s.Score.Old != nil || s.Score.New != nil || s.Score.NewStatus != progress.NoData {
		t.Errorf("sales score = %+v", s.Score)
	}
	if got, want := d.Summary(), (Summary{ObjectivesAdded: 1, ObjectivesChanged: 1, KRsAdded: 3, KRsRemoved: 1, KRsChanged: 3, MovedGoalposts: 3}); got != want {
		t.Errorf("Summary = %+v, want %+v", got, want)
	}
}

// For the working tree (no commit date), the as-of date is the day of the
// change.
func TestMovedGoalpostNeedsThePeriodToHaveBegun(t *testing.T) {
	base := side(t, "v1", map[string]string{"m.yaml": marketing})
	head := side(t, "v2", map[string]string{"m.yaml": marketing2})
	for _, tc := range []struct {
		asOf string
		want bool
	}{{"2025-12-31", false}, {"2026-01-01", true}, {"2026-06-30", true}} {
		d := Compare(base, head, Options{AsOf: day(tc.asOf)})
		got := false
		for _, k := range d.Objectives[0].KeyResults {
			got = got || k.MovedGoalpost()
		}
		if got != tc.want {
			t.Errorf("as of %s: moved goalpost = %v, want %v", tc.asOf, got, tc.want)
		}
	}
}

func TestMovedGoalpostIsJudgedByTheCommitDate(t *testing.T) {
	base := side(t, "v1", map[string]string{"m.yaml": marketing})
	head := side(t, "v2", map[string]string{"m.yaml": marketing2})
	for _, tc := range []struct {
		committed string // RFC 3339
		asOf      string
		want      bool
	}{
		// Committed before the period began, reviewed during it.
		{"2025-12-20T10:00:00Z", "2026-02-15", false},
		// Committed once it had begun, whatever the as-of date.
		{"2026-01-20T10:00:00Z", "2026-02-15", true},
		{"2026-01-20T10:00:00Z", "2025-12-15", true},
		// The committer's calendar day counts, not UTC's.
		{"2026-01-01T00:30:00+02:00", "2026-02-15", true},
		{"2025-12-31T23:30:00-05:00", "2026-02-15", false},
	} {
		committed, err := time.Parse(time.RFC3339, tc.committed)
		if err != nil {
			t.Fatal(err)
		}
		head.Date = committed
		d := Compare(base, head, Options{AsOf: day(tc.asOf)})
		got := false
		for _, k := range d.Objectives[0].KeyResults {
			got = got || k.MovedGoalpost()
		}
		if got != tc.want {
			t.Errorf("committed %s, as of %s: moved goalpost = %v, want %v", tc.committed, tc.asOf, got, tc.want)
		}
		if y, m, dd := committed.Date(); !d.ChangedOn.Equal(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)) || !d.AsOf.Equal(day(tc.asOf)) {
			t.Errorf("committed %s: ChangedOn %v, AsOf %v", tc.committed, d.ChangedOn, d.AsOf)
		}
	}
}

func TestCompareUnchangedAndEmptySides(t *testing.T) {
	files := map[string]string{"m.yaml": marketing, "kpis.yaml": kpis, "snapshots.csv": snapshots}
	d := Compare(side(t, "v1", files), side(t, "v2", files), Options{AsOf: day("2026-02-15")})
	if !d.Empty() || d.Unchanged != 1 {
		t.Errorf("identical sides: %+v", d)
	}

	// A side whose paths do not exist: everything is added, or removed.
	d = Compare(Side{Ref: Ref{Rev: "v0"}}, side(t, "v1", files), Options{AsOf: day("2026-02-15")})
	if len(d.Objectives) != 1 || d.Objectives[0].Change != Added {
		t.Errorf("from nothing: %+v", d.Objectives)
	}
	d = Compare(side(t, "v1", files), Side{}, Options{AsOf: day("2026-02-15")})
	if len(d.Objectives) != 1 || d.Objectives[0].Change != Removed || d.Objectives[0].Score.Old == nil {
		t.Errorf("to nothing: %+v", d.Objectives)
	}
}

func TestSnapshotsChangeTheScore(t *testing.T) {
	base := side(t, "v1", map[string]string{"m.yaml": marketing, "kpis.yaml": kpis, "snapshots.csv": snapshots})
	head := side(t, "v2", map[string]string{"m.yaml": marketing, "kpis.yaml": kpis, "snapshots.csv": snapshots + "2026-02-14,leads,40\n"})
	d := Compare(base, head, Options{AsOf: day("2026-02-15")})
	if len(d.Objectives) != 1 || len(d.Objectives[0].Fields) != 0 || d.Objectives[0].Score == nil {
		t.Fatalf("got %+v, want a score change only", d.Objectives)
	}
	k := d.Objectives[0].KeyResults
	if len(k) != 1 || k[0].ID != "leads" || len(k[0].Fields) != 0 || *k[0].Score.New != 0.5 {
		t.Errorf("key results %+v, want leads scoring 0.5", k)
	}
}

func TestBarFollowsTheDirection(t *testing.T) {
	for _, tc := range []struct {
		dir      string
		old, new float64
		want     string
	}{
		{"increase", 10, 12, "raised"}, {"increase", 10, 8, "lowered"},
		{"decrease", 10, 8, "raised"}, {"decrease", 10, 12, "lowered"},
		{"at_least", 10, 12, "raised"}, {"at_most", 10, 12, "lowered"},
	} {
		if got := bar(okr.Direction(tc.dir), tc.old, tc.new); got != tc.want {
			t.Errorf("bar(%s, %g → %g) = %s, want %s", tc.dir, tc.old, tc.new, got, tc.want)
		}
	}
}

func TestOnlyRestrictsTheDiff(t *testing.T) {
	vague := strings.Replace(sales, "title: Close 12 new deals", "title: Improve deals", 1)
	base := side(t, "v1", map[string]string{
		"okrs/q1/marketing.yaml": marketing, "okrs/q2/sales.yaml": sales, "okrs/q2/unchanged.yaml": strings.ReplaceAll(sales, "sales", "support"),
		"kpis/kpis.yaml": kpis, "kpis/snapshots.csv": snapshots,
	})
	head := side(t, "v2", map[string]string{
		// marketing moves out of okrs/q1, sales changes a title in okrs/q2.
		"okrs/marketing.yaml": marketing2, "okrs/q2/sales.yaml": vague, "okrs/q2/unchanged.yaml": strings.ReplaceAll(sales, "sales", "support"),
		"kpis/kpis.yaml": kpis, "kpis/snapshots.csv": snapshots,
	})
	only := func(dir string) func(string) bool {
		return func(file string) bool { return strings.HasPrefix(file, dir+"/") }
	}

	d := Compare(base, head, Options{AsOf: day("2026-02-15"), Only: only("okrs/q2")})
	if len(d.Objectives) != 1 || d.Objectives[0].ID != "sales" || d.Unchanged != 1 {
		t.Errorf("under okrs/q2: objectives %+v, %d unchanged; want sales, 1 unchanged", d.Objectives, d.Unchanged)
	}
	if len(d.Findings) != 1 || d.Findings[0].Rule != "vague" || d.Files != 2 {
		t.Errorf("under okrs/q2: findings %+v in %d files; want the vague key result in 2 files", d.Findings, d.Files)
	}

	// An objective moved out of the kept files still shows; its key
	// results keep their scores from the KPIs and snapshots elsewhere.
	d = Compare(base, head, Options{AsOf: day("2026-02-15"), Only: only("okrs/q1")})
	if len(d.Objectives) != 1 || d.Objectives[0].ID != "marketing" || !d.Objectives[0].Moved() {
		t.Fatalf("under okrs/q1: %+v, want marketing, moved", d.Objectives)
	}
	for _, k := range d.Objectives[0].KeyResults {
		if k.ID == "leads" && (k.Score == nil || k.Score.New == nil || *k.Score.New != 0.5) {
			t.Errorf("leads score = %+v, want 0.5", k.Score)
		}
	}
	if len(d.Findings) != 0 || d.Files != 0 {
		t.Errorf("under okrs/q1: findings %+v in %d files; want none in 0 files", d.Findings, d.Files)
	}

	// Nothing under the paths: nothing added, removed or changed.
	d = Compare(base, head, Options{AsOf: day("2026-02-15"), Only: only("kpis")})
	if !d.Empty() || d.Unchanged != 0 || d.Files != 2 {
		t.Errorf("under kpis: %+v", d)
	}
}

// TestRewrittenHistoryAndNewRows tells rows of BASE's past that HEAD
// changed, deleted or inserted from rows added after BASE's newest.
func TestRewrittenHistoryAndNewRows(t *testing.T) {
	base := side(t, "v1", map[string]string{
		"kpis.yaml": kpis,
		"snapshots.csv": `date,kpi,value
2026-01-10,leads,100
2026-01-20,leads,74300
2026-01-31,leads,200
2026-01-31,cpl,44
`,
	})
	head := side(t, "v2", map[string]string{
		"kpis.yaml": kpis,
		"snapshots.csv": `date,kpi,value
2026-01-20,leads,174300
2026-01-25,leads,50
2026-01-31,leads,200
2026-01-31,cpl,44
2026-02-02,leads,10
2026-02-09,leads,12
2026-02-01,cpl,43
`,
	})
	d := Compare(base, head, Options{AsOf: day("2026-02-15")})
	want := []RowEdit{
		{KPI: "leads", Date: day("2026-01-10"), Change: "deleted", File: "snapshots.csv", Line: 2, Old: ptr(100)},
		{KPI: "leads", Date: day("2026-01-20"), Change: "changed", File: "snapshots.csv", Line: 2, Old: ptr(74300), New: ptr(174300)},
		{KPI: "leads", Date: day("2026-01-25"), Change: "inserted", File: "snapshots.csv", Line: 3, New: ptr(50)},
	}
	if diff := cmp.Diff(want, d.History); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	wantNew := []NewRows{
		{KPI: "cpl", Count: 1, First: day("2026-02-01"), Last: day("2026-02-01")},
		{KPI: "leads", Count: 2, First: day("2026-02-02"), Last: day("2026-02-09")},
	}
	if diff := cmp.Diff(wantNew, d.NewRows); diff != "" {
		t.Errorf("new rows (-want +got):\n%s", diff)
	}
	if s := d.Summary(); s.RewrittenRows != 3 || s.NewRows != 3 {
		t.Errorf("Summary = %+v", s)
	}
}

// TestKPIChangesAndRenames diffs KPI documents (a change of aggregation,
// direction or unit after the period began moves a goalpost), tells a
// renamed key result from a removal and an addition, and shows an
// unparseable target as written.
func TestKPIChangesAndRenames(t *testing.T) {
	kpis2 := strings.NewReplacer("aggregation: sum", "aggregation: last\nunit: EUR\ndescription: Leads from every channel", "name: Cost per lead", "name: Cost per qualified lead").Replace(kpis)
	head2 := strings.NewReplacer("  - id: leads\n", "  - id: qualified-leads\n", "target: 40", "target: 40k", "  - id: partners\n    title: Sign 3 partners\n", "  - id: reseller-partners\n    title: Sign 3 partners\n", "    weight: 1\n", "").Replace(marketing)
	base := side(t, "v1", map[string]string{"okrs/marketing.yaml": marketing, "kpis.yaml": kpis, "snapshots.csv": snapshots})
	head := side(t, "v2", map[string]string{"okrs/marketing.yaml": head2, "kpis.yaml": kpis2, "snapshots.csv": snapshots})
	d := Compare(base, head, Options{AsOf: day("2026-02-15")})
	if len(d.KPIs) != 2 {
		t.Fatalf("KPIs = %+v, want cpl and leads", d.KPIs)
	}
	cpl, leads := d.KPIs[0], d.KPIs[1]
	if diff := cmp.Diff([]FieldDiff{{Field: "name", Old: "Cost per lead", New: "Cost per qualified lead", Change: "changed"}}, cpl.Fields); diff != "" || cpl.MovedGoalpost() {
		t.Errorf("cpl fields (-want +got):\n%s", diff)
	}
	wantLeads := []FieldDiff{
		{Field: "unit", New: "EUR", Change: "set", MovedGoalpost: true},
		{Field: "aggregation", Old: "sum", New: "last", Change: "changed", MovedGoalpost: true},
		{Field: "description", New: "Leads from every channel", Change: "set"},
	}
	if diff := cmp.Diff(wantLeads, leads.Fields); diff != "" {
		t.Errorf("leads fields (-want +got):\n%s", diff)
	}
	if !cmp.Equal(leads.UsedBy, []string{"marketing"}) || !leads.Began.Equal(day("2026-01-01")) {
		t.Errorf("leads used by %v since %v", leads.UsedBy, leads.Began)
	}
	o := d.Objectives[0]
	krs := map[string]*KRDiff{}
	for _, k := range o.KeyResults {
		krs[k.ID] = k
	}
	if k := krs["qualified-leads"]; k == nil || k.Change != Renamed || k.OldID != "leads" || k.Unit != "EUR" {
		t.Errorf("qualified-leads = %+v, want leads renamed (same KPI and target)", k)
	}
	if k := krs["reseller-partners"]; k == nil || k.Change != Renamed || k.OldID != "partners" {
		t.Errorf("reseller-partners = %+v, want partners renamed (same title)", k)
	}
	if _, ok := krs["leads"]; ok {
		t.Error("a renamed key result is also reported removed")
	}
	want := FieldDiff{Field: "target", Old: 40.0, New: "40k", Change: "unreadable", MovedGoalpost: true}
	if k := krs["cpl"]; k == nil || len(k.Fields) == 0 || !cmp.Equal(k.Fields[0], want) {
		t.Errorf("cpl = %+v, want the unparseable target as written: %+v", k, want)
	}
}

// TestDeadlineLaterAndWeightLoweredAreMovedGoalposts flags the changes
// that make a key result easier after its period began.
func TestDeadlineLaterAndWeightLoweredAreMovedGoalposts(t *testing.T) {
	head2 := strings.NewReplacer("deadline: 2026-02-28", "deadline: 2026-03-31\n    weight: 0.1").Replace(marketing)
	base := side(t, "v1", map[string]string{"okrs/marketing.yaml": marketing, "kpis.yaml": kpis})
	head := side(t, "v2", map[string]string{"okrs/marketing.yaml": head2, "kpis.yaml": kpis})
	d := Compare(base, head, Options{AsOf: day("2026-02-15")})
	k := d.Objectives[0].KeyResults[0]
	want := []FieldDiff{
		{Field: "deadline", Old: "2026-02-28", New: "2026-03-31", Change: "later", Bar: "lowered", MovedGoalpost: true},
		{Field: "weight", Old: 1.0, New: 0.1, Change: "lowered", MovedGoalpost: true},
	}
	if diff := cmp.Diff(want, k.Fields); k.ID != "webinars" || diff != "" {
		t.Errorf("%s fields (-want +got):\n%s", k.ID, diff)
	}
	// Before the period began, the same change moves nothing.
	d = Compare(base, head, Options{AsOf: day("2025-12-15")})
	if d.Summary().MovedGoalposts != 0 {
		t.Errorf("moved goalposts before the period: %+v", d.Summary())
	}
}
