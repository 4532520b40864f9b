package okr

import (
	"fmt"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Fields is comparable: tests compare models holding it by value
// (cmpopts.EquateComparable).
var _ = Fields{} == Fields{}

// fieldsSources are mappings whose keys are written in every way a
// look-up can get wrong: duplicated, aliased, quoted, empty, null, not
// scalar, unknown to the schema, or in a mapping that is not one.
var fieldsSources = []string{
	validObjective,
	"kind: Objective\nid: a\nid: b\ntitle:\n\"owner\": o\n'': empty\nextra: 1\nkey_results:\n  - {id: k, target: 5, target: 6, deadline: [2026-01-01], ? [x] : y}\n  - id: k2\n    current: {value: 3, date: 2026-01-02}\n    deadline: ~\n",
	"base: &b {target: 480, kpi: leads}\nkind: Objective\nid: &i a\nparent: *i\nkey_results: [*b, *b]\nlabels: &l [x]\ndescription: *l\n",
	"kind: KPI\nid: leads\nname: Leads\ncolumn: [Leads, Lead count]\nsource: {type: sql, query: select 1}\nunit:\nowner: &o x\ngood: *o\n",
	"kind: Objective\n? [id]\n: x\n? {title: t}\n: y\nkey_results: {}\n",
}

// checkFieldsAgree holds f, the Fields of mapping m, to a look-up in m.
func checkFieldsAgree(t *testing.T, what string, f Fields, m *yaml.Node) {
	t.Helper()
	names := []string{"", "missing", "value", "date", "Kind", "id "}
	names = append(names, f.Keys()...)
	names = append(names, objectiveKeys...)
	names = append(names, keyResultKeys...)
	names = append(names, kpiKeys...)
	at := PosOf(m)
	if f.At != at {
		t.Errorf("%s: At = %v, the mapping is at %v", what, f.At, at)
	}
	for _, name := range names {
		k, v := Lookup(m, name)
		wantKey, wantValue := at, at
		if k != nil {
			wantKey = PosOf(k)
		}
		if v != nil {
			wantValue = PosOf(v)
		}
		if got := f.Has(name); got != (k != nil) {
			t.Errorf("%s: Has(%q) = %v, want %v", what, name, got, k != nil)
		}
		if got := f.Raw(name); got != v {
			t.Errorf("%s: Raw(%q) = %v, want %v", what, name, got, v)
		}
		if got := f.Value(name); got != wantValue {
			t.Errorf("%s: Value(%q) = %v, want %v", what, name, got, wantValue)
		}
		if got := f.Key(name); got != wantKey {
			t.Errorf("%s: Key(%q) = %v, want %v", what, name, got, wantKey)
		}
	}
}

// checkRepoFields holds the Fields of every objective, key result and
// KPI of r to look-ups in their mappings.
func checkRepoFields(t *testing.T, r *Repo) {
	t.Helper()
	for _, o := range r.Objectives {
		checkFieldsAgree(t, "objective "+o.ID, o.Pos, o.Node())
		for _, kr := range o.KeyResults {
			checkFieldsAgree(t, "key result "+kr.ID, kr.Pos, kr.Node)
		}
	}
	for _, k := range r.KPIs {
		checkFieldsAgree(t, "KPI "+k.ID, k.Pos, k.Doc.Node)
	}
}

// TestFieldsAgreeWithLookup checks that the keys the decoder records
// answer as a look-up in the mapping does, for known and unknown names.
func TestFieldsAgreeWithLookup(t *testing.T) {
	for _, src := range fieldsSources {
		r := &Repo{}
		r.addFile(ParseFile("fields.yaml", []byte(src)))
		if len(r.Objectives)+len(r.KPIs) == 0 {
			t.Fatalf("nothing decoded from\n%s", src)
		}
		checkRepoFields(t, r)
	}
	var zero Fields
	if zero.Has("id") || zero.Raw("id") != nil || zero.Value("id") != (Pos{}) || zero.Key("id") != (Pos{}) || zero.Keys() != nil {
		t.Error("the zero Fields finds a key")
	}
}

// BenchmarkFieldsRaw is the rules asking for keys of every key result
// of 10,000 objectives after loading, when their nodes are no longer in
// the processor's cache: through Fields, and through a look-up in each
// mapping as the rules once did.
func BenchmarkFieldsRaw(b *testing.B) {
	r := &Repo{}
	for i := range 10000 {
		src := fmt.Sprintf("kind: Objective\nid: o-%d\ntitle: Objective %d\nowner: team\nperiod: 2026-Q4\ndescription: why\nkey_results:\n", i, i)
		for k := range 4 {
			src += fmt.Sprintf("  - id: kr-%d\n    title: Increase leads from 10 to 20\n    kpi: leads\n    baseline: 10\n    target: 20\n    direction: increase\n    weight: 1\n    deadline: 2026-12-%02d\n", k, 10+k)
		}
		r.addFile(ParseFile("o.yaml", []byte(src)))
	}
	b.Run("fields", func(b *testing.B) {
		for b.Loop() {
			for _, o := range r.Objectives {
				o.Pos.Raw("key_results")
				for _, kr := range o.KeyResults {
					kr.Pos.Raw("deadline")
					kr.Pos.Raw("target")
				}
			}
		}
	})
	b.Run("lookup", func(b *testing.B) {
		for b.Loop() {
			for _, o := range r.Objectives {
				Lookup(o.Node(), "key_results")
				for _, kr := range o.KeyResults {
					Lookup(kr.Node, "deadline")
					Lookup(kr.Node, "target")
				}
			}
		}
	})
}
