package lint

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/okrctl/okrctl/internal/suggest"
	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/okr"
)

// checkSchema validates one document against its kind's schema and turns
// each leaf error into an issue at the offending node.
func checkSchema(d *okr.Document) []diag.Finding {
	set, err := embedded()
	if err != nil {
		return []diag.Finding{{File: d.File.Path, Line: d.Node.Line, Column: d.Node.Column, Rule: RuleSchema, Message: err.Error()}}
	}
	return set.check(d, true)
}

// check validates d against its kind's schema; quick lets a document the
// fast check accepts skip the full validator.
func (set schemaSet) check(d *okr.Document, quick bool) []diag.Finding {
	if quick && set.quickValid(d.Node, d.Kind) {
		return nil
	}
	ds, ok := set[d.Kind]
	if !ok {
		return []diag.Finding{{File: d.File.Path, Line: d.Node.Line, Column: d.Node.Column, Rule: RuleSchema, Message: fmt.Sprintf("no schema for kind %q", d.Kind)}}
	}
	err := ds.full.Validate(toJSON(d.Node, ds.shape))
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	r := &schemaReport{doc: d, root: ds.shape}
	var all []schemaIssue
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		all = r.appendIssues(all, e)
	}
	walk(ve)
	return capIssues(d.File.Path, dropMisspeltRequired(all), r.docName())
}

// issueGroup is a kind of schema issue, as capIssues counts them.
type issueGroup uint8

const (
	groupMissing issueGroup = iota
	groupUnknown
	groupValue
)

var groupNames = [...]string{groupMissing: "missing keys", groupUnknown: "unknown keys", groupValue: "invalid values"}

// schemaIssue is one schema problem of a document. The messages of
// unknown and missing keys are worded only for the issues reported, so
// that a mapping of a million unknown keys costs a million small records,
// not a million messages and suggestions.
type schemaIssue struct {
	pos   okr.Pos     // where the issue is reported
	in    *keyMapping // the mapping of a missing or unknown key
	key   string      // the missing or unknown key
	msg   string      // the message of an invalid value
	group issueGroup
}

// keyMapping is a mapping that misses or has unknown keys.
type keyMapping struct {
	node  *yaml.Node
	where string   // the mapping, in words
	known []string // the keys the schema allows in it
}

// suggestion returns the allowed key an unknown key is likely a typo of.
func (is *schemaIssue) suggestion() string { return suggest.Closest(is.key, is.in.known) }

// message words the issue.
func (is *schemaIssue) message() string {
	switch is.group {
	case groupMissing:
		return fmt.Sprintf("%s is missing the required key %q", is.in.where, is.key)
	case groupUnknown:
		msg := fmt.Sprintf("unknown key %q in %s", is.key, is.in.where)
		if s := is.suggestion(); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		}
		return msg
	}
	return is.msg
}

// dropMisspeltRequired drops the missing key that an unknown key of the
// same mapping is likely a typo of: a misspelt required key ("owners") is
// one problem, which the unknown key with its suggestion says all of.
func dropMisspeltRequired(all []schemaIssue) []schemaIssue {
	type mappingKey struct {
		mapping *yaml.Node
		key     string
	}
	missing := map[mappingKey]bool{}
	lacks := map[*yaml.Node]bool{}
	for _, is := range all {
		if is.group == groupMissing {
			missing[mappingKey{is.in.node, is.key}] = true
			lacks[is.in.node] = true
		}
	}
	if len(missing) == 0 {
		return all
	}
	misspelt := map[mappingKey]bool{}
	for i := range all {
		if is := &all[i]; is.group == groupUnknown && lacks[is.in.node] {
			if s := is.suggestion(); missing[mappingKey{is.in.node, s}] {
				misspelt[mappingKey{is.in.node, s}] = true
			}
		}
	}
	kept := all[:0]
	for _, is := range all {
		if is.group != groupMissing || !misspelt[mappingKey{is.in.node, is.key}] {
			kept = append(kept, is)
		}
	}
	return kept
}

