package okr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/yamlfast"
)

// Limits that keep a hostile or broken file from exhausting okrctl.
const (
	// MaxFileSize is the largest YAML file okrctl reads.
	MaxFileSize = 8 << 20
	// MaxDepth is the deepest nesting of mappings and sequences accepted; an
	// OKR document needs five levels.
	MaxDepth = 64
	// maxExpansion bounds the nodes a document may reach through aliases
	// (a "billion laughs" alias bomb is reported rather than expanded).
	maxExpansion = 100_000
)

// Rule ids of the problems the loader finds.
const (
	RuleYAML         = "yaml"
	RuleKind         = "kind"
	RuleOneObjective = "one-objective"
)

// Kinds of document okrctl knows.
const (
	KindObjective = "Objective"
	KindKPI       = "KPI"
)

// File is one parsed YAML file.
type File struct {
	Path   string // as displayed: relative to the working directory, '/'-separated
	Src    []byte
	Docs   []*Document
	Issues []diag.Finding
}

// Document is one YAML document of a file.
type Document struct {
	File  *File
	Index int        // 0-based position in the file
	Node  *yaml.Node // the document's content (a mapping for valid documents)
	Kind  string     // the kind as written, "" when missing
}

// Line returns the 1-based line n of the file's source without its line
// ending, or "" when out of range.
func (f *File) Line(n int) string { return lineAt(f.Src, n) }

// ParseFile parses src as a YAML file of one or more documents. Syntax
// errors and unsafe input become Issues on the returned File; it never
// panics.
func ParseFile(path string, src []byte) *File { return parseFile(path, src, true) }

// parseFile is ParseFile; quick says whether to try the fast front end
// (package yamlfast) before the full parser.
func parseFile(path string, src []byte, quick bool) (f *File) {
	f = &File{Path: path, Src: src}
	defer func() {
		if r := recover(); r != nil {
			f.Docs = nil
			f.issue(Pos{1, 1}, RuleYAML, fmt.Sprintf("cannot parse YAML: %v", r))
		}
	}()
	if len(src) > MaxFileSize {
		f.tooBig(int64(len(src)))
		return f
	}
	if pos, msg := checkText(src); msg != "" {
		f.issue(pos, RuleYAML, msg)
		return f
	}
	if quick {
		if docs, ok := yamlfast.Parse(src); ok {
			for i, n := range docs {
				f.addDoc(i, n)
			}
			return f
		}
	}
	r := &countingReader{r: bytes.NewReader(src)}
	dec := yaml.NewDecoder(r)
	for i := 0; ; i++ {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			pos, msg := syntaxError(src, err, r.n)
			f.issue(pos, RuleYAML, msg)
			break
		}
		if len(doc.Content) > 0 {
			f.addDoc(i, doc.Content[0])
		}
	}
	return f
}

// countingReader counts the bytes read through it: how far the parser had
// read when it failed bounds where the error is.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// addDoc adds document i, whose content is n, unless it is empty or unsafe.
func (f *File) addDoc(i int, n *yaml.Node) {
	if n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null") {
		return // an empty document, e.g. after a trailing '---'
	}
	if !f.checkTree(n) {
		return
	}
	d := &Document{File: f, Index: i, Node: n}
	if _, k := Lookup(n, "kind"); k != nil && k.Kind == yaml.ScalarNode {
		d.Kind = k.Value
	}
	f.Docs = append(f.Docs, d)
}

// tooBig reports a file over MaxFileSize.
func (f *File) tooBig(size int64) {
	f.issue(Pos{1, 1}, RuleYAML, fmt.Sprintf("file is %d bytes, more than the %d MiB okrctl reads", size, MaxFileSize>>20))
}

func (f *File) issue(p Pos, rule, msg string) {
	f.Issues = append(f.Issues, diag.Finding{File: f.Path, Line: p.Line, Column: p.Col, Rule: rule, Message: msg})
}

