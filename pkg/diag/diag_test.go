package diag

import "testing"

func TestFindingError(t *testing.T) {
	for _, tc := range []struct {
		f    Finding
		want string
	}{
		{Finding{File: "kpis/a.csv", Line: 4, Column: 12, Rule: "csv", Message: "row has 2 fields, header has 3"}, "kpis/a.csv:4:12: error: row has 2 fields, header has 3 [csv]"},
		{Finding{File: "kpis/a.csv", Line: 4, Rule: "csv", Message: "m"}, "kpis/a.csv:4: error: m [csv]"},
		{Finding{File: "o.yaml", Line: 3, Column: 1, Severity: Warning, Rule: "vague", Message: "m"}, "o.yaml:3:1: warning: m [vague]"},
	} {
		if got := tc.f.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func TestSortAndCount(t *testing.T) {
	fs := []Finding{
		{File: "b.yaml", Line: 1, Column: 1, Rule: "kind"},
		{File: "a.yaml", Line: 2, Column: 1, Rule: "schema", Severity: Warning},
		{File: "a.yaml", Line: 2, Column: 1, Rule: "measurable"},
		{File: "a.yaml", Line: 1, Column: 9, Rule: "yaml"},
	}
	Sort(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.File+":"+f.Rule)
	}
	want := []string{"a.yaml:yaml", "a.yaml:measurable", "a.yaml:schema", "b.yaml:kind"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sorted %v, want %v", got, want)
		}
	}
	if e, w := Count(fs); e != 3 || w != 1 {
		t.Errorf("Count = %d, %d", e, w)
	}
}