// capIssues sorts issues by position, drops repeated ones (one value may
// break the same keyword twice, through a $ref and beside it), keeps the
// first maxOfAKind of each kind, and says how many more there are at
// the first one left out.
func capIssues(file string, issues []schemaIssue, doc string) []diag.Finding {
	// The issues are sorted in place: records of positions, without a
	// pointer to follow, sort fast even by the million.
	slices.SortFunc(issues, func(a, b schemaIssue) int {
		switch {
		case a.pos.Line != b.pos.Line:
			return cmp.Compare(a.pos.Line, b.pos.Line)
		case a.pos.Col != b.pos.Col:
			return cmp.Compare(a.pos.Col, b.pos.Col)
		case a.group != b.group:
			return cmp.Compare(a.group, b.group)
		case a.key != b.key:
			return strings.Compare(a.key, b.key)
		}
		return strings.Compare(a.msg, b.msg)
	})
	var count [len(groupNames)]int
	var out []diag.Finding
	report := func(pos okr.Pos, msg string) {
		out = append(out, diag.Finding{File: file, Line: pos.Line, Column: pos.Col, Rule: RuleSchema, Message: msg})
	}
	var more []*schemaIssue // the first issue left out, of each kind
	for i := range issues {
		is := &issues[i]
		if i > 0 {
			if p := &issues[i-1]; p.pos == is.pos && p.group == is.group && p.key == is.key && p.msg == is.msg {
				continue
			}
		}
		count[is.group]++
		switch n := count[is.group]; {
		case n <= maxOfAKind:
			report(is.pos, is.message())
		case n == maxOfAKind+1:
			more = append(more, is)
		}
	}
	for _, is := range more {
		report(is.pos, andMore(count[is.group]-maxOfAKind, groupNames[is.group], doc))
	}
	slices.SortStableFunc(out, func(a, b diag.Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return out
}

// schemaReport words the validation errors of one document. It indexes
// each mapping it looks keys up in once, so that the errors of a mapping
// of many keys cost time linear in its size.
type schemaReport struct {
	doc   *okr.Document
	root  *shape
	index map[*yaml.Node]map[string]int // mapping → key → index of the key node
}

// lookup returns the key and value nodes of key in mapping m, as
// okr.Lookup does.
func (r *schemaReport) lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	m = okr.Deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	if len(m.Content) < 32 {
		return okr.Lookup(m, key)
	}
	idx, ok := r.index[m]
	if !ok {
		idx = make(map[string]int, len(m.Content)/2)
		for i := 0; i+1 < len(m.Content); i += 2 {
			c := m.Content[i]
			if _, dup := idx[c.Value]; !dup && c.Kind == yaml.ScalarNode {
				idx[c.Value] = i
			}
		}
		if r.index == nil {
			r.index = map[*yaml.Node]map[string]int{}
		}
		r.index[m] = idx
	}
	i, ok := idx[key]
	if !ok {
		return nil, nil
	}
	return m.Content[i], okr.Deref(m.Content[i+1])
}

// appendIssues words one leaf validation error for a business user.
func (r *schemaReport) appendIssues(all []schemaIssue, e *jsonschema.ValidationError) []schemaIssue {
	node, field, where := r.locate(e.InstanceLocation)
	value := func(msg string) []schemaIssue {
		return append(all, schemaIssue{pos: okr.PosOf(node), group: groupValue, msg: msg})
	}
	got := describe(node)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		in := &keyMapping{node: node, where: where}
		for _, key := range k.Missing {
			all = append(all, schemaIssue{pos: okr.PosOf(node), group: groupMissing, in: in, key: key})
		}
		return all
	case *kind.AdditionalProperties:
		in := &keyMapping{node: node, where: where, known: r.root.at(e.InstanceLocation).keys()}
		all = slices.Grow(all, len(k.Properties))
		for _, key := range k.Properties {
			kn, _ := r.lookup(node, key)
			if kn == nil {
				kn = node
			}
			all = append(all, schemaIssue{pos: okr.PosOf(kn), group: groupUnknown, in: in, key: key})
		}
		return all
	case *kind.Type:
		return value(fmt.Sprintf("%q must be %s, not %s", field, typeNames(k.Want, r.root.at(e.InstanceLocation)), got))
	case *kind.Enum:
		return value(fmt.Sprintf("%q must be one of %s, not %s", field, values(k.Want), got))
	case *kind.Const:
		return value(fmt.Sprintf("%q must be %s", field, values([]any{k.Want})))
	case *kind.Pattern:
		return value(patternMessage(k.Want, field, got))
	case *kind.Minimum, *kind.Maximum:
		// A bound beside a pattern (a period written as a year) is the
		// same format, worded the same way.
		if s := r.root.at(e.InstanceLocation); s != nil && s.pattern != nil {
			return value(patternMessage(s.pattern.String(), field, got))
		}
		if m, ok := k.(*kind.Minimum); ok {
			return value(fmt.Sprintf("%q must be at least %s, not %s", field, m.Want.RatString(), got))
		}
		return value(fmt.Sprintf("%q must be at most %s, not %s", field, k.(*kind.Maximum).Want.RatString(), got))
	case *kind.MinLength:
		return value(fmt.Sprintf("%q must not be empty", field))
	case *kind.MinItems:
		return value(fmt.Sprintf("%q must not be an empty list", field))
	case *kind.ExclusiveMinimum:
		return value(fmt.Sprintf("%q must be greater than %s, not %s", field, k.Want.RatString(), got))
	}
	return value(fmt.Sprintf("%s: %s", where, e.ErrorKind.LocalizedString(englishPrinter)))
}

