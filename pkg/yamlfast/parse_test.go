package yamlfast

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/internal/fuzzseed"
	"github.com/okrctl/okrctl/internal/synth"
	"github.com/okrctl/okrctl/internal/yamldiff"
)

// fullParse parses src with yaml.v3 alone, into the content node of each
// document (nil for an empty one).
func fullParse(src []byte) ([]*yaml.Node, error) {
	var docs []*yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		var n *yaml.Node
		if len(doc.Content) > 0 {
			n = doc.Content[0]
		}
		if n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			n = nil
		}
		docs = append(docs, n)
	}
}

// checkQuick fails t when Parse accepts src and yaml.v3 reads it
// differently; it reports whether Parse accepted src.
func checkQuick(t *testing.T, src []byte) bool {
	t.Helper()
	got, ok := Parse(src)
	if !ok {
		return false
	}
	want, err := fullParse(src)
	if err != nil {
		t.Fatalf("Parse accepted what yaml.v3 rejects (%v):\n%s", err, src)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d documents, want %d:\n%s", len(got), len(want), src)
	}
	for i := range got {
		if d := yamldiff.Trees(fmt.Sprintf("doc %d", i), got[i], want[i]); d != "" {
			t.Fatalf("%s\nsource:\n%s", d, src)
		}
	}
	return true
}

func TestQuickParseAgreesWithYAML(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		accept bool // whether the quick parser must handle it
	}{
		{"empty", "", true},
		{"comments only", "# a\n\n  # b\n", true},
		{"flat mapping", "kind: Objective\nid: a-1\ntitle: Grow  the business # why\n", true},
		{"scalar types", "a: 12\nb: -3\nc: 2.5\nd: 1e3\ne: true\nf: null\ng: ~\nh: 2026-12-31\ni: 2026-02-30\nj: 007\nk: 0x1F\nl: .5\nm: -.inf\nn: 1_000\no: 08\np: +7\nq: 2026-1-2\nr: 2026-12-31T10:00:00Z\ns: 0b101\nt: -0o17\nu: 99999999999999999999\n", true},
		{"dates", "a: 0000-02-29\nb: 2000-02-29\nc: 2100-02-29\nd: 2024-02-29\ne: 2026-02-29\nf: 2026-13-01\ng: 2026-00-10\nh: 2026-1-01\ni: 2026-04-31\nj: 2026-04-30\nk: 2026-01-00\nl: 20260101\nm: 2026-01-01x\nn: 2026-01-011\n", true},
		{"null value positions", "a:\nb:   \nc: # note\nd: x\n", true},
		{"quoted", "a: \"x: y # z\"\nb: 'it''s'\nc: \"\"\nd: ''  # empty\n", true},
		{"unicode columns", "titolo: è già\nmeta: \"città\"\nemoji: 🚀 go\n", true},
		{"nested", "kind: Objective\nkey_results:\n  - id: kr-1\n    title: Increase leads from 10 to 20\n    target: 20\n  - id: kr-2\n    target: 3\nlabels: [growth, \"q4\", 'x y', 12]\nempty: []\n", true},
		{"sequence at the key's indentation", "a:\n- x\n- y: 1\n  z: 2\nb: c\n", true},
		{"sequence of scalars", "tags:\n  - one\n  - 'two'\n  - 3\n", true},
		{"block scalars", "a: |\n  line 1\n\n    more\n  line 3\n\n\nb: >-\n  folded\n  text\n\n  para\nc: |-\n  x\nd: >\n  y\n", true},
		{"block scalar in a sequence item", "l:\n  - a: |\n      text\n    b: 1\n", true},
		{"documents", "# head\n---\nkind: KPI\nid: a\n---   # next\nkind: KPI\nid: b\n---\n", true},
		{"implicit first document", "kind: KPI\n---\nkind: KPI\n", true},
		{"crlf", "a: b\r\nc:\r\n  - d\r\ne: |\r\n  f\r\n", true},
		{"key forms", "a b: 1\nc:d: 2\nx-y_z.w: 3\n-k: 4\ntrue: 5\n1: 6\n", true},
		{"plain punctuation", "a: C# and F#\nb: 50% more [EU], {x}\nc: a:b\nd: -5\ne: x -- y\n", true},

		{"anchor and alias", "a: &x 1\nb: *x\n", false},
		{"tag", "a: !!str 1\n", false},
		{"flow mapping", "a: {b: 1}\n", false},
		{"multi-line plain", "a: one\n  two\n\n\n   three  \nb: x\n  y # c\nl:\n  - p\n    q\n  - r: s\n     t\n", true},
		{"multi-line plain ending in a comment line", "a: one\n  # c\nb: 2\n", true},
		{"comment then continuation", "a: one # c\n  two\n", false},
		{"continuation like a key", "a: one\n  b: two\n", false},
		{"continuation like an entry", "a: one\n  - two\n", false},
		{"multi-line quoted", "a: \"one\n  two\"\n", false},
		{"escape", "a: \"x\\ty\"\n", false},
		{"tab", "a:\tb\n", false},
		{"merge key", "a: 1\n<<: {}\n", false},
		{"keep chomping", "a: |+\n  x\n\n", false},
		{"indentation indicator", "a: |2\n   x\n", false},
		{"top-level sequence", "- a\n- b\n", false},
		{"indented document", "  a: 1\n", false},
		{"document end", "a: 1\n...\n", false},
		{"directive", "%YAML 1.2\n---\na: 1\n", false},
		{"byte order mark", "\uFEFFa: 1\n", false},
		{"bad indentation", "a:\n  b: 1\n   c: 2\n", false},
		{"mapping value in plain", "a: b: c\n", false},
		{"quoted key", "\"a\": 1\n", false},
		{"empty sequence entry", "a:\n  -\n  - b\n", false},
		{"nested sequence", "a:\n  - - b\n", false},
		{"junk after quote", "a: 'x'y\n", false},
		{"comment without space", "a: 'x'#c\n", false},
		{"trailing comma", "a: [x, ]\n", false},
		{"unclosed flow", "a: [x, y\n", false},
		{"question mark in a flow item", "labels: [why?]\n", false},
		{"question mark ending a flow item", "labels: [a?]\n", false},
		{"question mark starting a flow word", "labels: [a ?b]\n", false},
		{"question mark in a block value", "title: why? because\n", true},
		{"U+FFFE in a value", "title: a\uFFFEb\n", false},
		{"U+FFFF in a value", "title: a\uFFFFb\n", false},
		{"invalid UTF-8", "title: caf\xe9\n", false},
		{"control character", "title: a\x01b\n", false},
		{"next line", "title: a\u0085b\n", false},
		{"key of 1000 characters", strings.Repeat("k", 1000) + ": v\n", true},
		{"long key with spaces before the colon", strings.Repeat("k", 1000) + strings.Repeat(" ", 30) + ": v\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkQuick(t, []byte(tt.src)); got != tt.accept {
				t.Errorf("Parse accepted = %v, want %v", got, tt.accept)
			}
		})
	}
}

