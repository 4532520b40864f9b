package lint

import (
	"fmt"
	"testing"

	"github.com/okrctl/okrctl/pkg/diag"
)

func TestCapFindings(t *testing.T) {
	var in []Finding
	for i := 1; i <= 250; i++ {
		in = append(in, Finding{File: "a.yaml", Line: i, Column: 1, Rule: "vague", Message: fmt.Sprint("vague ", i)})
		if i%50 == 0 {
			in = append(in, Finding{File: "a.yaml", Line: i, Column: 2, Rule: "measurable", Message: "no target"})
		}
	}
	in = append(in, Finding{File: "b.yaml", Line: 1, Column: 1, Rule: "vague", Message: "vague"})
	diag.Sort(in)
	out := capFindings(in)
	count := map[string]int{}
	for i, f := range out {
		count[f.File+" "+f.Rule]++
		if i > 0 && diag.Less(f, out[i-1]) {
			t.Errorf("out of order at %s", f.Error())
		}
	}
	want := map[string]int{"a.yaml vague": maxPerRule + 1, "a.yaml measurable": 5, "b.yaml vague": 1}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s: %d findings, want %d", k, count[k], n)
		}
	}
	var more *Finding
	for i := range out {
		if out[i].Rule == "vague" && out[i].Line == maxPerRule+1 {
			more = &out[i]
		}
	}
	if more == nil || more.Message != "… and 150 more vague findings in this file" {
		t.Errorf("summary finding: %+v", more)
	}
	few := []Finding{{File: "a.yaml", Rule: "vague"}, {File: "a.yaml", Rule: "vague"}, {File: "b.yaml", Rule: "vague"}}
	if got := capFindings(few); len(got) != 3 {
		t.Errorf("capFindings changed a short list: %v", got)
	}
}
