// Package config reads okrctl's configuration file, .okrctl.yaml: the paths
// to read, the globs to ignore, per-rule severities and options, the status
// gaps and the dialect of snapshot files. An unknown key is an error, never
// ignored. docs/configuration.md describes every key.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/okr"
)

// FileName is the name of the configuration file.
const FileName = ".okrctl.yaml"

// Severity overrides a rule may be given.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityOff     = "off"
)

// Config is a parsed .okrctl.yaml. The zero value is not ready for use; use
// Default or Parse.
type Config struct {
	// File is the path of the file read, "" when none was found.
	File string
	// Dir is the directory paths and ignore globs are relative to.
	Dir    string
	Paths  []string
	Ignore []string
	Rules  map[string]Rule
	Status Status
	// Grading holds the grade bands by commitment (grading:).
	Grading Grading
	// Snapshots says how snapshot files write numbers and dates.
	Snapshots Snapshots
	// Sources configures okrctl pull (sources:).
	Sources Sources
	// CheckIns configures check-ins (checkins:).
	CheckIns CheckIns
}

// Sources is the sources: section: where okrctl pull writes rows of KPIs
// whose source names no file.
type Sources struct {
	File string // relative to Dir; {kpi} stands for the KPI's id; "" for the default
}

// CheckIns is the checkins: section.
type CheckIns struct {
	// Every is how many days may pass between a key result's check-ins
	// before checkin-due warns; 14 by default.
	Every int
	// Dir is where okrctl checkin writes, relative to Dir; "checkins" by default.
	Dir string
}

// Rule is the configuration of one rule.
type Rule struct {
	Severity string // error | warning | off | "" (the rule's default)
	Min, Max int    // kr-count and objective-count bounds, at least 1; 0 = not set
	Line     int    // where the rule is configured, for error messages
}

// Status holds the gaps behind the on_track / at_risk / off_track statuses.
type Status struct {
	AtRiskGap   float64
	OffTrackGap float64
}

// Grading holds the lowest score of the green and yellow grades of each
// commitment (docs/configuration.md, "Grading").
type Grading struct {
	Aspirational, Committed Bands
}

// Bands are the lowest scores of the green and yellow grades.
type Bands struct{ Green, Yellow float64 }

// RuleConfig is the rule id of a configuration problem.
const RuleConfig = "config"

// Error is a configuration problem: a finding (pkg/diag) of rule
// RuleConfig at the offending line of .okrctl.yaml. It stops the run
// rather than joining the repository's findings: commands exit 2 on it.
type Error struct{ diag.Finding }

// ErrorAt is the configuration problem msg at line (0: the whole file).
func ErrorAt(file string, line int, msg string) *Error {
	return &Error{diag.Finding{File: file, Line: line, Rule: RuleConfig, Message: msg}}
}

// Error formats the error as file:line: message, or file: message when
// the line is unknown.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Message)
}

// Default is the configuration used without a file.
func Default(dir string) *Config {
	return &Config{
		Dir: dir, Rules: map[string]Rule{}, Status: Status{AtRiskGap: 0.10, OffTrackGap: 0.25},
		Grading:  Grading{Aspirational: Bands{Green: 0.7, Yellow: 0.4}, Committed: Bands{Green: 1, Yellow: 0.7}},
		CheckIns: CheckIns{Every: 14, Dir: "checkins"},
	}
}

// Load reads the configuration file at path.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, ErrorAt(path, 0, "no such file")
		}
		return nil, ErrorAt(path, 0, err.Error())
	}
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return Parse(path, dir, src)
}

