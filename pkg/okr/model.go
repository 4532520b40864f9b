package okr

import (
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Pos is a position in a source file; Line and Col are 1-based, and a zero
// Pos means "unknown".
type Pos struct {
	Line int
	Col  int
}

// PosOf returns the position of a YAML node.
func PosOf(n *yaml.Node) Pos {
	if n == nil {
		return Pos{}
	}
	return Pos{Line: n.Line, Col: n.Column}
}

// Direction says which way a key result moves its number.
type Direction string

// The directions a key result may take.
const (
	Increase Direction = "increase"
	Decrease Direction = "decrease"
	AtLeast  Direction = "at_least"
	AtMost   Direction = "at_most"
)

// Commitment grades of an objective (Google's OKR grading).
const (
	Aspirational = "aspirational"
	Committed    = "committed"
)

// Objective is one Objective document.
type Objective struct {
	Doc         *Document
	Pos         Fields // where the objective and its fields are written
	ID          string
	Title       string
	Owner       string
	PeriodText  string
	Period      Period // zero when PeriodText does not parse
	Parent      string
	Commitment  string // as written; see IsCommitted
	Description string
	Labels      []string
	KeyResults  []*KeyResult
}

// File is the path of the file that holds the objective, as displayed.
func (o *Objective) File() string { return o.Doc.File.Path }

// Node is the objective's mapping node.
func (o *Objective) Node() *yaml.Node { return o.Doc.Node }

// HasPeriod reports whether the objective's period parsed.
func (o *Objective) HasPeriod() bool { return !o.Period.Start.IsZero() }

// IsCommitted reports whether the objective is committed rather than aspirational.
func (o *Objective) IsCommitted() bool { return o.Commitment == Committed }

// KeyResult is one entry of an objective's key_results.
type KeyResult struct {
	Node     *yaml.Node
	Pos      Fields // where the key result and its fields are written
	ID       string
	Title    string
	KPI      string
	Baseline *float64
	Target   *float64
	Current  *float64
	// CurrentDate is the day a manual current value was measured (written
	// as current: {value: N, date: YYYY-MM-DD}); zero when undated. Before
	// it the key result has no manual value.
	CurrentDate time.Time
	// Per makes the key result a rate: "week", "month" or "quarter"; ""
	// for a key result measured over its whole window.
	Per string
	// CheckIns are the key result's recorded check-ins, oldest first,
	// attached after loading from the check-in files (docs/formats.md).
	CheckIns  []CheckIn
	Direction Direction // as written; "" when omitted (see Dir)
	// DeadlineText is the deadline as written ("" when omitted); Deadline is
	// its parsed value, zero when omitted or invalid.
	DeadlineText string
	Deadline     time.Time
	Weight       float64 // 1 when omitted
}

// Dir is the key result's direction, defaulting from baseline and target:
// decrease when the target is below the baseline, otherwise increase.
func (kr *KeyResult) Dir() Direction {
	if kr.Direction != "" {
		return kr.Direction
	}
	if kr.Baseline != nil && kr.Target != nil && *kr.Target < *kr.Baseline {
		return Decrease
	}
	return Increase
}

// DeadlineIn resolves the key result's deadline: its own, else the end of
// the period. ok is false when neither is known.
func (kr *KeyResult) DeadlineIn(p Period) (time.Time, bool) {
	if kr.DeadlineText != "" {
		return kr.Deadline, !kr.Deadline.IsZero()
	}
	return p.End, !p.End.IsZero()
}

// CheckIn is one recorded check-in of a key result: a value, a confidence
// and a note, by an author on a date.
type CheckIn struct {
	Date       time.Time
	Value      *float64 // nil when the check-in records no value
	Confidence *float64 // 0 to 10; nil when not given
	Note       string
	Author     string
	File       string // the check-in file, as displayed
	Line       int    // 1-based line of the row in File
}

// KPI is one KPI document: a metric measured continuously.
type KPI struct {
	Doc         *Document
	Pos         Fields // where the KPI and its fields are written
	ID          string
	Name        string
	Unit        string
	Aggregation string // last (default) | sum | avg | min | max
	Good        string // up | down | ""
	Frequency   string // daily | weekly | monthly | quarterly | ""
	Owner       string
	Description string
	// Columns are the header titles under which the KPI appears in
	// exported wide CSV files, besides its id.
	Columns []string
	// Source says where okrctl pull fetches the KPI's values; nil when
	// the KPI has none.
	Source *Source
}

// Source is a KPI's source of values for okrctl pull, as written; which
// fields apply depends on Type (see schema/kpi.json).
type Source struct {
	Node      *yaml.Node
	Type      string   // sql | http | command
	Driver    string   // sql: sqlite (default) | postgres
	DSNEnv    string   // sql: the environment variable holding the DSN
	Query     string   // sql
	URL       string   // http
	Format    string   // http: csv | json | ""
	Header    string   // http: a header name
	HeaderEnv string   // http: the environment variable holding its value
	Command   []string // command: program and arguments
	File      string   // where rows are appended; "" for the configured default
}

// Agg is the KPI's aggregation, "last" when omitted.
func (k *KPI) Agg() string {
	if k.Aggregation == "" {
		return "last"
	}
	return k.Aggregation
}

// File is the path of the file that holds the KPI, as displayed.
func (k *KPI) File() string { return k.Doc.File.Path }

// Lookup returns the key and value nodes of key in mapping m (following
// aliases), or nils.
func Lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	m = Deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i].Kind == yaml.ScalarNode {
			return m.Content[i], Deref(m.Content[i+1])
		}
	}
	return nil, nil
}

