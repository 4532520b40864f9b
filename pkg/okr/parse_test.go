package okr

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/okrctl/okrctl/internal/yamldiff"
)

// billionLaughs is the classic alias bomb: nine levels of nine aliases, a
// billion nodes if expanded.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("kind: KPI\nid: lol\nname: lol\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "lol%d: &a%d [", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

const validObjective = `kind: Objective
id: leads-2026q1
title: Grow qualified leads
owner: marketing
period: 2026-Q1
key_results:
  - id: leads
    title: Increase monthly qualified leads from 400 to 480
    target: 480
`

func TestParseFile(t *testing.T) {
	type issue struct {
		line, col int
		msg       string // a substring of the message
	}
	tests := []struct {
		name   string
		src    string
		docs   int
		issues []issue // all of rule yaml
	}{
		{name: "valid", src: validObjective, docs: 1},
		{name: "empty file", src: "", docs: 0},
		{name: "only comments", src: "# nothing here\n", docs: 0},
		{name: "only a separator", src: "---\n", docs: 0},
		{name: "byte order mark", src: "\uFEFF" + validObjective, docs: 1},
		{name: "CRLF", src: strings.ReplaceAll(validObjective, "\n", "\r\n"), docs: 1},
		{name: "multi-document", src: "kind: KPI\nid: a\nname: A\n---\nkind: KPI\nid: b\nname: B\n---\n", docs: 2},
		{name: "empty documents between", src: "---\n---\nkind: KPI\nid: a\nname: A\n---\n\n---\n", docs: 1},
		{name: "scalar document", src: "just text\n", docs: 1}, // kept: the loader reports it as a kind problem
		{
			name:   "malformed: value glued to a key",
			src:    "kind: Objective\nid: x\ntitle: Close 25 deals: half of them large\n",
			issues: []issue{{3, 22, "invalid YAML: the value of `title:` holds `: `, which YAML reads as the start of a key: put the value in quotes"}},
		},
		{
			name:   "malformed: unclosed flow sequence",
			src:    "kind: Objective\nlabels: [a, b\nowner: x\n",
			issues: []issue{{2, 9, "invalid YAML: the [ opened here is never closed"}},
		},
		{
			name:   "malformed: unterminated quote",
			src:    "kind: KPI\nid: \"abc\n",
			issues: []issue{{2, 5, `invalid YAML: the quote " opened here is never closed`}},
		},
		{
			name:   "malformed: tab indentation",
			src:    "kind: KPI\nkey:\n\tid: a\n",
			issues: []issue{{3, 1, "invalid YAML: a tab before `id:`; YAML indents with spaces"}},
		},
		{
			name:   "malformed: reserved character",
			src:    "kind: KPI\nid: @handle\n",
			issues: []issue{{2, 5, "invalid YAML: a value cannot start with @: put it in quotes"}},
		},
		{
			name:   "malformed: unknown anchor",
			src:    "kind: KPI\nid: a\nname: *nope\n",
			issues: []issue{{3, 7, "invalid YAML: alias *nope names no anchor &nope above it"}},
		},
		{
			name:   "malformed second document keeps the first",
			src:    "kind: KPI\nid: a\nname: A\n---\nkind: KPI\nid: [b\n",
			docs:   1,
			issues: []issue{{6, 5, "invalid YAML: the [ opened here is never closed"}},
		},
		{
			name:   "duplicate key",
			src:    "kind: KPI\nid: a\nname: A\nid: b\n",
			docs:   1,
			issues: []issue{{4, 1, `duplicate key "id" (first at line 2)`}},
		},
		{
			name: "duplicate keys in a key result, twice",
			src:  validObjective + "    target: 500\n    title: again\n",
			docs: 1,
			issues: []issue{
				{10, 5, `duplicate key "target" (first at line 9)`},
				{11, 5, `duplicate key "title" (first at line 8)`},
			},
		},
		{
			name:   "duplicate key in a big mapping",
			src:    manyKeys(40) + "k7: again\n",
			docs:   1,
			issues: []issue{{41, 1, `duplicate key "k7" (first at line 8)`}},
		},
		{
			name:   "alias bomb",
			src:    billionLaughs(),
			issues: []issue{{9, 12, "alias *a4 expands this document past 100000 nodes (an alias bomb?)"}},
		},
		{
			name:   "recursive alias",
			src:    "kind: KPI\nid: &x [*x]\n",
			issues: []issue{{2, 9, "alias *x refers to a node that contains it (a recursive alias)"}},
		},
		{name: "harmless aliases", src: "kind: KPI\nid: &i kpi\nname: *i\n", docs: 1},
		{
			name:   "nesting too deep, flow",
			src:    "kind: KPI\nid: " + strings.Repeat("[", MaxDepth+10) + strings.Repeat("]", MaxDepth+10) + "\n",
			issues: []issue{{2, 5 + MaxDepth - 1, fmt.Sprintf("nesting deeper than %d levels", MaxDepth)}},
		},
		{
			name:   "nesting too deep, block",
			src:    "kind: KPI\nid:\n" + deepBlock(MaxDepth+1),
			issues: []issue{{3 + MaxDepth - 1, 2*(MaxDepth-1) + 1, fmt.Sprintf("nesting deeper than %d levels", MaxDepth)}},
		},
		{name: "nesting at the limit", src: strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + "\n", docs: 1},
		{
			name:   "invalid UTF-8",
			src:    "kind: KPI\nname: caf\xe9\n",
			issues: []issue{{2, 10, "invalid UTF-8 (byte 0xe9): okrctl reads UTF-8 text files only"}},
		},
		{
			name:   "NUL byte",
			src:    "kind: KPI\nid: a\x00b\n",
			issues: []issue{{2, 6, "control character U+0000 is not allowed: is this a binary file?"}},
		},
		{
			name:   "binary junk",
			src:    "\x7fELF\x02\x01\x01\x00\x00\x00",
			issues: []issue{{1, 1, "control character U+007F is not allowed: is this a binary file?"}},
		},
		{
			name:   "PNG",
			src:    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			issues: []issue{{1, 1, "invalid UTF-8 (byte 0x89)"}},
		},
		{
			name:   "control character after multibyte text",
			src:    "title: visibilità\x01\n",
			issues: []issue{{1, 18, "control character U+0001"}},
		},
		{
			name:   "C1 control character",
			src:    "title: a\u0085b\n",
			issues: []issue{{1, 9, "control character U+0085"}},
		},
		{
			name:   "U+FFFE",
			src:    "kind: KPI\nname: a\uFFFEb\n",
			issues: []issue{{2, 8, "character U+FFFE is not allowed in YAML"}},
		},
		{
			name:   "U+FFFF",
			src:    "kind: KPI\nname: \uFFFF\n",
			issues: []issue{{2, 7, "character U+FFFF is not allowed in YAML"}},
		},
		{
			name:   "old Mac line endings",
			src:    "kind: KPI\rid: a\r",
			issues: []issue{{1, 10, "line separator U+000D is not allowed: okrctl reads LF or CRLF line endings"}},
		},
		{
			name:   "Unicode line separator",
			src:    "kind: KPI\nid: a\u2028b\n",
			issues: []issue{{2, 6, "line separator U+2028 is not allowed"}},
		},
		{
			name:   "a BOM in the middle",
			src:    "kind: KPI\nid: a\uFEFF\n",
			docs:   1, // the YAML parser accepts it as text; the schema judges the id
			issues: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ParseFile("f.yaml", []byte(tt.src))
			if len(f.Docs) != tt.docs {
				t.Errorf("got %d documents, want %d", len(f.Docs), tt.docs)
			}
			if len(f.Issues) != len(tt.issues) {
				t.Fatalf("got issues %+v, want %+v", f.Issues, tt.issues)
			}
			for i, want := range tt.issues {
				got := f.Issues[i]
				if got.Rule != RuleYAML || got.File != "f.yaml" || (Pos{got.Line, got.Column}) != (Pos{want.line, want.col}) || !strings.Contains(got.Message, want.msg) {
					t.Errorf("issue %d = %s:%d:%d %s [%s], want f.yaml:%d:%d …%s… [yaml]", i, got.File, got.Line, got.Column, got.Message, got.Rule, want.line, want.col, want.msg)
				}
			}
			for _, d := range f.Docs {
				if d.File != f || d.Node == nil {
					t.Errorf("document %d is not tied to its file and node", d.Index)
				}
			}
		})
	}
}