// Parse parses the configuration src, read from file (for messages), whose
// paths are relative to dir.
func Parse(file, dir string, src []byte) (*Config, error) {
	c := Default(dir)
	c.File = file
	fail := func(n *yaml.Node, format string, args ...any) error {
		line := 0
		if n != nil {
			line = n.Line
		}
		return ErrorAt(file, line, fmt.Sprintf(format, args...))
	}
	// The OKR files' YAML front end: positioned syntax errors, duplicate
	// keys and the same safety limits.
	f := okr.ParseFile(file, src)
	if len(f.Issues) > 0 {
		is := f.Issues[0]
		return nil, ErrorAt(file, is.Line, is.Message)
	}
	if len(f.Docs) == 0 {
		return c, nil // empty, or only comments
	}
	if len(f.Docs) > 1 {
		return nil, fail(f.Docs[1].Node, "the configuration is one YAML document, not %d", len(f.Docs))
	}
	root := f.Docs[0].Node
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "the configuration must be a mapping")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "paths", "ignore":
			list, err := strings_(v)
			if err != nil {
				return nil, fail(v, "%s: %v", k.Value, err)
			}
			if k.Value == "paths" {
				c.Paths = list
			} else {
				for _, g := range list {
					if err := CheckGlob(g); err != nil {
						return nil, fail(v, "ignore: %v", err)
					}
				}
				c.Ignore = list
			}
		case "rules":
			if v.Kind != yaml.MappingNode {
				return nil, fail(v, "rules must be a mapping of rule id to severity or options")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				id, rv := v.Content[j], v.Content[j+1]
				r, err := parseRule(rv)
				if err != nil {
					return nil, fail(rv, "rules.%s: %v", id.Value, err)
				}
				r.Line = id.Line
				c.Rules[id.Value] = r
			}
		case "status":
			if v.Kind != yaml.MappingNode {
				return nil, fail(v, "status must be a mapping")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				sk, sv := v.Content[j], v.Content[j+1]
				var f float64
				// Written so that NaN fails too.
				if sv.Kind != yaml.ScalarNode || sv.Decode(&f) != nil || !(f >= 0 && f <= 1) {
					return nil, fail(sv, "status.%s must be a number between 0 and 1", sk.Value)
				}
				switch sk.Value {
				case "at_risk_gap":
					c.Status.AtRiskGap = f
				case "off_track_gap":
					c.Status.OffTrackGap = f
				default:
					return nil, fail(sk, "unknown key status.%s (want at_risk_gap or off_track_gap)", sk.Value)
				}
			}
			if c.Status.OffTrackGap < c.Status.AtRiskGap {
				return nil, fail(v, "status.off_track_gap (%g) must not be smaller than status.at_risk_gap (%g)", c.Status.OffTrackGap, c.Status.AtRiskGap)
			}
		case "grading":
			if err := parseGrading(&c.Grading, v, fail); err != nil {
				return nil, err
			}
		case "snapshots":
			s, err := parseSnapshots(file, v)
			if err != nil {
				return nil, err
			}
			c.Snapshots = s
		case "sources", "checkins":
			if err := parseSection(c, k.Value, v); err != nil {
				return nil, fail(err.node, "%s", err.msg)
			}
		default:
			return nil, fail(k, "unknown key %q (want %s)", k.Value, orList(topKeys))
		}
	}
	return c, nil
}

// topKeys are the keys of the configuration, one a line: a new section
// adds its line here and a case in Parse.
var topKeys = []string{
	"paths",
	"ignore",
	"rules",
	"status",
	"grading",
	"snapshots",
	"sources",
	"checkins",
}

// orList writes a, b or c.
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// parseGrading reads the grading section into g, which holds the
// defaults: grading: {aspirational: {green: 0.7, yellow: 0.4}, committed:
// {green: 1, yellow: 0.7}}; either commitment and either band may be
// omitted.
func parseGrading(g *Grading, v *yaml.Node, fail func(*yaml.Node, string, ...any) error) error {
	if v.Kind != yaml.MappingNode {
		return fail(v, "grading must be a mapping of aspirational and committed")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		ck, cv := v.Content[i], v.Content[i+1]
		var b *Bands
		switch ck.Value {
		case "aspirational":
			b = &g.Aspirational
		case "committed":
			b = &g.Committed
		default:
			return fail(ck, "unknown key grading.%s (want aspirational or committed)", ck.Value)
		}
		if cv.Kind != yaml.MappingNode {
			return fail(cv, "grading.%s must be a mapping of green and yellow", ck.Value)
		}
		for j := 0; j+1 < len(cv.Content); j += 2 {
			bk, bv := cv.Content[j], cv.Content[j+1]
			var f float64
			// Written so that NaN fails too.
			if bv.Kind != yaml.ScalarNode || bv.Decode(&f) != nil || !(f >= 0 && f <= 1) {
				return fail(bv, "grading.%s.%s must be a number between 0 and 1", ck.Value, bk.Value)
			}
			switch bk.Value {
			case "green":
				b.Green = f
			case "yellow":
				b.Yellow = f
			default:
				return fail(bk, "unknown key grading.%s.%s (want green or yellow)", ck.Value, bk.Value)
			}
		}
		if b.Yellow > b.Green {
			return fail(cv, "grading.%s.yellow (%g) must not be greater than grading.%s.green (%g)", ck.Value, b.Yellow, ck.Value, b.Green)
		}
	}
	return nil
}

