package lint

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/schema"
)

// checkSchema validates one document against its kind's schema and turns
// each leaf error into an issue at the offending node.
func checkSchema(d *okr.Document) []okr.Issue {
	s, err := schema.ForKind(d.Kind)
	if err != nil {
		return []okr.Issue{{File: d.File.Path, Pos: okr.PosOf(d.Node), Rule: RuleSchema, Message: err.Error()}}
	}
	err = s.Validate(toJSON(d.Node))
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []okr.Issue
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
				out = append(out, is)
			}
		}
	}
	walk(ve)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pos.Line != out[j].Pos.Line {
			return out[i].Pos.Line < out[j].Pos.Line
		}
		return out[i].Pos.Col < out[j].Pos.Col
	})
	return out
}

var (
	quotedRE   = regexp.MustCompile(`'([^']*)'`)
	expectedRE = regexp.MustCompile(`^expected (.+), but got (\w+)$`)
)

// schemaIssues words one leaf validation error for a business user.
func schemaIssues(d *okr.Document, e *jsonschema.ValidationError) []okr.Issue {
	node, field, where := locate(d, e.InstanceLocation)
	keyword := e.KeywordLocation[strings.LastIndex(e.KeywordLocation, "/")+1:]
	issue := func(n *yaml.Node, msg string) okr.Issue {
		return okr.Issue{File: d.File.Path, Pos: okr.PosOf(n), Rule: RuleSchema, Message: msg}
	}
	got := describe(node)
	switch keyword {
	case "required":
		var out []okr.Issue
		for _, m := range quotedRE.FindAllStringSubmatch(e.Message, -1) {
			out = append(out, issue(node, fmt.Sprintf("%s is missing the required key %q", where, m[1])))
		}
		return out
	case "additionalProperties":
		var out []okr.Issue
		for _, m := range quotedRE.FindAllStringSubmatch(e.Message, -1) {
			k, _ := okr.Lookup(node, m[1])
			if k == nil {
				k = node
			}
			msg := fmt.Sprintf("unknown key %q in %s", m[1], where)
			if s := okr.Suggest(m[1], knownKeys(d.Kind, e.InstanceLocation)); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			out = append(out, issue(k, msg))
		}
		return out
	case "type":
		want := e.Message
		if m := expectedRE.FindStringSubmatch(e.Message); m != nil {
			want = strings.ReplaceAll(m[1], " or integer", "")
			want = strings.ReplaceAll(want, "integer", "whole number")
		}
		article := "a "
		if strings.HasPrefix(want, "object") || strings.HasPrefix(want, "array") || strings.HasPrefix(want, "integer") {
			article = "an "
		}
		want = strings.NewReplacer("object", "mapping", "array", "list").Replace(want)
		if want == "mapping" || want == "list" {
			article = "a "
		}
		return []okr.Issue{issue(node, fmt.Sprintf("%q must be %s%s, not %s", field, article, want, got))}
	case "enum":
		msg := strings.TrimPrefix(e.Message, "value must be one of ")
		return []okr.Issue{issue(node, fmt.Sprintf("%q must be one of %s, not %s", field, msg, got))}
	case "const":
		return []okr.Issue{issue(node, fmt.Sprintf("%q must be %s", field, strings.TrimPrefix(e.Message, "value must be ")))}
	case "pattern", "minimum", "maximum":
		switch field {
		case "period":
			return []okr.Issue{issue(node, fmt.Sprintf("period must be YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM (e.g. 2026-Q1), not %s", got))}
		default:
			return []okr.Issue{issue(node, fmt.Sprintf("%q must be a slug of lowercase letters, digits, '.', '_' or '-' (e.g. leads-2026q1), not %s", field, got))}
		}
	case "minLength":
		return []okr.Issue{issue(node, fmt.Sprintf("%q must not be empty", field))}
	case "exclusiveMinimum":
		return []okr.Issue{issue(node, fmt.Sprintf("%q must be greater than 0, not %s", field, got))}
	}
	return []okr.Issue{issue(node, fmt.Sprintf("%s: %s", where, e.Message))}
}

// locate follows a JSON pointer through the YAML tree. It returns the node,
// the name of the field it is the value of, and a description of the
// mapping it sits in ("key result 2 (leads)").
func locate(d *okr.Document, pointer string) (n *yaml.Node, field, where string) {
	n = d.Node
	where = map[string]string{okr.KindObjective: "the objective", okr.KindKPI: "the KPI"}[d.Kind]
	if pointer == "" {
		return n, "", where
	}
	for _, seg := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		seg = strings.NewReplacer("~1", "/", "~0", "~").Replace(seg)
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
func knownKeys(kind, pointer string) []string {
	switch {
	case kind == okr.KindKPI:
		return []string{"kind", "id", "name", "unit", "aggregation", "good", "frequency", "owner", "description"}
	case strings.HasPrefix(pointer, "/key_results/"):
		return []string{"id", "title", "kpi", "baseline", "target", "direction", "deadline", "weight", "current"}
	}
	return []string{"kind", "id", "title", "owner", "period", "parent", "commitment", "description", "labels", "key_results"}
}

// toJSON converts a YAML node to the value the schema validator expects.
// Aliases are followed (the loader has bounded their expansion); dates stay
// strings; non-finite floats become strings so that a type error names them.
func toJSON(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil
		}
		return toJSON(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = toJSON(c)
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
