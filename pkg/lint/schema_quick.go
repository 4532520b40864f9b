package lint

import (
	"math"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quickValid reports whether document d certainly satisfies its kind's
// JSON schema, checked on the YAML tree without building a JSON value. It
// is a fast path for the common, valid document: when it returns false the
// full validator decides and words the errors, so it may decline anything
// unusual (aliases, tags, duplicate keys, a keyword it does not evaluate).
// It evaluates the shapes derived from the schema (schema_shape.go), never
// a list of fields of its own. FuzzSchema checks that it never accepts what
// the schema rejects.
func (set schemaSet) quickValid(d *yaml.Node, kind string) bool {
	ds, ok := set[kind]
	return ok && quickAccepts(ds.shape, d, false, false)
}

// quickAccepts reports whether s certainly accepts n as toJSON presents it:
// asText for a value presented as its text (see presented), keyResult for
// a mapping whose fields a rule may own.
func quickAccepts(s *shape, n *yaml.Node, asText, keyResult bool) bool {
	if n.Kind == yaml.AliasNode {
		return false
	}
	for head := s; s != nil; s = s.ref {
		if s.opaque || !quickOwn(head, s, n, asText, keyResult) {
			return false
		}
	}
	return true
}

// quickOwn checks n against the keywords of s itself (not its $ref);
// head is the shape s is part of, which says which keys toJSON leaves out.
func quickOwn(head, s *shape, n *yaml.Node, asText, keyResult bool) bool {
	var (
		t   jsonTypes
		f   float64
		b   bool
		str string
	)
	switch {
	case asText:
		t, str = typeString, n.Value
	case n.Kind == yaml.MappingNode:
		t = typeObject
	case n.Kind == yaml.SequenceNode:
		t = typeArray
	case n.Kind == yaml.ScalarNode:
		t, f, b = scalarOf(n)
		str = n.Value
	default:
		return false
	}
	if s.types != 0 && s.types&t == 0 &&
		!(t == typeNumber && s.types&typeInteger != 0 && f == math.Trunc(f)) {
		return false
	}
	if s.enum != nil && !quickEnum(s.enum, t, str, b) {
		return false
	}
	switch t {
	case typeString:
		if s.minLen >= 0 && utf8.RuneCountInString(str) < s.minLen {
			return false
		}
		if s.match != nil && !s.match(str) {
			return false
		}
	case typeNumber:
		// The schema compares the exact decimal the number is written as
		// with the bound; f and the bound are the nearest float64s to
		// them, and rounding keeps order, so f > bound implies decimal >
		// bound. Equality is undecided here: decline it.
		if s.minimum != nil && !(f > *s.minimum) ||
			s.maximum != nil && !(f < *s.maximum) ||
			s.exclusiveMinimum != nil && !(f > *s.exclusiveMinimum) {
			return false
		}
	case typeArray:
		if s.minItems >= 0 && len(n.Content) < s.minItems {
			return false
		}
		if s.items != nil {
			for _, c := range n.Content {
				// Only the mappings right in key_results are key results.
				if !quickAccepts(s.items, c, false, keyResult && c.Kind == yaml.MappingNode) {
					return false
				}
			}
		}
	case typeObject:
		return quickMapping(head, s, n, keyResult)
	}
	return true
}

// quickEnum reports whether a scalar is one of values. Only strings,
// booleans and null are compared; anything else declines.
func quickEnum(values []any, t jsonTypes, str string, b bool) bool {
	for _, v := range values {
		switch v := v.(type) {
		case string:
			if t == typeString && str == v {
				return true
			}
		case bool:
			if t == typeBoolean && b == v {
				return true
			}
		case nil:
			if t == typeNull {
				return true
			}
		}
	}
	return false
}

// quickMapping checks a mapping's keys against s's properties, required
// keys and additionalProperties, leaving out what toJSON leaves out.
func quickMapping(head, s *shape, m *yaml.Node, keyResult bool) bool {
	if hasDuplicateKeys(m) {
		return false // toJSON keeps the last; the schema never sees the first
	}
	var found uint64
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			return false
		}
		omit, asText := presented(head, k.Value, v, keyResult)
		if omit {
			continue
		}
		if j := indexOf(s.required, k.Value); j >= 0 {
			found |= 1 << j
		}
		p, ok := s.props[k.Value]
		switch {
		case ok:
			if !quickAccepts(p, v, asText, k.Value == "key_results" && v.Kind == yaml.SequenceNode) {
				return false
			}
		case s.closed:
			return false
		}
	}
	return found == 1<<len(s.required)-1
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// hasDuplicateKeys reports whether a mapping has a key twice, in time
// linear in its size.
func hasDuplicateKeys(m *yaml.Node) bool {
	n := len(m.Content) / 2
	if n <= 16 {
		for i := 2; i+1 < len(m.Content); i += 2 {
			for j := 0; j < i; j += 2 {
				if m.Content[i].Value == m.Content[j].Value {
					return true
				}
			}
		}
		return false
	}
	seen := make(map[string]bool, n)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if seen[m.Content[i].Value] {
			return true
		}
		seen[m.Content[i].Value] = true
	}
	return false
}
