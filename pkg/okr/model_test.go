package okr

import (
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func f64(v float64) *float64 { return &v }

func TestKeyResultDir(t *testing.T) {
	tests := []struct {
		name             string
		written          Direction
		baseline, target *float64
		want             Direction
	}{
		{"up from the baseline", "", f64(400), f64(480), Increase},
		{"down from the baseline", "", f64(48), f64(38), Decrease},
		{"equal", "", f64(5), f64(5), Increase},
		{"negative numbers", "", f64(-2), f64(-5), Decrease},
		{"no baseline", "", nil, f64(38), Increase},
		{"no target", "", f64(38), nil, Increase},
		{"neither", "", nil, nil, Increase},
		{"written wins over numbers", Increase, f64(48), f64(38), Increase},
		{"written decrease", Decrease, nil, f64(38), Decrease},
		{"at_least", AtLeast, f64(10), f64(5), AtLeast},
		{"at_most", AtMost, f64(1), f64(2), AtMost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kr := &KeyResult{Direction: tt.written, Baseline: tt.baseline, Target: tt.target}
			if got := kr.Dir(); got != tt.want {
				t.Errorf("Dir() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestKeyResultDeadlineIn(t *testing.T) {
	q1, err := ParsePeriod("2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		text   string // as written
		period Period
		want   string // "" when not resolvable
	}{
		{"own deadline", "2026-02-15", q1, "2026-02-15"},
		{"own deadline outside the period is still its own", "2026-05-01", q1, "2026-05-01"},
		{"omitted: end of the period", "", q1, "2026-03-31"},
		{"omitted without a period", "", Period{}, ""},
		{"invalid, with a period: not the period's end", "2026-02-30", q1, ""},
		{"not a date", "end of March", q1, ""},
		{"own deadline without a period", "2026-02-15", Period{}, "2026-02-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kr := &KeyResult{DeadlineText: tt.text}
			if tt.text != "" {
				kr.Deadline, _ = ParseDate(tt.text)
			}
			got, ok := kr.DeadlineIn(tt.period)
			if tt.want == "" {
				if ok {
					t.Fatalf("DeadlineIn = %v, true; want not ok", got)
				}
				return
			}
			if !ok || !got.Equal(day(tt.want)) {
				t.Errorf("DeadlineIn = %v, %v; want %s, true", got.Format(time.DateOnly), ok, tt.want)
			}
		})
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		src  string
		want float64
		ok   bool
	}{
		{"480", 480, true},
		{"-12.5", -12.5, true},
		{"1e3", 1000, true},
		{"0x10", 16, true},
		{"1_000", 1000, true},
		{"18446744073709551615", 18446744073709551615, true},
		{"99999999999999999999999", 1e23, true}, // too big for an int: YAML makes it a float
		{".inf", 0, false},
		{"-.inf", 0, false},
		{".nan", 0, false},
		{`"480"`, 0, false},
		{"'1e3'", 0, false},
		{"true", 0, false},
		{"~", 0, false},
		{"[1]", 0, false},
		{"2026-03-31", 0, false},
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+tt.src), &doc); err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		_, v := Lookup(doc.Content[0], "v")
		got, ok := Number(v)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Number(%s) = %v, %v; want %v, %v", tt.src, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := Number(nil); ok {
		t.Error("Number(nil) is ok")
	}
}

func TestLookup(t *testing.T) {
	src := "base: &b {target: 480}\nkr: *b\nlist: [1]\n? [complex]\n: x\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	k, v := Lookup(m, "kr")
	if k == nil || v == nil || v.Kind != yaml.MappingNode {
		t.Fatalf("Lookup(kr) = %v, %v; want the aliased mapping", k, v)
	}
	if _, tv := Lookup(v, "target"); tv == nil || tv.Value != "480" {
		t.Errorf("Lookup through an alias: target = %v", tv)
	}
	if k, v := Lookup(m, "missing"); k != nil || v != nil {
		t.Error("Lookup(missing) found something")
	}
	if _, l := Lookup(m, "list"); l == nil {
		t.Fatal("no list")
	} else if k, v := Lookup(l, "x"); k != nil || v != nil {
		t.Error("Lookup in a sequence found something")
	}
	if got := ValuePos(m, "list"); got != (Pos{3, 7}) {
		t.Errorf("ValuePos(list) = %v, want 3:7", got)
	}
	if got := ValuePos(m, "missing"); got != (Pos{1, 1}) {
		t.Errorf("ValuePos(missing) = %v, want the mapping's 1:1", got)
	}
	if k, v := Lookup(nil, "x"); k != nil || v != nil {
		t.Error("Lookup(nil) found something")
	}
	if PosOf(nil) != (Pos{}) {
		t.Error("PosOf(nil) is not zero")
	}
}

// TestFieldsPositions checks that the model records where each field is
// written: the value's position, the key's, and the mapping's for a
// missing key; the first of duplicated keys counts.
func TestFieldsPositions(t *testing.T) {
	src := "kind: Objective\nid: a\ntitle: T\nowner: o\nperiod: 2026-Q1\nparent: p\nkey_results:\n  - id: k\n    kpi:   leads\n    title: x\n    kpi: other\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	o := decodeObjective(&Document{Node: doc.Content[0]})
	for _, tc := range []struct {
		name string
		got  Pos
		want Pos
	}{
		{"objective", o.Pos.At, Pos{1, 1}},
		{"parent value", o.Pos.Value("parent"), Pos{6, 9}},
		{"parent key", o.Pos.Key("parent"), Pos{6, 1}},
		{"missing labels", o.Pos.Value("labels"), Pos{1, 1}},
		{"key result", o.KeyResults[0].Pos.At, Pos{8, 5}},
		{"first kpi", o.KeyResults[0].Pos.Value("kpi"), Pos{9, 12}},
		{"missing target", o.KeyResults[0].Pos.Value("target"), Pos{8, 5}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s at %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if !o.Pos.Has("parent") || o.Pos.Has("labels") {
		t.Error("Has is wrong")
	}
}
