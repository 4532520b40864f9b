package lint

import (
	"math/big"
	"reflect"
	"slices"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/schema"
)

// The schemas in schema/*.json are the only list of the fields of a
// document (docs/architecture.md, "The schema is the list of fields").
// Everything lint knows about fields is read from the compiled schemas at
// start-up: the keys allowed in each mapping (for "did you mean"), the keys
// whose null value means "left out", and the fast valid-document check of
// schema_quick.go.

// shape is what lint reads from one compiled schema (or subschema): the
// keywords the fast check evaluates, and the fields of a mapping.
type shape struct {
	types    jsonTypes // 0: any type
	enum     []any     // nil: no enum; const is an enum of one value
	pattern  jsonschema.Regexp
	match    func(string) bool // pattern's MatchString, or a faster equivalent
	minLen   int               // -1: none
	minItems int               // -1: none
	// Numeric bounds as the nearest float64; see quickNumber for why a
	// comparison with them is exact where it accepts.
	minimum, maximum, exclusiveMinimum *float64

	props    map[string]*shape
	required []string
	closed   bool // additionalProperties: false
	items    *shape

	// ref is the schema a $ref beside these keywords points to; both apply.
	ref *shape
	// keyList is keys(), listed once all shapes are derived.
	keyList []string
	// opaque: the schema uses a keyword the fast check does not evaluate,
	// so the fast check declines whatever this shape applies to.
	opaque bool
}

// jsonTypes is a set of JSON types.
type jsonTypes uint8

const (
	typeNull jsonTypes = 1 << iota
	typeBoolean
	typeNumber
	typeInteger
	typeString
	typeArray
	typeObject
)

var typeByName = map[string]jsonTypes{
	"null": typeNull, "boolean": typeBoolean, "number": typeNumber, "integer": typeInteger,
	"string": typeString, "array": typeArray, "object": typeObject,
}

// understood lists the fields of jsonschema.Schema that deriveShape reads,
// and the annotations that do not constrain a value. Any other field that
// is set makes the shape opaque, so a keyword added to the schema (or a
// field added to the library) can only make the fast check decline.
var understood = map[string]bool{
	"Location": true, "DraftVersion": true, "ID": true, "Anchor": true, "DynamicAnchor": true,
	"Bool": true, "Ref": true, "Types": true, "Enum": true, "Const": true,
	"Properties": true, "Required": true, "AdditionalProperties": true,
	"Items": true, "Items2020": true, "MinItems": true,
	"MinLength": true, "Pattern": true,
	"Minimum": true, "Maximum": true, "ExclusiveMinimum": true,
	"Title": true, "Description": true, "Default": true, "Comment": true,
	"ReadOnly": true, "WriteOnly": true, "Examples": true, "Deprecated": true,
}

// deriveShape reads s, and what it refers to, into shapes. done holds the
// shapes already derived, so that a recursive schema ends.
func deriveShape(s *jsonschema.Schema, done map[*jsonschema.Schema]*shape) *shape {
	if sh, ok := done[s]; ok {
		return sh
	}
	sh := &shape{minLen: -1, minItems: -1}
	done[s] = sh
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.IsExported() && !understood[f.Name] && !v.Field(i).IsZero() {
			sh.opaque = true
		}
	}
	if s.Bool != nil && !*s.Bool {
		sh.opaque = true // the false schema: nothing is valid
	}
	if s.Ref != nil {
		sh.ref = deriveShape(s.Ref, done)
	}
	if s.Types != nil {
		for _, t := range s.Types.ToStrings() {
			sh.types |= typeByName[t]
		}
	}
	if s.Enum != nil {
		sh.enum = s.Enum.Values
	}
	if s.Const != nil {
		if sh.enum != nil {
			sh.opaque = true
		}
		sh.enum = []any{*s.Const}
	}
	sh.pattern = s.Pattern
	if s.Pattern != nil {
		sh.match = s.Pattern.MatchString
		if p := compileBytePattern(s.Pattern.String()); p != nil {
			sh.match = p.MatchString
		}
	}
	if s.MinLength != nil {
		sh.minLen = *s.MinLength
	}
	if s.MinItems != nil {
		sh.minItems = *s.MinItems
	}
	sh.minimum, sh.maximum, sh.exclusiveMinimum = ratFloat(s.Minimum), ratFloat(s.Maximum), ratFloat(s.ExclusiveMinimum)
	if len(s.Properties) > 0 {
		sh.props = make(map[string]*shape, len(s.Properties))
		for k, p := range s.Properties {
			sh.props[k] = deriveShape(p, done)
		}
	}
	sh.required = s.Required
	if len(sh.required) > 64 {
		sh.opaque = true // the fast check counts required keys in a uint64
	}
	switch ap := s.AdditionalProperties.(type) {
	case nil:
	case bool:
		sh.closed = !ap
	default:
		sh.opaque = true
	}
	switch it := s.Items.(type) {
	case nil:
	case *jsonschema.Schema:
		sh.items = deriveShape(it, done)
	default:
		sh.opaque = true
	}
	if s.Items2020 != nil {
		sh.items = deriveShape(s.Items2020, done)
	}
	return sh
}

