package okr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
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

// Issue is a problem found while loading a file.
type Issue struct {
	File    string
	Pos     Pos
	Rule    string
	Message string
}

// File is one parsed YAML file.
type File struct {
	Path   string // as displayed: relative to the working directory, '/'-separated
	Src    []byte
	Docs   []*Document
	Issues []Issue
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
func (f *File) Line(n int) string {
	src := f.Src
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

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// ParseFile parses src as a YAML file of one or more documents. Syntax
// errors and unsafe input become Issues on the returned File; it never
// panics.
func ParseFile(path string, src []byte) (f *File) {
	f = &File{Path: path, Src: src}
	defer func() {
		if r := recover(); r != nil {
			f.Docs = nil
			f.issue(Pos{1, 1}, RuleYAML, fmt.Sprintf("cannot parse YAML: %v", r))
		}
	}()
	if len(src) > MaxFileSize {
		f.issue(Pos{1, 1}, RuleYAML, fmt.Sprintf("file is %d bytes, more than the %d MiB okrctl reads", len(src), MaxFileSize>>20))
		return f
	}
	if pos, msg := checkText(src); msg != "" {
		f.issue(pos, RuleYAML, msg)
		return f
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for i := 0; ; i++ {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			f.issue(yamlErrorPos(err), RuleYAML, yamlErrorMessage(err))
			break
		}
		if len(doc.Content) == 0 {
			continue
		}
		n := doc.Content[0]
		if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
			continue // an empty document, e.g. a trailing '---'
		}
		if !f.checkTree(n) {
			continue
		}
		d := &Document{File: f, Index: i, Node: n}
		if _, k := Lookup(n, "kind"); k != nil && k.Kind == yaml.ScalarNode {
			d.Kind = k.Value
		}
		f.Docs = append(f.Docs, d)
	}
	return f
}

func (f *File) issue(p Pos, rule, msg string) {
	f.Issues = append(f.Issues, Issue{File: f.Path, Pos: p, Rule: rule, Message: msg})
}

// checkText finds invalid UTF-8 and control characters, which the YAML
// parser reports without a position.
func checkText(src []byte) (Pos, string) {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return Pos{line, col}, fmt.Sprintf("invalid UTF-8 (byte 0x%02x): okrctl reads UTF-8 text files only", src[i])
		case r == '\n':
			line, col = line+1, 0
		case r == '\uFEFF' && i == 0, r == '\t', r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return Pos{line, col}, fmt.Sprintf("control character %U is not allowed: is this a binary file?", r)
		}
		i += size
		col++
	}
	return Pos{}, ""
}

// checkTree reports duplicate keys, excessive nesting and alias bombs.
func (f *File) checkTree(root *yaml.Node) bool {
	ok := true
	expanded := 0
	var walk func(n *yaml.Node, depth int, viaAlias bool)
	walk = func(n *yaml.Node, depth int, viaAlias bool) {
		if !ok || n == nil {
			return
		}
		if viaAlias {
			expanded++
		}
		if expanded > maxExpansion {
			f.issue(PosOf(n), RuleYAML, fmt.Sprintf("aliases expand this document past %d nodes (an alias bomb?)", maxExpansion))
			ok = false
			return
		}
		if depth > MaxDepth {
			f.issue(PosOf(n), RuleYAML, fmt.Sprintf("nesting deeper than %d levels", MaxDepth))
			ok = false
			return
		}
		switch n.Kind {
		case yaml.AliasNode:
			walk(n.Alias, depth, true)
		case yaml.MappingNode:
			if !viaAlias {
				seen := make(map[string]*yaml.Node, len(n.Content)/2)
				for i := 0; i+1 < len(n.Content); i += 2 {
					k := n.Content[i]
					if k.Kind != yaml.ScalarNode {
						continue
					}
					if prev, dup := seen[k.Value]; dup {
						f.issue(PosOf(k), RuleYAML, fmt.Sprintf("duplicate key %q (first at line %d)", k.Value, prev.Line))
						continue
					}
					seen[k.Value] = k
				}
			}
			for _, c := range n.Content {
				walk(c, depth+1, viaAlias)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, depth+1, viaAlias)
			}
		}
	}
	walk(root, 1, false)
	return ok
}

func yamlErrorPos(err error) Pos {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			return Pos{n, 1}
		}
	}
	return Pos{1, 1}
}

func yamlErrorMessage(err error) string {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return "invalid YAML: " + msg
}
