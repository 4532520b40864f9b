package okr

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/broken/messages.golden")

var expectRE = regexp.MustCompile(`^# expect: (\d+):(\d+) -- `)

// TestBrokenCorpus parses the corpus of broken OKR files, each written
// with a common mistake in English, Italian or Spanish, and checks that the
// first finding is at the line and column its first line states; the
// messages are compared with testdata/broken/messages.golden.
func TestBrokenCorpus(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]int{}
	var got strings.Builder
	for _, p := range paths {
		name := filepath.Base(p)
		langs[name[:2]]++
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m := expectRE.FindSubmatch(src)
		if m == nil {
			t.Errorf("%s: no '# expect: LINE:COL -- why' first line", name)
			continue
		}
		line, _ := strconv.Atoi(string(m[1]))
		col, _ := strconv.Atoi(string(m[2]))
		for _, quick := range []bool{true, false} {
			f := parseFile(name, src, quick)
			if len(f.Issues) == 0 {
				t.Errorf("%s: no finding", name)
				continue
			}
			is := f.Issues[0]
			if (Pos{is.Line, is.Column}) != (Pos{line, col}) || is.Rule != RuleYAML {
				t.Errorf("%s: first finding %d:%d %s [%s], want at %d:%d [yaml]", name, is.Line, is.Column, is.Message, is.Rule, line, col)
			}
			if quick {
				fmt.Fprintf(&got, "%s:%d:%d: %s\n", name, is.Line, is.Column, is.Message)
			}
		}
	}
	if len(paths) < 20 || langs["en"] < 5 || langs["it"] < 5 || langs["es"] < 5 {
		t.Errorf("the corpus has %d files (%v by language), want at least 20 with 5 of each", len(paths), langs)
	}
	golden := filepath.Join("testdata", "broken", "messages.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("messages (-want +got); run go test -update to accept:\n%s", diff)
	}
}

// TestSyntaxErrorIgnoresTheParserWording checks that the position of a
// syntax error does not depend on the text of yaml.v3's message: a
// reworded message, or one naming another line, leaves the caret where it
// is. Some of the inputs are explained by the line scanner, others only
// located.
func TestSyntaxErrorIgnoresTheParserWording(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
	}{
		{"kind: KPI\nid: a\n  name: b\n", 3, 3},
		{"kind: KPI\nid: [a, b\n", 2, 5},
		{"kind: KPI\nname: x\nid: a\n? [b]\n: c\nunit: {a: [}\n", 6, 1},
		{"kind: KPI\nid: a\nname: |0\n  x\n", 3, 1},
		{"a: b\n---\nc: d\n... x\n", 4, 1},
		{"labels: [why?]\n", 1, 13},
		{"- a\n- b\nc: d\n", 3, 1},
		{"l:\n  - a\n    b: c\n", 3, 5},
		{"l:\n  - a\n  b: c\n", 3, 3},
		{"labels: [a, b ?c]\n", 1, 15},
		{"labels: [?a, 'b?']\n", 0, 0},
		{strings.Repeat("k", 1000) + strings.Repeat(" ", 30) + ": v\n", 1, 1},
	}
	for _, tt := range tests {
		f := parseFile("f.yaml", []byte(tt.src), false)
		if tt.line == 0 {
			if len(f.Issues) != 0 {
				t.Errorf("%q: issues %v, want none", tt.src, f.Issues)
			}
			continue
		}
		if len(f.Issues) != 1 {
			t.Errorf("%q: issues %v, want one", tt.src, f.Issues)
			continue
		}
		if got := (Pos{f.Issues[0].Line, f.Issues[0].Column}); got != (Pos{tt.line, tt.col}) {
			t.Errorf("%q: at %v, want %d:%d (%s)", tt.src, got, tt.line, tt.col, f.Issues[0].Message)
		}
		for _, err := range []error{errors.New("yaml: line 99: something else"), errors.New("reworded")} {
			if p, _ := syntaxError([]byte(tt.src), err, 0); p != (Pos{f.Issues[0].Line, f.Issues[0].Column}) {
				t.Errorf("%q: a reworded parser error moves the caret from %v to %v", tt.src, Pos{f.Issues[0].Line, f.Issues[0].Column}, p)
			}
		}
	}
}

func TestYAMLProblem(t *testing.T) {
	for in, want := range map[string]string{
		"yaml: line 3: did not find expected key":  "did not find expected key",
		"yaml: control characters are not allowed": "control characters are not allowed",
		"yaml: line x: odd":                        "line x: odd",
	} {
		if got := yamlProblem(errors.New(in)); got != want {
			t.Errorf("yamlProblem(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestScanSyntaxQuietOnValidYAML checks that the line scanner finds no
// mistake in files yaml.v3 accepts: the bundled examples, the loader's
// test files and YAML of the forms the scanner follows.
func TestScanSyntaxQuietOnValidYAML(t *testing.T) {
	srcs := map[string]string{
		"multi-line plain":      "a: one\n  two\n  - three\nb: x\n",
		"compact sequence":      "a:\n- x\n- y: 1\n  z: 2\nb: c\n",
		"dash key after a list": "a:\n- x\n-d: e\n",
		"nested sequences":      "a:\n  - - x\n    - y\n  - z\n",
		"block scalars":         "a: |\n  x: y\n\n    - z\nb: >-\n  '\n- c: |\n    d\n",
		"item block scalar":     "l:\n  - |\n    text: here\n  - >\n    more\n",
		"quoted keys":           "\"a b\": 1\n'c': 2\n",
		"anchors and aliases":   "a: &x 1\nb: *x\nc: &y\n  d: 1\ne: *y\n",
		"flow":                  "a: [b, 'c', {d: e}]\nf: {g: [h]}\n",
		"multi-line quoted":     "a: \"one\n  two\"\nb: 'x\n\n  y'\n",
		"documents":             "a: 1\n---\n  b: 2\n  c: 3\n...\n---\n- x\n",
		"comments":              "# c\na: 1 # c\n  # indented comment\nb:\n# c\n  c: 2\n",
		"url and times":         "a: http://x.y/z\nb: 10:30\nc: x:y\n",
		"tabs after values":     "a: 1\t# c\nb:\tx\n",
		"question mark values":  "a: why?\nb: [?x]\n",
		"scalar document":       "just text\n",
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "examples", "okrs", "*", "*.yaml"))
	local, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, p := range append(append(paths, more...), local...) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs[p] = string(src)
	}
	for name, src := range srcs {
		if !newProber([]byte(src)).parses(1 << 30) {
			continue // not YAML: not for this test
		}
		lines := splitSourceLines([]byte(src))
		if p, msg, _, ok := scanSyntax(lines, len(lines)); ok {
			t.Errorf("%s: the scanner reports %v %s in valid YAML", name, p, msg)
		}
	}
}