func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.String()
}

// deepBlock nests depth block sequences, two spaces an indent.
func deepBlock(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "-\n")
	}
	b.WriteString(strings.Repeat("  ", depth) + "x\n")
	return b.String()
}

func TestParseFileDocumentKinds(t *testing.T) {
	f := ParseFile("f.yaml", []byte("kind: KPI\nid: a\n---\nkind: Objective\n---\nid: b\n---\nkind: [x]\n---\n- a\n"))
	var kinds []string
	for _, d := range f.Docs {
		kinds = append(kinds, fmt.Sprintf("%d:%s", d.Index, d.Kind))
	}
	if got, want := strings.Join(kinds, " "), "0:KPI 1:Objective 2: 3: 4:"; got != want {
		t.Errorf("documents %q, want %q", got, want)
	}
}

func TestParseFileTooBig(t *testing.T) {
	src := bytes.Repeat([]byte("# padding padding padding padding padding padding\n"), MaxFileSize/50+1)
	f := ParseFile("big.yaml", src)
	if len(f.Docs) != 0 || len(f.Issues) != 1 {
		t.Fatalf("got %d docs and issues %v, want one issue", len(f.Docs), f.Issues)
	}
	want := fmt.Sprintf("big.yaml:1:1: file is %d bytes, more than the 8 MiB okrctl reads", len(src))
	if is := f.Issues[0]; fmt.Sprintf("%s:%d:%d: %s", is.File, is.Line, is.Column, is.Message) != want || is.Rule != RuleYAML {
		t.Errorf("issue %+v, want %s", is, want)
	}
	// Exactly at the limit is fine.
	f = ParseFile("limit.yaml", src[:MaxFileSize])
	for _, is := range f.Issues {
		if strings.Contains(is.Message, "MiB") {
			t.Errorf("a file of exactly MaxFileSize bytes is rejected: %s", is.Message)
		}
	}
}