// patternWords words the patterns of the schema for a business user, by
// the pattern's text: %[1]q is the field, %[2]s the value. A pattern
// missing here reads "must match the pattern"; TestPatternsWorded lists
// the schema's patterns that are.
var patternWords = map[string]string{
	`^[a-z0-9][a-z0-9._-]*$`:                       `%[1]q must be a slug of lowercase letters, digits, '.', '_' or '-' (e.g. leads-2026q1), not %[2]s`,
	`^[0-9]{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$`: `period must be YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM (e.g. 2026-Q1), not %[2]s`,
	`^[A-Za-z_][A-Za-z0-9_]*$`:                     `%[1]q must be the name of an environment variable (letters, digits and '_', e.g. CRM_DSN), not %[2]s`,
	`^https?://`:                                   `%[1]q must be an http:// or https:// URL, not %[2]s`,
}

// patternMessage words a value of field that does not match pattern.
func patternMessage(pattern, field, got string) string {
	if w, ok := patternWords[pattern]; ok {
		return fmt.Sprintf(w, field, got)
	}
	return fmt.Sprintf("%q must match the pattern %s, not %s", field, pattern, got)
}

var englishPrinter = message.NewPrinter(language.English)

// typeNames words the JSON types a value of shape s may take: "a number",
// "a string or a list of strings", "a {value, date} mapping". An integer
// is a whole number, and no more than a number where a number is allowed
// too.
func typeNames(want []string, s *shape) string {
	var names []string
	for _, t := range want {
		switch t {
		case "integer":
			if len(want) > 1 {
				continue
			}
			t = "whole number"
		case "object":
			t = "mapping"
			if keys := s.keys(); len(keys) > 3 {
				t = "{" + strings.Join(append(s.requiredKeys(), "…"), ", ") + "} mapping"
			} else if len(keys) > 0 {
				t = "{" + strings.Join(keys, ", ") + "} mapping"
			}
		case "array":
			t = "list"
			if item := s.item(); item != nil && item.types == typeString {
				t = "list of strings"
			}
		}
		article := "a "
		if strings.IndexByte("aeiou", t[0]) >= 0 {
			article = "an "
		}
		names = append(names, article+t)
	}
	return strings.Join(names, " or ")
}

// values lists the values of an enum as JSON writes them.
func values(vs []any) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		if str, ok := v.(string); ok {
			s[i] = strconv.Quote(str)
		} else {
			s[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(s, ", ")
}

// locate follows an instance location through the YAML tree. It returns
// the node, the name of the field it is the value of, and a description of
// the mapping it sits in: key result 2, "current" of key result "leads".
func (r *schemaReport) locate(path []string) (n *yaml.Node, field, where string) {
	n = r.doc.Node
	where = r.docName()
	for _, seg := range path {
		switch n.Kind {
		case yaml.MappingNode:
			_, v := r.lookup(n, seg)
			if v == nil {
				return n, field, where
			}
			switch {
			case seg == "key_results":
				where = "key_results"
			case v.Kind == yaml.MappingNode:
				where = fmt.Sprintf("%q of %s", seg, where)
			}
			field, n = seg, v
		case yaml.SequenceNode:
			i, err := strconv.Atoi(seg)
			if err != nil || i >= len(n.Content) {
				return n, field, where
			}
			if field == "key_results" {
				where = fmt.Sprintf("key result %d", i+1)
				if _, id := r.lookup(n.Content[i], "id"); id != nil && id.Kind == yaml.ScalarNode {
					where = fmt.Sprintf("key result %q", id.Value)
				}
			}
			field, n = field+"["+seg+"]", n.Content[i]
			if n.Kind == yaml.AliasNode && n.Alias != nil {
				n = n.Alias
			}
		default:
			return n, field, where
		}
	}
	return n, field, where
}

// docName names the document in a message.
func (r *schemaReport) docName() string {
	return map[string]string{okr.KindObjective: "the objective", okr.KindKPI: "the KPI"}[r.doc.Kind]
}

// describe shows a value in a message: a quoted string, a number, or the
// kind of node.
func describe(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!null":
		return "empty"
	case "!!int", "!!float":
		return n.Value
	case "!!bool":
		return n.Value + " (a yes/no value)"
	case "!!timestamp":
		return n.Value + " (a date)"
	}
	v := n.Value
	if len(v) > 60 {
		v = v[:57] + "..."
	}
	return strconv.Quote(v)
}