// ValuePos is the position of key's value in mapping m, or of m itself when
// the key is absent.
func ValuePos(m *yaml.Node, key string) Pos {
	if _, v := Lookup(m, key); v != nil {
		return PosOf(v)
	}
	return PosOf(m)
}

// Deref follows aliases to the node they stand for; nil for a chain of
// aliases too long to be anything but hostile.
func Deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// str returns the string value of key's scalar in mapping m, "" for
// anything else.
func str(m *yaml.Node, key string) string {
	_, v := Lookup(m, key)
	return text(v)
}

// text returns the string value of a scalar, "" for anything else.
func text(v *yaml.Node) string {
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		return v.Value
	}
	return ""
}

// num returns the numeric value of key's int or float scalar in mapping
// m, nil otherwise.
func num(m *yaml.Node, key string) *float64 {
	_, v := Lookup(m, key)
	return number(v)
}

// number returns the numeric value of an int or float scalar, nil
// otherwise.
func number(v *yaml.Node) *float64 {
	f, ok := Number(v)
	if !ok {
		return nil
	}
	return &f
}

// Number returns the value of an !!int or !!float scalar (finite only).
func Number(v *yaml.Node) (float64, bool) {
	if v == nil || v.Kind != yaml.ScalarNode {
		return 0, false
	}
	switch v.ShortTag() {
	case "!!int":
		if plainDecimal(v.Value) {
			// The common case, without the decoder's reflection.
			if x, err := strconv.ParseInt(v.Value, 10, 64); err == nil {
				return float64(x), true
			}
		}
		var x int64
		if err := v.Decode(&x); err == nil {
			return float64(x), true
		}
		var u uint64
		if err := v.Decode(&u); err == nil {
			return float64(u), true
		}
	case "!!float":
		f, err := strconv.ParseFloat(v.Value, 64)
		if err == nil && !isInfNaN(f) {
			return f, true
		}
	}
	return 0, false
}

// plainDecimal reports whether s is an optional '-' and digits without a
// leading zero (which YAML would read as octal), or "0".
func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isInfNaN(f float64) bool { return math.IsInf(f, 0) || math.IsNaN(f) }