// TestQuickParseHandlesRealFiles makes sure the fast path is the one taken
// for the files okrctl is made for: the bundled examples (all but the
// deliberately broken ones) and the benchmark's synthetic repositories.
func TestQuickParseHandlesRealFiles(t *testing.T) {
	n := 0
	err := filepath.WalkDir(filepath.Join("..", "..", "examples"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (filepath.Ext(p) != ".yaml" && filepath.Ext(p) != ".yml") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		accepted := checkQuick(t, src)
		if !accepted && !strings.Contains(filepath.ToSlash(p), "/broken/") {
			t.Errorf("%s: not handled by the quick parser", p)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d example files found", n)
	}

	dir := t.TempDir()
	if err := synth.Generate(dir, synth.Spec{Objectives: 40, KPIs: 10, SnapshotRows: 10}); err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || filepath.Ext(p) != ".yaml" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !checkQuick(t, src) {
			t.Errorf("%s: not handled by the quick parser", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzQuickParse checks that whatever Parse accepts, yaml.v3
// parses to the same documents.
func FuzzQuickParse(f *testing.F) {
	fuzzseed.AddFiles(f, filepath.Join("..", "okr", "testdata", "*.yaml"))
	fuzzseed.AddFiles(f, filepath.Join("..", "okr", "testdata", "broken", "*.yaml"))
	fuzzseed.AddFiles(f, filepath.Join("..", "..", "examples", "*", "*.yaml"))
	fuzzseed.AddFiles(f, filepath.Join("..", "..", "examples", "okrs", "*", "*.yaml"))
	f.Add([]byte("a: |\n  x\n\n  y\nb: >-\n  p\n  q\n\n  r\nc: [a, 'b', \"c\"]\nd:\n- e: 1\n  f: 2026-01-02\n---\ng: ~\n"))
	// Inputs the fast path once accepted although yaml.v3 rejects them.
	for _, src := range []string{
		"labels: [why?]\n", "labels: [a?]\n", "labels: [a ?b]\n",
		"title: a\uFFFEb\n", "title: a\uFFFFb\n",
		strings.Repeat("k", 1000) + strings.Repeat(" ", 30) + ": v\n",
	} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkQuick(t, src)
	})
}
