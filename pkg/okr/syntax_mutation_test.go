package okr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSyntaxMutations makes one common mistake at a time on each key line
// of the bundled examples (a key moved 2 spaces left or right, a tab in
// its indentation, the space after its ':' removed) and checks that, when
// the result is not YAML, the first finding is on the line of the mistake.
func TestSyntaxMutations(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "examples", "okrs", "*", "*.yaml"))
	kpis, _ := filepath.Glob(filepath.Join("..", "..", "examples", "kpis", "*.yaml"))
	paths = append(paths, kpis...)
	if len(paths) < 5 {
		t.Fatalf("only %d example files", len(paths))
	}
	mutations := map[string]func(line string) string{
		"dedent": func(l string) string { return strings.TrimPrefix(l, "  ") },
		"indent": func(l string) string { return "  " + l },
		"tab":    func(l string) string { return "\t" + strings.TrimPrefix(l, "  ") },
		"no space after colon": func(l string) string {
			return strings.Replace(l, ": ", ":", 1)
		},
	}
	checked := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		block := -1 // inside a block scalar: the indentation of its key
		for i, l := range lines {
			ind := len(l) - len(strings.TrimLeft(l, " "))
			if block >= 0 && (ind > block || strings.TrimSpace(l) == "") {
				continue // text, not a key
			}
			block = -1
			c := strings.TrimLeft(l, " -")
			if strings.HasSuffix(c, "|") || strings.HasSuffix(c, ">") || strings.HasSuffix(c, ">-") || strings.HasSuffix(c, "|-") {
				block = ind
			}
			if _, _, ok := splitKey(c); !ok {
				continue
			}
			for name, mutate := range mutations {
				m := mutate(l)
				if m == l {
					continue
				}
				mutated := append(append(append([]string{}, lines[:i]...), m), lines[i+1:]...)
				f := ParseFile("f.yaml", []byte(strings.Join(mutated, "\n")))
				if len(f.Issues) == 0 || f.Issues[0].Rule != RuleYAML || strings.HasPrefix(f.Issues[0].Message, "duplicate key") {
					continue // still YAML
				}
				checked++
				if got := f.Issues[0].Line; got != i+1 {
					t.Errorf("%s line %d, %s: %q\nfirst finding at line %d: %s", filepath.Base(p), i+1, name, m, got, f.Issues[0].Message)
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d mistakes checked", checked)
	}
	t.Logf("%d mistakes checked", checked)
}