func decodeObjective(d *Document) *Objective {
	o := &Objective{Doc: d, Pos: fieldsOf(d.Node, &objectiveKeys)}
	f := &o.Pos
	o.ID = text(f.raw(oID))
	o.Title = text(f.raw(oTitle))
	o.Owner = text(f.raw(oOwner))
	o.PeriodText = text(f.raw(oPeriod))
	o.Parent = text(f.raw(oParent))
	o.Commitment = text(f.raw(oCommitment))
	o.Description = text(f.raw(oDescription))
	if o.PeriodText == "" {
		// An unquoted 2026 is an int, an unquoted 2026-03 a string; both are periods.
		if v := f.raw(oPeriod); v != nil && v.Kind == yaml.ScalarNode {
			o.PeriodText = v.Value
		}
	}
	if p, err := ParsePeriod(o.PeriodText); err == nil {
		o.Period = p
	}
	if v := f.raw(oLabels); v != nil && v.Kind == yaml.SequenceNode {
		for _, l := range v.Content {
			if l = Deref(l); l != nil && l.Kind == yaml.ScalarNode {
				o.Labels = append(o.Labels, l.Value)
			}
		}
	}
	if v := f.raw(oKeyResults); v != nil && v.Kind == yaml.SequenceNode {
		for _, n := range v.Content {
			if n = Deref(n); n != nil && n.Kind == yaml.MappingNode {
				o.KeyResults = append(o.KeyResults, decodeKeyResult(n))
			}
		}
	}
	return o
}

func decodeKeyResult(n *yaml.Node) *KeyResult {
	kr := &KeyResult{Node: n, Pos: fieldsOf(n, &keyResultKeys), Weight: 1}
	f := &kr.Pos
	kr.ID = text(f.raw(krID))
	kr.Title = text(f.raw(krTitle))
	kr.KPI = text(f.raw(krKPI))
	kr.Baseline = number(f.raw(krBaseline))
	kr.Target = number(f.raw(krTarget))
	kr.Current = number(f.raw(krCurrent))
	kr.Per = text(f.raw(krPer))
	kr.Direction = Direction(text(f.raw(krDirection)))
	kr.DeadlineText = text(f.raw(krDeadline))
	if kr.DeadlineText != "" {
		if t, err := ParseDate(kr.DeadlineText); err == nil {
			kr.Deadline = t
		}
	}
	if w := number(f.raw(krWeight)); w != nil && *w > 0 {
		kr.Weight = *w
	}
	if c := f.raw(krCurrent); c != nil && c.Kind == yaml.MappingNode {
		kr.Current = num(c, "value")
		if t, err := ParseDate(str(c, "date")); err == nil {
			kr.CurrentDate = t
		}
	}
	return kr
}

func decodeKPI(d *Document) *KPI {
	k := &KPI{Doc: d, Pos: fieldsOf(d.Node, &kpiKeys)}
	f := &k.Pos
	k.ID = text(f.raw(kID))
	k.Name = text(f.raw(kName))
	k.Unit = text(f.raw(kUnit))
	k.Aggregation = text(f.raw(kAggregation))
	k.Good = text(f.raw(kGood))
	k.Frequency = text(f.raw(kFrequency))
	k.Owner = text(f.raw(kOwner))
	k.Description = text(f.raw(kDescription))
	k.Columns = texts(f.raw(kColumn))
	if s := f.raw(kSource); s != nil && s.Kind == yaml.MappingNode {
		k.Source = &Source{
			Node:      s,
			Type:      str(s, "type"),
			Driver:    str(s, "driver"),
			DSNEnv:    str(s, "dsn_env"),
			Query:     str(s, "query"),
			URL:       str(s, "url"),
			Format:    str(s, "format"),
			Header:    str(s, "header"),
			HeaderEnv: str(s, "header_env"),
			Command:   strs(s, "command"),
			File:      str(s, "file"),
		}
	}
	return k
}

// strs returns a string scalar as a one-element list, or the string
// scalars of a sequence; nil for anything else.
func strs(m *yaml.Node, key string) []string {
	_, v := Lookup(m, key)
	return texts(v)
}

// texts returns a string scalar as a one-element list, or the string
// scalars of a sequence; nil for anything else.
func texts(v *yaml.Node) []string {
	if v == nil {
		return nil
	}
	if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		return []string{v.Value}
	}
	var out []string
	if v.Kind == yaml.SequenceNode {
		for _, e := range v.Content {
			if e = Deref(e); e != nil && e.Kind == yaml.ScalarNode && e.Tag != "!!null" {
				out = append(out, e.Value)
			}
		}
	}
	return out
}