func ratFloat(r *big.Rat) *float64 {
	if r == nil {
		return nil
	}
	f, _ := r.Float64()
	return &f
}

// prop returns the shape of key k's value in a mapping of this shape, or
// nil when the schema does not name k.
func (s *shape) prop(k string) *shape {
	for ; s != nil; s = s.ref {
		if p, ok := s.props[k]; ok {
			return p
		}
	}
	return nil
}

// item returns the shape of a list's items, or nil.
func (s *shape) item() *shape {
	for ; s != nil; s = s.ref {
		if s.items != nil {
			return s.items
		}
	}
	return nil
}

// optional reports whether k is a key of this mapping that may be left
// out: a null value then means the same as no key (deadline: is the end
// of the period). Each mapping has its own: target is optional in a key
// result and unknown in an objective.
func (s *shape) optional(k string) bool {
	if s.prop(k) == nil {
		return false
	}
	for ; s != nil; s = s.ref {
		if slices.Contains(s.required, k) {
			return false
		}
	}
	return true
}

// keys lists the keys the schema names for a mapping of this shape,
// required keys first, each group sorted. The list is shared: callers must
// not change it.
func (s *shape) keys() []string {
	if s == nil {
		return nil
	}
	return s.keyList
}

// listKeys computes keys().
func (s *shape) listKeys() []string {
	var req, opt []string
	seen := map[string]bool{}
	for t := s; t != nil; t = t.ref {
		for k := range t.props {
			if !seen[k] {
				seen[k] = true
				if s.optional(k) {
					opt = append(opt, k)
				} else {
					req = append(req, k)
				}
			}
		}
	}
	slices.Sort(req)
	slices.Sort(opt)
	return append(req, opt...)
}

// requiredKeys lists the keys a mapping of this shape must have, sorted.
func (s *shape) requiredKeys() []string {
	var req []string
	for _, k := range s.keys() {
		if !s.optional(k) {
			req = append(req, k)
		}
	}
	return req
}

// at follows an instance location (keys and list indexes) from s.
func (s *shape) at(path []string) *shape {
	for _, seg := range path {
		if s == nil {
			return nil
		}
		if p := s.prop(seg); p != nil {
			s = p
		} else {
			s = s.item()
		}
	}
	return s
}

// docSchema is a document kind's compiled schema and the shape derived
// from it.
type docSchema struct {
	full  *jsonschema.Schema
	shape *shape
}

// schemaSet holds a docSchema per document kind.
type schemaSet map[string]docSchema

// deriveSchemas derives the shapes of compiled schemas by document kind.
func deriveSchemas(compiled map[string]*jsonschema.Schema) schemaSet {
	done := map[*jsonschema.Schema]*shape{}
	set := schemaSet{}
	for kind, s := range compiled {
		set[kind] = docSchema{full: s, shape: deriveShape(s, done)}
	}
	for _, sh := range done {
		sh.keyList = sh.listKeys()
	}
	return set
}

// embedded is the set derived from schema/*.json, once.
var embedded = sync.OnceValues(func() (schemaSet, error) {
	compiled, err := schema.Compiled()
	if err != nil {
		return nil, err
	}
	return deriveSchemas(compiled), nil
})

// knownKeys lists the keys the embedded schema allows in the mapping at
// path in a document of kind, for "did you mean" suggestions.
func knownKeys(kind string, path []string) []string {
	set, err := embedded()
	if err != nil {
		return nil
	}
	return set[kind].shape.at(path).keys()
}

// keyResultKeys lists the keys of a key result.
func keyResultKeys() []string {
	return knownKeys(okr.KindObjective, []string{"key_results", "0"})
}