// checkText finds invalid UTF-8, control characters, the noncharacters
// U+FFFE and U+FFFF, and line breaks other than LF and CRLF, which the YAML parser reports without a position or
// counts differently from editors.
func checkText(src []byte) (Pos, string) {
	line, col := 1, 1
	for i := 0; i < len(src); {
		if c := src[i]; c >= 0x20 && c < 0x7f {
			i++ // printable ASCII, the common case
			col++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return Pos{line, col}, fmt.Sprintf("invalid UTF-8 (byte 0x%02x): okrctl reads UTF-8 text files only", src[i])
		case r == '\n':
			line, col = line+1, 0
		case r == '\r' && (i+1 == len(src) || src[i+1] != '\n'), r == '\u2028', r == '\u2029':
			// The YAML parser counts these as line breaks and editors do
			// not: positions would disagree.
			return Pos{line, col}, fmt.Sprintf("line separator %U is not allowed: okrctl reads LF or CRLF line endings", r)
		case r == '\uFEFF' && i == 0, r == '\t', r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return Pos{line, col}, fmt.Sprintf("control character %U is not allowed: is this a binary file?", r)
		case r == 0xFFFE || r == 0xFFFF:
			return Pos{line, col}, fmt.Sprintf("character %U is not allowed in YAML: is this a binary file?", r)
		}
		i += size
		col++
	}
	return Pos{}, ""
}

// checkTree reports duplicate keys, excessive nesting, recursive aliases
// and alias bombs. It visits each node once, plus at most maxExpansion nodes
// reached through aliases, so a hostile document costs little.
func (f *File) checkTree(root *yaml.Node) bool {
	expanded := 0
	var origin *yaml.Node         // the outermost alias being expanded, if any
	open := map[*yaml.Node]bool{} // anchored nodes on the current path
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if n == nil {
			return true
		}
		at := n
		if origin != nil {
			// Inside an expansion, point at the alias the reader wrote.
			at = origin
			if expanded++; expanded > maxExpansion {
				f.issue(PosOf(at), RuleYAML, fmt.Sprintf("alias *%s expands this document past %d nodes (an alias bomb?)", origin.Value, maxExpansion))
				return false
			}
		}
		if depth > MaxDepth {
			f.issue(PosOf(at), RuleYAML, fmt.Sprintf("nesting deeper than %d levels", MaxDepth))
			return false
		}
		if n.Anchor != "" && n.Kind != yaml.AliasNode {
			open[n] = true
			defer delete(open, n)
		}
		switch n.Kind {
		case yaml.AliasNode:
			if open[n.Alias] {
				f.issue(PosOf(n), RuleYAML, fmt.Sprintf("alias *%s refers to a node that contains it (a recursive alias)", n.Value))
				return false
			}
			outer := origin == nil
			if outer {
				origin = n
			}
			ok := walk(n.Alias, depth)
			if outer {
				origin = nil
			}
			return ok
		case yaml.MappingNode:
			if origin == nil {
				f.checkKeys(n)
			}
			for _, c := range n.Content {
				if !walk(c, depth+1) {
					return false
				}
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				if !walk(c, depth+1) {
					return false
				}
			}
		}
		return true
	}
	return walk(root, 1)
}

// checkKeys reports the second and later uses of a key in mapping m.
func (f *File) checkKeys(m *yaml.Node) {
	n := len(m.Content) / 2
	if n < 2 {
		return
	}
	// A quadratic scan beats a map for the handful of keys an OKR mapping has.
	if n <= 16 {
		for i := 2; i+1 < len(m.Content); i += 2 {
			k := m.Content[i]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			for j := 0; j < i; j += 2 {
				if p := m.Content[j]; p.Kind == yaml.ScalarNode && p.Value == k.Value {
					f.duplicateKey(k, p)
					break
				}
			}
		}
		return
	}
	seen := make(map[string]*yaml.Node, n)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			f.duplicateKey(k, prev)
			continue
		}
		seen[k.Value] = k
	}
}

func (f *File) duplicateKey(k, first *yaml.Node) {
	f.issue(PosOf(k), RuleYAML, fmt.Sprintf("duplicate key %q (first at line %d)", k.Value, first.Line))
}

// lineAt returns the 1-based line n of src without its line ending.
func lineAt(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return string(bytes.TrimSuffix(src, []byte("\r")))
}