// toJSON converts a YAML node to the value the schema validator expects,
// s being the node's shape (nil where the schema does not describe it).
// Aliases are followed (the loader has bounded their expansion); what a
// mapping leaves out or presents as text, presented decides.
func toJSON(n *yaml.Node, s *shape) any {
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil
		}
		return toJSON(n.Alias, s)
	case yaml.MappingNode:
		return mappingJSON(n, s, false)
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, c := range n.Content {
			out[i] = toJSON(c, s.item())
		}
		return out
	case yaml.ScalarNode:
		return scalarJSON(n)
	}
	return nil
}

// mappingJSON converts a mapping of shape s; keyResult says it is an item
// of key_results, whose fields a rule may own.
func mappingJSON(n *yaml.Node, s *shape, keyResult bool) map[string]any {
	m := make(map[string]any, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		omit, asText := presented(s, k, v, keyResult)
		switch {
		case omit:
		case asText:
			m[k] = v.Value
		case k == "key_results" && v.Kind == yaml.SequenceNode:
			item := s.prop(k).item()
			krs := make([]any, len(v.Content))
			for j, c := range v.Content {
				if c.Kind == yaml.MappingNode {
					krs[j] = mappingJSON(c, item, true)
				} else {
					krs[j] = toJSON(c, item)
				}
			}
			m[k] = krs
		default:
			m[k] = toJSON(v, s.prop(k))
		}
	}
	return m
}

// presented says how the value v of key k in a mapping of shape s meets
// the schema (toJSON and the fast check both ask it): left out, when k is
// optional in that mapping and v is null ("deadline:" is the end of the
// period), or when a rule owns the field of a key result; or as its text,
// for a period written as a float (2026.0 is an integer to JSON Schema,
// and no period: the text is matched against the pattern instead).
func presented(s *shape, k string, v *yaml.Node, keyResult bool) (omit, asText bool) {
	switch {
	case isNull(v) && s.optional(k), keyResult && ownedByRule(k, v):
		return true, false
	case k == "period" && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!float":
		return false, true
	}
	return false, false
}

// scalarOf returns the JSON type of a YAML scalar as the schema sees it
// and, for a number or a boolean, its value. Dates stay strings; so do
// non-finite floats, so that a type error names them.
func scalarOf(n *yaml.Node) (t jsonTypes, f float64, b bool) {
	switch n.ShortTag() {
	case "!!null":
		return typeNull, 0, false
	case "!!bool":
		if v, ok := decodeBool(n); ok {
			return typeBoolean, 0, v
		}
	case "!!int":
		f, ok := okr.Number(n)
		if !ok {
			break
		}
		// The JSON text of an integer is its digits when they parse as
		// such (see scalarJSON), so its value is theirs.
		if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			f = float64(i)
		}
		return typeNumber, f, false
	case "!!float":
		if f, ok := okr.Number(n); ok {
			return typeNumber, f, false
		}
	}
	return typeString, 0, false
}

// decodeBool is apart from scalarOf so that only a boolean's value
// escapes to the heap.
func decodeBool(n *yaml.Node) (bool, bool) {
	var b bool
	err := n.Decode(&b)
	return b, err == nil
}

// scalarJSON converts a YAML scalar as scalarOf types it.
func scalarJSON(n *yaml.Node) any {
	t, f, b := scalarOf(n)
	switch t {
	case typeNull:
		return nil
	case typeBoolean:
		return b
	case typeNumber:
		if n.ShortTag() == "!!int" {
			if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
				return json.Number(strconv.FormatInt(i, 10))
			}
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return n.Value
}

// ownedByRule reports whether a key result's field is left to a rule, so
// that one problem gives one finding (docs/architecture.md, "The schema is
// the list of fields"): a target that is not a number is measurable's to
// report, and a deadline, whatever its type, deadline's.
func ownedByRule(k string, v *yaml.Node) bool {
	switch k {
	case "target":
		_, ok := okr.Number(okr.Deref(v))
		return !ok
	case "deadline":
		return true
	}
	return false
}

func isNull(n *yaml.Node) bool {
	n = okr.Deref(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}
