package lint

import (
	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/okr"
)

// quickValid reports whether document d certainly satisfies its kind's
// JSON schema (schema/objective.json, schema/kpi.json), checked by hand
// without building a JSON value. It is a fast path for the common, valid
// document: when it returns false the full validator decides and words the
// errors, so it may refuse anything unusual (aliases, tags, odd numbers).
// FuzzSchema checks that it never accepts what the schema rejects.
func quickValid(d *okr.Document) bool {
	switch d.Kind {
	case okr.KindObjective:
		return quickMapping(d.Node, objectiveFields)
	case okr.KindKPI:
		return quickMapping(d.Node, kpiFields)
	}
	return false
}

type fieldCheck struct {
	required bool
	valid    func(n *yaml.Node) bool
}

var (
	objectiveFields map[string]fieldCheck
	keyResultFields map[string]fieldCheck
	kpiFields       map[string]fieldCheck
)

func init() {
	keyResultFields = map[string]fieldCheck{
		"id":        {true, isSlug},
		"title":     {true, isText},
		"kpi":       {false, isSlug},
		"baseline":  {false, isNumber},
		"target":    {false, isNumber},
		"direction": {false, isOneOf("increase", "decrease", "at_least", "at_most")},
		"deadline":  {false, isString},
		"weight":    {false, isPositive},
		"current":   {false, isNumber},
		"per":       {false, isOneOf("week", "month", "quarter")},
	}
	objectiveFields = map[string]fieldCheck{
		"kind":        {true, isOneOf("Objective")},
		"id":          {true, isSlug},
		"title":       {true, isText},
		"owner":       {true, isText},
		"period":      {true, isPeriod},
		"parent":      {false, isSlug},
		"commitment":  {false, isOneOf("aspirational", "committed")},
		"description": {false, isString},
		"labels":      {false, isList(isString)},
		"key_results": {false, isList(func(n *yaml.Node) bool { return quickMapping(n, keyResultFields) })},
	}
	kpiFields = map[string]fieldCheck{
		"kind":        {true, isOneOf("KPI")},
		"id":          {true, isSlug},
		"name":        {true, isText},
		"unit":        {false, isString},
		"aggregation": {false, isOneOf("last", "sum", "avg", "min", "max")},
		"good":        {false, isOneOf("up", "down")},
		"frequency":   {false, isOneOf("daily", "weekly", "monthly", "quarterly")},
		"owner":       {false, isString},
		"description": {false, isString},
	}
}

// quickMapping checks a mapping's keys and values against fields. Optional
// keys with a null value count as absent, as in toJSON.
func quickMapping(m *yaml.Node, fields map[string]fieldCheck) bool {
	if m == nil || m.Kind != yaml.MappingNode {
		return false
	}
	found := 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			return false
		}
		f, ok := fields[k.Value]
		if !ok {
			return false
		}
		if f.required {
			found++
		} else if isNullNode(v) {
			continue
		}
		if !f.valid(v) {
			return false
		}
	}
	required := 0
	for _, f := range fields {
		if f.required {
			required++
		}
	}
	// A duplicated required key could make up for a missing one: refuse.
	return found == required && !hasDuplicateKeys(m)
}

func hasDuplicateKeys(m *yaml.Node) bool {
	for i := 2; i+1 < len(m.Content); i += 2 {
		for j := 0; j < i; j += 2 {
			if m.Content[i].Value == m.Content[j].Value {
				return true
			}
		}
	}
	return false
}

func isNullNode(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// isString accepts the scalars toJSON turns into JSON strings for sure.
func isString(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	t := n.ShortTag()
	return t == "!!str" || t == "!!timestamp"
}

func isText(n *yaml.Node) bool { return isString(n) && n.Value != "" }

func isNumber(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	_, ok := okr.Number(n)
	return ok
}

func isPositive(n *yaml.Node) bool {
	f, ok := okr.Number(n)
	return ok && n.Kind == yaml.ScalarNode && f > 0
}

func isOneOf(values ...string) func(*yaml.Node) bool {
	return func(n *yaml.Node) bool {
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
			return false
		}
		for _, v := range values {
			if n.Value == v {
				return true
			}
		}
		return false
	}
}

func isList(item func(*yaml.Node) bool) func(*yaml.Node) bool {
	return func(n *yaml.Node) bool {
		if n.Kind != yaml.SequenceNode {
			return false
		}
		for _, c := range n.Content {
			if !item(c) {
				return false
			}
		}
		return true
	}
}

// isSlug matches ^[a-z0-9][a-z0-9._-]*$.
func isSlug(n *yaml.Node) bool {
	if !isString(n) || n.Value == "" {
		return false
	}
	for i := 0; i < len(n.Value); i++ {
		c := n.Value[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// isPeriod matches ^[0-9]{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$ for strings
// and 1000..9999 for whole numbers written as plain digits.
func isPeriod(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	s := n.Value
	switch n.ShortTag() {
	case "!!int":
		return len(s) == 4 && s[0] >= '1' && s[0] <= '9' && allDigits(s)
	case "!!str":
	default:
		return false
	}
	if len(s) != 4 && len(s) != 7 || !allDigits(s[:4]) {
		return false
	}
	if len(s) == 4 {
		return true
	}
	switch r := s[4:]; {
	case r[0] != '-':
		return false
	case r[1] == 'Q':
		return r[2] >= '1' && r[2] <= '4'
	case r[1] == 'H':
		return r[2] == '1' || r[2] == '2'
	case r[1] == '0':
		return r[2] >= '1' && r[2] <= '9'
	case r[1] == '1':
		return r[2] >= '0' && r[2] <= '2'
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
