package okr

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/schema"
)

// Fields tells where a YAML mapping and each of its keys are written, so
// that findings can point at a field without the rules going back to the
// YAML tree. The first of duplicated keys counts, as everywhere in the
// model.
//
// The decoder visits each key of an objective, key result or KPI once,
// while its nodes are fresh in memory, and records the value node of every
// key the schema names (keySet); asking for one of those later reads that
// record and the value, not every key node before it, which after loading
// a large repository are no longer in the processor's cache. Other names
// are looked up in the mapping. The nodes themselves hold the positions.
// Recording only the place of each key in the mapping would save about 2%
// of the memory of validating 10,000 objectives, and cost each look-up one
// or two more reads of memory no longer in the cache. Fields is comparable
// (tests compare models by value).
type Fields struct {
	At    Pos // the mapping itself
	m     *yaml.Node
	known *keySet
	// vals holds the value node of each key of known, as written (aliases
	// not followed); nil when the key is absent.
	vals [maxKeys]*yaml.Node
}

// A key is the place of a key in its keySet.
type key uint8

// keySet lists the keys of one kind of mapping: the properties its schema
// names, read from schema/*.json when okrctl starts (the schema is the
// list of fields: docs/architecture.md).
type keySet []string

// maxKeys bounds the keys of a keySet, the size of Fields' record.
const maxKeys = 12

var (
	objectiveKeys = schemaKeys("objective")
	keyResultKeys = schemaKeys("objective", "$defs", "keyResult")
	kpiKeys       = schemaKeys("kpi")
)

// The keys the decoder reads, by name: a name the schema lacks stops
// okrctl at start-up, so every test catches it.
var (
	oID          = objectiveKeys.must("id")
	oTitle       = objectiveKeys.must("title")
	oOwner       = objectiveKeys.must("owner")
	oPeriod      = objectiveKeys.must("period")
	oParent      = objectiveKeys.must("parent")
	oCommitment  = objectiveKeys.must("commitment")
	oDescription = objectiveKeys.must("description")
	oLabels      = objectiveKeys.must("labels")
	oKeyResults  = objectiveKeys.must("key_results")

	krID        = keyResultKeys.must("id")
	krTitle     = keyResultKeys.must("title")
	krKPI       = keyResultKeys.must("kpi")
	krBaseline  = keyResultKeys.must("baseline")
	krTarget    = keyResultKeys.must("target")
	krDirection = keyResultKeys.must("direction")
	krDeadline  = keyResultKeys.must("deadline")
	krWeight    = keyResultKeys.must("weight")
	krPer       = keyResultKeys.must("per")
	krCurrent   = keyResultKeys.must("current")

	kID          = kpiKeys.must("id")
	kName        = kpiKeys.must("name")
	kUnit        = kpiKeys.must("unit")
	kAggregation = kpiKeys.must("aggregation")
	kGood        = kpiKeys.must("good")
	kFrequency   = kpiKeys.must("frequency")
	kOwner       = kpiKeys.must("owner")
	kDescription = kpiKeys.must("description")
	kColumn      = kpiKeys.must("column")
	kSource      = kpiKeys.must("source")
)

// schemaKeys reads the properties of the (sub)schema at path in the
// embedded schema name, sorted.
func schemaKeys(name string, path ...string) keySet {
	src, err := schema.Source(name)
	if err != nil {
		panic(err)
	}
	var node map[string]any
	if err := json.Unmarshal(src, &node); err != nil {
		panic(fmt.Sprintf("schema %s: %v", name, err))
	}
	for _, p := range path {
		node, _ = node[p].(map[string]any)
	}
	props, _ := node["properties"].(map[string]any)
	if len(props) == 0 || len(props) > maxKeys {
		panic(fmt.Sprintf("schema %s %v: %d properties, okr.Fields records 1 to %d (raise maxKeys)", name, path, len(props), maxKeys))
	}
	return slices.Sorted(maps.Keys(props))
}

// must returns the place of name, which the schema must name.
func (s *keySet) must(name string) key {
	k, ok := s.index(name)
	if !ok {
		panic(fmt.Sprintf("okr: the schema names no key %q among %q", name, *s))
	}
	return k
}

// index returns the place of name in s.
func (s *keySet) index(name string) (key, bool) {
	if s != nil {
		for i, n := range *s {
			if n == name {
				return key(i), true
			}
		}
	}
	return 0, false
}

// fieldsOf returns the Fields of mapping m, whose keys are known: it
// records their values in one pass over m.
func fieldsOf(m *yaml.Node, known *keySet) Fields {
	f := Fields{At: PosOf(m), m: m, known: known}
	d := Deref(m)
	if d == nil || d.Kind != yaml.MappingNode {
		return f
	}
	for i := 0; i+1 < len(d.Content); i += 2 {
		if k := d.Content[i]; k.Kind == yaml.ScalarNode {
			if j, ok := known.index(k.Value); ok && f.vals[j] == nil {
				f.vals[j] = d.Content[i+1]
			}
		}
	}
	return f
}

// raw is the value of known key k, aliases followed; nil when absent.
func (f *Fields) raw(k key) *yaml.Node { return Deref(f.vals[k]) }

// lookup returns the key and value nodes of key name (the value with
// aliases followed), or nils, as Lookup does on the mapping.
func (f *Fields) lookup(name string) (k, v *yaml.Node) {
	j, ok := f.known.index(name)
	if !ok {
		return Lookup(f.m, name)
	}
	w := f.vals[j]
	if w == nil {
		return nil, nil
	}
	// The key is the one before its value: the value node is its own
	// (aliases are nodes of their own), so comparing pointers finds it.
	d := Deref(f.m)
	for i := 1; i < len(d.Content); i += 2 {
		if d.Content[i] == w {
			return d.Content[i-1], Deref(w)
		}
	}
	return Lookup(f.m, name)
}

// Has reports whether the key name is written.
func (f *Fields) Has(name string) bool {
	if j, ok := f.known.index(name); ok {
		return f.vals[j] != nil
	}
	k, _ := Lookup(f.m, name)
	return k != nil
}

// Value is where the value of key name is written, else where the mapping
// is: a missing key is reported at the mapping that lacks it.
func (f *Fields) Value(name string) Pos {
	if v := f.Raw(name); v != nil {
		return PosOf(v)
	}
	return f.At
}

// Raw is the value of key name as written (aliases followed), nil when
// the key is absent: for the rules that judge a value's shape, such as a
// deadline that is a list or a target that is text.
func (f *Fields) Raw(name string) *yaml.Node {
	if j, ok := f.known.index(name); ok {
		return f.raw(j)
	}
	_, v := Lookup(f.m, name)
	return v
}

// Keys lists the mapping's scalar keys in the order written.
func (f *Fields) Keys() []string {
	m := Deref(f.m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	keys := make([]string, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode {
			keys = append(keys, m.Content[i].Value)
		}
	}
	return keys
}

// Key is where the key name is written, else where the mapping is.
func (f *Fields) Key(name string) Pos {
	if k, _ := f.lookup(name); k != nil {
		return PosOf(k)
	}
	return f.At
}

// drop forgets the mapping and its values, keeping At (Repo.DropTrees).
func (f *Fields) drop() { *f = Fields{At: f.At} }