// TestParseFileAliasBombIsCheap checks that a billion laughs costs
// milliseconds and little memory, not an expansion.
func TestParseFileAliasBombIsCheap(t *testing.T) {
	src := []byte(billionLaughs())
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f := ParseFile("bomb.yaml", src)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if len(f.Issues) != 1 || f.Issues[0].Rule != RuleYAML || len(f.Docs) != 0 {
		t.Fatalf("issues %v, docs %d; want one yaml issue and no document", f.Issues, len(f.Docs))
	}
	if elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("allocated %d MiB", alloc>>20)
	}
}

func TestFileLine(t *testing.T) {
	f := &File{Src: []byte("one\r\ntwo\n\nfour")}
	for n, want := range map[int]string{0: "one", 1: "one", 2: "two", 3: "", 4: "four", 5: ""} {
		if got := f.Line(n); got != want {
			t.Errorf("Line(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestYAMLErrorPosition(t *testing.T) {
	// A syntax error on the last line of a file without a final newline,
	// and one the parser places past the end.
	for _, src := range []string{"a: [1, 2", "a: \"x\n", "a: 'x"} {
		f := ParseFile("f.yaml", []byte(src))
		if len(f.Issues) != 1 {
			t.Fatalf("%q: issues %v", src, f.Issues)
		}
		p := Pos{f.Issues[0].Line, f.Issues[0].Column}
		if p.Line < 1 || p.Line > lineCount([]byte(src)) || p.Col < 1 {
			t.Errorf("%q: position %v is outside the file", src, p)
		}
	}
}

// TestParseFileQuickAndFull checks that both paths of ParseFile give the
// same documents and issues for the loader's test files.
func TestParseFileQuickAndFull(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		quick, full := parseFile(p, src, true), parseFile(p, src, false)
		if fmt.Sprint(quick.Issues) != fmt.Sprint(full.Issues) {
			t.Errorf("%s: issues differ:\nquick %v\nfull  %v", p, quick.Issues, full.Issues)
		}
		if len(quick.Docs) != len(full.Docs) {
			t.Fatalf("%s: %d documents, want %d", p, len(quick.Docs), len(full.Docs))
		}
		for i := range quick.Docs {
			q, f := quick.Docs[i], full.Docs[i]
			if q.Index != f.Index || q.Kind != f.Kind {
				t.Errorf("%s: document %d is %d/%q, want %d/%q", p, i, q.Index, q.Kind, f.Index, f.Kind)
			}
			if d := yamldiff.Trees("doc", q.Node, f.Node); d != "" {
				t.Errorf("%s: %s", p, d)
			}
		}
	}
}

// BenchmarkParseFile parses a typical objective file with the quick front
// end and with yaml.v3 alone.
func BenchmarkParseFile(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "okrs", "2026-Q4", "marketing.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	for _, quick := range []bool{true, false} {
		b.Run(map[bool]string{true: "quick", false: "full"}[quick], func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if f := parseFile("f.yaml", src, quick); len(f.Docs) != 1 || len(f.Issues) != 0 {
					b.Fatalf("%d documents, issues %v", len(f.Docs), f.Issues)
				}
			}
		})
	}
}
