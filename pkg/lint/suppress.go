package lint

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/okrctl/okrctl/internal/parallel"
	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/okr"
)

const ignoreMarker = "okrctl:ignore"

// directive is one `# okrctl:ignore RULE[,RULE…] -- reason` comment.
type directive struct {
	line, col int // of the comment
	target    int // the line it silences
	rules     []string
	used      []bool
}

// parseDirectives finds the okrctl:ignore comments of a YAML source. A
// comment after code silences its own line; a comment alone on its line
// silences the line below it, or the first line of code below the run of
// comment lines it is part of (so that directives can be stacked). A blank
// line ends that run: the comment is then above nothing, and unused.
func parseDirectives(src []byte) (ds []*directive, bad []Finding) {
	if !bytes.Contains(src, []byte(ignoreMarker)) {
		return nil, nil
	}
	lines := strings.Split(string(src), "\n")
	var pending []*directive
	// Inside a block scalar, blockIndent is the indentation of the node
	// that holds it and blockText that of its text (-1 until its first
	// line); blockIndent is -1 elsewhere.
	blockIndent, blockText := -1, -1
	for i, text := range lines {
		lineNo := i + 1
		text = strings.TrimSuffix(text, "\r")
		trimmed := strings.TrimSpace(text)
		indent := len(text) - len(strings.TrimLeft(text, " "))
		if blockIndent >= 0 {
			if trimmed == "" {
				continue
			}
			if blockText < 0 && indent > blockIndent {
				blockText = indent
			}
			if blockText >= 0 && indent >= blockText {
				continue // text of a block scalar: a # there is no comment
			}
			blockIndent, blockText = -1, -1
		}
		hash := commentStart(text)
		if opensBlock(text, hash) {
			blockIndent = blockOwnerIndent(text, indent, hash)
		}
		alone := strings.HasPrefix(trimmed, "#")
		if trimmed == "" {
			pending = nil
		}
		if trimmed != "" && !alone {
			for _, d := range pending {
				d.target = lineNo
			}
			pending = nil
		}
		if hash < 0 {
			continue
		}
		comment := strings.TrimSpace(strings.TrimLeft(text[hash:], "#"))
		if !strings.HasPrefix(comment, ignoreMarker) {
			continue
		}
		spec := strings.TrimPrefix(comment, ignoreMarker)
		if k := strings.Index(spec, "--"); k >= 0 {
			spec = spec[:k]
		}
		d := &directive{line: lineNo, col: hash + 1, target: lineNo,
			rules: strings.FieldsFunc(spec, func(c rune) bool { return c == ',' || c == ' ' || c == '\t' })}
		d.used = make([]bool, len(d.rules))
		if len(d.rules) == 0 {
			bad = append(bad, Finding{Line: lineNo, Column: hash + 1, Message: "okrctl:ignore names no rule: write # okrctl:ignore RULE -- reason"})
			continue
		}
		if alone {
			d.target = 0
			pending = append(pending, d)
		}
		ds = append(ds, d)
	}
	return ds, bad
}

// commentStart returns the byte offset of the '#' that starts a YAML
// comment on the line, or -1. A '#' inside quotes or glued to a word is not
// a comment.
func commentStart(line string) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote == '"' && c == '\\':
			i++ // an escaped character, perhaps a quote
		case quote == '\'' && c == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++ // '' is a quote inside a single-quoted scalar
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || line[i-1] == ' ' || line[i-1] == ':' || line[i-1] == '[' || line[i-1] == ',' || line[i-1] == '-' {
				quote = c
			}
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		}
	}
	return -1
}

// blockOwnerIndent returns the indentation of the node that holds the
// block scalar opened on line, whose first character that is not a space
// is at indent: the key's column in "  - title: |", where the text may sit
// at the dash's indentation plus two; the last dash's in "  - |".
func blockOwnerIndent(line string, indent, hash int) int {
	if hash >= 0 {
		line = line[:hash]
	}
	i := indent
	for i+1 < len(line) && line[i] == '-' && line[i+1] == ' ' {
		j := i + 1
		for j < len(line) && line[j] == ' ' {
			j++
		}
		if j < len(line) && (line[j] == '|' || line[j] == '>') {
			return i // the block scalar is the item itself
		}
		i = j
	}
	return i
}

// opensBlock reports whether line, whose comment starts at hash (or -1),
// opens a block scalar: its value is | or >, with optional chomping and
// indentation indicators ("description: |", "- >-", "notes: |2+").
func opensBlock(line string, hash int) bool {
	if hash >= 0 {
		line = line[:hash]
	}
	line = strings.TrimRight(line, " \t")
	i := len(line)
	for i > 0 && (line[i-1] == '-' || line[i-1] == '+' || (line[i-1] >= '0' && line[i-1] <= '9')) {
		i--
	}
	if i == 0 || (line[i-1] != '|' && line[i-1] != '>') {
		return false
	}
	i--
	return i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || line[i-1] == ':'
}

// suppress drops the findings that okrctl:ignore comments silence and adds
// an unused-ignore warning for each comment that silences nothing.
func suppress(files []*okr.File, findings []Finding, cfg *config.Config) []Finding {
	type parsed struct {
		ds  []*directive
		bad []Finding
	}
	all := make([]parsed, len(files))
	parallel.For(len(files), func(i int) {
		all[i].ds, all[i].bad = parseDirectives(files[i].Src)
	})
	byFile := map[string][]*directive{}
	var extra []Finding
	for i, f := range files {
		if len(all[i].ds) > 0 {
			byFile[f.Path] = all[i].ds
		}
		for _, b := range all[i].bad {
			b.File = f.Path
			extra = append(extra, b)
		}
	}
	if len(byFile) == 0 && len(extra) == 0 {
		return findings
	}
	kept := findings[:0]
	for _, fd := range findings {
		silenced := false
		for _, d := range byFile[fd.File] {
			if d.target != fd.Line {
				continue
			}
			for i, r := range d.rules {
				if r == fd.Rule {
					d.used[i], silenced = true, true
				}
			}
		}
		if !silenced {
			kept = append(kept, fd)
		}
	}
	info, _ := RuleByID(RuleUnusedIgnore)
	sev, on := severity(cfg, info)
	if !on {
		return kept
	}
	for path, ds := range byFile {
		for _, d := range ds {
			for i, r := range d.rules {
				if d.used[i] {
					continue
				}
				msg := fmt.Sprintf("okrctl:ignore %s silences nothing here", r)
				if _, known := RuleByID(r); !known {
					msg = fmt.Sprintf("okrctl:ignore names unknown rule %q", r)
				} else if d.target == 0 {
					msg = fmt.Sprintf("okrctl:ignore %s is followed by no line to silence", r)
				}
				extra = append(extra, Finding{File: path, Line: d.line, Column: d.col, Rule: RuleUnusedIgnore, Message: msg})
			}
		}
	}
	for i := range extra {
		extra[i].Rule, extra[i].Severity = RuleUnusedIgnore, sev
	}
	return append(kept, extra...)
}