type sectionError struct {
	node *yaml.Node
	msg  string
}

// parseSection reads the sources: and checkins: sections.
func parseSection(c *Config, name string, v *yaml.Node) *sectionError {
	if v.Kind != yaml.MappingNode {
		return &sectionError{v, name + " must be a mapping"}
	}
	for j := 0; j+1 < len(v.Content); j += 2 {
		sk, sv := v.Content[j], v.Content[j+1]
		text := func() (string, *sectionError) {
			if sv.Kind != yaml.ScalarNode || sv.Value == "" || sv.ShortTag() != "!!str" {
				return "", &sectionError{sv, fmt.Sprintf("%s.%s must be a path", name, sk.Value)}
			}
			return sv.Value, nil
		}
		var err *sectionError
		switch name + "." + sk.Value {
		case "sources.file":
			c.Sources.File, err = text()
		case "checkins.dir":
			c.CheckIns.Dir, err = text()
		case "checkins.every":
			var n int
			if sv.Kind != yaml.ScalarNode || sv.ShortTag() != "!!int" || sv.Decode(&n) != nil || n < 1 {
				return &sectionError{sv, "checkins.every must be a whole number of days, at least 1"}
			}
			c.CheckIns.Every = n
		default:
			want := "file"
			if name == "checkins" {
				want = "every or dir"
			}
			return &sectionError{sk, fmt.Sprintf("unknown key %s.%s (want %s)", name, sk.Value, want)}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func parseRule(v *yaml.Node) (Rule, error) {
	var r Rule
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Value == "" || v.ShortTag() != "!!str" {
			return r, fmt.Errorf("want a severity (error, warning, off) or a mapping of options")
		}
		r.Severity = v.Value
	case yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, val := v.Content[i], v.Content[i+1]
			switch k.Value {
			case "severity":
				if val.Kind != yaml.ScalarNode || val.Value == "" {
					return r, fmt.Errorf("severity must be error, warning or off")
				}
				r.Severity = val.Value
			case "min", "max":
				var n int
				if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!int" || val.Decode(&n) != nil || n < 1 {
					return r, fmt.Errorf("%s must be a whole number of at least 1", k.Value)
				}
				if k.Value == "min" {
					r.Min = n
				} else {
					r.Max = n
				}
			default:
				return r, fmt.Errorf("unknown option %q (want severity, min or max)", k.Value)
			}
		}
	default:
		return r, fmt.Errorf("want a severity (error, warning, off) or a mapping of options")
	}
	switch r.Severity {
	case "", SeverityError, SeverityWarning, SeverityOff:
	default:
		return r, fmt.Errorf("unknown severity %q (want error, warning or off)", r.Severity)
	}
	if r.Min > 0 && r.Max > 0 && r.Min > r.Max {
		return r, fmt.Errorf("min (%d) is greater than max (%d)", r.Min, r.Max)
	}
	return r, nil
}

func strings_(v *yaml.Node) ([]string, error) {
	if v.Kind == yaml.ScalarNode && v.Value != "" {
		return []string{v.Value}, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("want a list of strings")
	}
	var out []string
	for _, n := range v.Content {
		if n.Kind != yaml.ScalarNode || n.Value == "" {
			return nil, fmt.Errorf("want a list of non-empty strings")
		}
		out = append(out, n.Value)
	}
	return out, nil
}

// RuleIDs returns the rule ids the configuration names, sorted.
func (c *Config) RuleIDs() []string {
	ids := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Ignored reports whether rel, a '/'-separated path relative to Dir, matches
// an ignore glob.
func (c *Config) Ignored(rel string) bool {
	for _, g := range c.Ignore {
		if MatchGlob(g, rel) {
			return true
		}
	}
	return false
}
