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
	"github.com/okrctl/okrctl/schema"
)

// checkSchema validates one document against its kind's schema and turns
// each leaf error into an issue at the offending node.
func checkSchema(d *okr.Document) []okr.Issue {
	if quickValid(d) {
		return nil
	}
	s, err := schema.ForKind(d.Kind)
	if err != nil {
		return []okr.Issue{{File: d.File.Path, Pos: okr.PosOf(d.Node), Rule: RuleSchema, Message: err.Error()}}
	}
	err = s.Validate(toJSON(d.Node, optionalKeys[d.Kind]))
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
		for _, is := range schemaIssues(d, e) {
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
func schemaIssues(d *okr.Document, e *jsonschema.ValidationError) []schemaIssue {
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
		for _, key := range k.Properties {
			kn, _ := okr.Lookup(node, key)
			if kn == nil {
				kn = node
			}
			msg := fmt.Sprintf("unknown key %q in %s", key, where)
			s := okr.Suggest(key, knownKeys(d.Kind, e.InstanceLocation))
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
	case *kind.Pattern, *kind.Minimum, *kind.Maximum:
		switch field {
		case "period":
			return one(node, fmt.Sprintf("period must be YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM (e.g. 2026-Q1), not %s", got))
		default:
			return one(node, fmt.Sprintf("%q must be a slug of lowercase letters, digits, '.', '_' or '-' (e.g. leads-2026q1), not %s", field, got))
		}
	case *kind.MinLength:
		return one(node, fmt.Sprintf("%q must not be empty", field))
	case *kind.ExclusiveMinimum:
		return one(node, fmt.Sprintf("%q must be greater than 0, not %s", field, got))
	}
	return one(node, fmt.Sprintf("%s: %s", where, e.ErrorKind.LocalizedString(englishPrinter)))
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

// knownKeys lists the keys allowed where an unknown key was found, for
// "did you mean" suggestions.
func knownKeys(kind string, path []string) []string {
	switch {
	case kind == okr.KindKPI:
		return []string{"kind", "id", "name", "unit", "aggregation", "good", "frequency", "owner", "description", "column", "source"}
	case len(path) > 0 && path[0] == "key_results":
		return []string{"id", "title", "kpi", "baseline", "target", "direction", "deadline", "weight", "per", "current"}
	}
	return []string{"kind", "id", "title", "owner", "period", "parent", "commitment", "description", "labels", "key_results"}
}

// optionalKeys are, per kind, the keys whose empty (null) value means the
// same as the key left out: "deadline:" is the end of the period, and an
// empty "target:" is the measurable rule's to report, not the schema's.
var optionalKeys = map[string]map[string]bool{
	okr.KindObjective: setOf("parent", "commitment", "description", "labels", "key_results",
		"kpi", "baseline", "target", "direction", "deadline", "weight", "per", "current"),
	okr.KindKPI: setOf("unit", "aggregation", "good", "frequency", "owner", "description", "column", "source"),
}

func setOf(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// toJSON converts a YAML node to the value the schema validator expects.
// Aliases are followed (the loader has bounded their expansion); dates stay
// strings; non-finite floats become strings so that a type error names them;
// optional keys with a null value are left out.
func toJSON(n *yaml.Node, optional map[string]bool) any {
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil
		}
		return toJSON(n.Alias, optional)
	case yaml.MappingNode:
		return mappingJSON(n, optional, nil)
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = toJSON(c, optional)
		}
		return s
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil
		case "!!bool":
			var b bool
			if n.Decode(&b) == nil {
				return b
			}
		case "!!int":
			if f, ok := okr.Number(n); ok {
				if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
					return json.Number(strconv.FormatInt(i, 10))
				}
				return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
			}
		case "!!float":
			if f, ok := okr.Number(n); ok {
				return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
			}
		}
		return n.Value
	}
	return nil
}

// mappingJSON converts a mapping, leaving out the keys skip says a rule
// owns.
func mappingJSON(n *yaml.Node, optional map[string]bool, skip func(k string, v *yaml.Node) bool) map[string]any {
	m := make(map[string]any, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		switch {
		case optional[k] && isNull(v), skip != nil && skip(k, v):
		case k == "key_results" && v.Kind == yaml.SequenceNode:
			krs := make([]any, len(v.Content))
			for j, c := range v.Content {
				if c.Kind == yaml.MappingNode {
					krs[j] = mappingJSON(c, optional, ownedByRule)
				} else {
					krs[j] = toJSON(c, optional)
				}
			}
			m[k] = krs
		case k == "period" && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!float":
			// 2026.0 is an integer to JSON Schema, and no period: match
			// the text against the pattern instead.
			m[k] = v.Value
		default:
			m[k] = toJSON(v, optional)
		}
	}
	return m
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
