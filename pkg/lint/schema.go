package lint

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/okrctl/okrctl/pkg/okr"
)

// checkSchema validates one document against its kind's schema and turns
// each leaf error into an issue at the offending node.
func checkSchema(d *okr.Document) []okr.Issue {
	set, err := embedded()
	if err != nil {
		return []okr.Issue{{File: d.File.Path, Pos: okr.PosOf(d.Node), Rule: RuleSchema, Message: err.Error()}}
	}
	return set.check(d, true)
}

// check validates d against its kind's schema; quick lets a document the
// fast check accepts skip the full validator.
func (set schemaSet) check(d *okr.Document, quick bool) []okr.Issue {
	if quick && set.quickValid(d.Node, d.Kind) {
		return nil
	}
	ds, ok := set[d.Kind]
	if !ok {
		return []okr.Issue{{File: d.File.Path, Pos: okr.PosOf(d.Node), Rule: RuleSchema, Message: fmt.Sprintf("no schema for kind %q", d.Kind)}}
	}
	err := ds.full.Validate(toJSON(d.Node, ds.shape))
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var all []schemaIssue
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		for _, is := range schemaIssues(d, ds.shape, e) {
			key := fmt.Sprint(is.Pos, is.Message)
			if !seen[key] {
				seen[key] = true
				all = append(all, is)
			}
		}
	}
	walk(ve)
	// A misspelt required key ("owners") is one problem: the unknown key,
	// with its suggestion, says it all; the missing key is not reported too.
	misspelt := map[schemaKey]bool{}
	for _, is := range all {
		if is.suggests != "" {
			misspelt[schemaKey{is.mapping, is.suggests}] = true
		}
	}
	var out []okr.Issue
	for _, is := range all {
		if is.missing == "" || !misspelt[schemaKey{is.mapping, is.missing}] {
			out = append(out, is.Issue)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pos.Line != out[j].Pos.Line {
			return out[i].Pos.Line < out[j].Pos.Line
		}
		return out[i].Pos.Col < out[j].Pos.Col
	})
	return out
}

// schemaIssue is an issue with what checkSchema needs to drop the
// duplicate of a misspelt required key.
type schemaIssue struct {
	okr.Issue
	mapping  *yaml.Node // the mapping of a required or additionalProperties error
	missing  string     // the required key that is missing
	suggests string     // the known key an unknown key is likely a typo of
}

type schemaKey struct {
	mapping *yaml.Node
	key     string
}

// schemaIssues words one leaf validation error for a business user.
func schemaIssues(d *okr.Document, root *shape, e *jsonschema.ValidationError) []schemaIssue {
	node, field, where := locate(d, e.InstanceLocation)
	issue := func(n *yaml.Node, msg string) schemaIssue {
		return schemaIssue{Issue: okr.Issue{File: d.File.Path, Pos: okr.PosOf(n), Rule: RuleSchema, Message: msg}}
	}
	one := func(n *yaml.Node, msg string) []schemaIssue { return []schemaIssue{issue(n, msg)} }
	got := describe(node)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		var out []schemaIssue
		for _, key := range k.Missing {
			is := issue(node, fmt.Sprintf("%s is missing the required key %q", where, key))
			is.mapping, is.missing = node, key
			out = append(out, is)
		}
		return out
	case *kind.AdditionalProperties:
		var out []schemaIssue
		known := root.at(e.InstanceLocation).keys()
		for _, key := range k.Properties {
			kn, _ := okr.Lookup(node, key)
			if kn == nil {
				kn = node
			}
			msg := fmt.Sprintf("unknown key %q in %s", key, where)
			s := okr.Suggest(key, known)
			if s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			is := issue(kn, msg)
			is.mapping, is.suggests = node, s
			out = append(out, is)
		}
		return out
	case *kind.Type:
		return one(node, fmt.Sprintf("%q must be %s, not %s", field, typeNames(k.Want), got))
	case *kind.Enum:
		return one(node, fmt.Sprintf("%q must be one of %s, not %s", field, values(k.Want), got))
	case *kind.Const:
		return one(node, fmt.Sprintf("%q must be %s", field, values([]any{k.Want})))
	case *kind.Pattern:
		return one(node, patternMessage(k.Want, field, got))
	case *kind.Minimum, *kind.Maximum:
		// A bound beside a pattern (a period written as a year) is the
		// same format, worded the same way.
		if s := root.at(e.InstanceLocation); s != nil && s.pattern != nil {
			return one(node, patternMessage(s.pattern.String(), field, got))
		}
		if m, ok := k.(*kind.Minimum); ok {
			return one(node, fmt.Sprintf("%q must be at least %s, not %s", field, m.Want.RatString(), got))
		}
		return one(node, fmt.Sprintf("%q must be at most %s, not %s", field, k.(*kind.Maximum).Want.RatString(), got))
	case *kind.MinLength:
		return one(node, fmt.Sprintf("%q must not be empty", field))
	case *kind.ExclusiveMinimum:
		return one(node, fmt.Sprintf("%q must be greater than 0, not %s", field, got))
	}
	return one(node, fmt.Sprintf("%s: %s", where, e.ErrorKind.LocalizedString(englishPrinter)))
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

// typeNames words the JSON types a value may take: "a number", "a string
// or a list". An integer is a whole number, and no more than a number
// where a number is allowed too.
func typeNames(want []string) string {
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
		case "array":
			t = "list"
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

// locate follows an instance location through the YAML tree. It returns the node,
// the name of the field it is the value of, and a description of the
// mapping it sits in ("key result 2 (leads)").
func locate(d *okr.Document, path []string) (n *yaml.Node, field, where string) {
	n = d.Node
	where = map[string]string{okr.KindObjective: "the objective", okr.KindKPI: "the KPI"}[d.Kind]
	for _, seg := range path {
		switch n.Kind {
		case yaml.MappingNode:
			_, v := okr.Lookup(n, seg)
			if v == nil {
				return n, field, where
			}
			if seg == "key_results" {
				where = "key_results"
			}
			field, n = seg, v
		case yaml.SequenceNode:
			i, err := strconv.Atoi(seg)
			if err != nil || i >= len(n.Content) {
				return n, field, where
			}
			if field == "key_results" {
				where = fmt.Sprintf("key result %d", i+1)
				if _, id := okr.Lookup(n.Content[i], "id"); id != nil && id.Kind == yaml.ScalarNode {
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
		// The JSON text of an integer is its digits when they parse as
		// such (see scalarJSON), so its value is theirs.
		if _, ok := okr.Number(n); ok {
			if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
				return typeNumber, float64(i), false
			}
			f, _ := okr.Number(n)
			return typeNumber, f, false
		}
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
// that one problem gives one finding (SPEC §3): a target that is not a
// number is measurable's to report, and a deadline, whatever its type,
// deadline's.
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

func setOf(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}
