package lint

import (
	"cmp"
	"fmt"
	"sync"
	"time"

	"github.com/okrctl/okrctl/internal/suggest"
	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// RuleInfo describes a rule for `okrctl rules`, SARIF and the configuration.
type RuleInfo struct {
	ID          string   `json:"id"`
	Severity    Severity `json:"severity"`
	Description string   `json:"description"`
}

// Rule is a check over the loaded repository. Rules whose findings come
// from the loader, the schema or the CSV reader have no Check of their own
// and are listed by infos only.
type Rule interface {
	Info() RuleInfo
	Check(p *Pass)
}

// base carries a rule's description; embedding it supplies Info.
type base struct{ info RuleInfo }

// Info returns the rule's id, default severity and description.
func (b base) Info() RuleInfo { return b.info }

func newBase(id string, sev Severity, desc string) base {
	return base{RuleInfo{ID: id, Severity: sev, Description: desc}}
}

// Rule ids reported outside rule_*.go files.
const (
	RuleSchema       = "schema"
	RuleCSV          = "csv"
	RuleUnusedIgnore = "unused-ignore"
)

// builtin are the rules reported by the loader, the schema and the CSV
// reader, and by the suppression pass.
var builtin = []RuleInfo{
	{okr.RuleYAML, Error, "the file is not valid YAML (syntax, duplicate keys, alias bombs, invalid UTF-8, size and nesting limits)"},
	{RuleSchema, Error, "the document breaks the JSON schema (type, enum, pattern, unknown key …)"},
	{okr.RuleKind, Error, "a document with a missing or unknown kind"},
	{okr.RuleOneObjective, Error, "a file with more than one Objective"},
	{RuleCSV, Error, "a snapshot file with a bad header, date, value or a duplicate row"},
	{RuleUnusedIgnore, Warning, "an okrctl:ignore comment that silences nothing"},
}

// checks returns one instance of every rule with a Check, in report order.
func checks() []Rule {
	return []Rule{
		newKRCount(),
		newMeasurable(),
		newDeadline(),
		newDuplicateID(),
		newUnknownKPI(),
		newUnknownParent(),
		newParentCycle(),
		newVague(),
		newTitleNumber(),
		newDirection(),
		newRateTitle(),
		newObjectiveCount(),
		newUnknownSnapshotKPI(),
		newStaleData(),
		newCheckinDue(),
	}
}

// Rules lists every rule okrctl knows, in the order of docs/rules.md.
func Rules() []RuleInfo {
	out := append([]RuleInfo(nil), builtin[:4]...) // yaml, schema, kind, one-objective
	for _, r := range checks() {
		out = append(out, r.Info())
		switch r.Info().ID {
		case "parent-cycle":
			out = append(out, builtin[4]) // csv
		case "unknown-snapshot-kpi":
			out = append(out, builtin[5]) // unused-ignore
		}
	}
	return out
}

var (
	rulesOnce sync.Once
	rulesByID map[string]RuleInfo
)

// RuleByID returns a rule's info.
func RuleByID(id string) (RuleInfo, bool) {
	rulesOnce.Do(func() {
		rulesByID = map[string]RuleInfo{}
		for _, r := range Rules() {
			rulesByID[r.ID] = r
		}
	})
	r, ok := rulesByID[id]
	return r, ok
}

// ruleBounds are the default bounds of the rules that take min and max
// options; 0 marks an option the rule does not take.
var ruleBounds = map[string]struct{ min, max int }{
	"kr-count":        {3, 5},
	"objective-count": {0, 5},
}

// CheckConfig reports rule ids in the configuration that okrctl does not
// know, options a rule does not take, and bounds that leave nothing valid.
func CheckConfig(c *config.Config) error {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	for _, id := range c.RuleIDs() {
		r := c.Rules[id]
		fail := func(format string, args ...any) error {
			return config.ErrorAt(c.File, r.Line, fmt.Sprintf(format, args...))
		}
		if _, ok := RuleByID(id); !ok {
			msg := fmt.Sprintf("unknown rule %q in rules", id)
			if s := suggest.Closest(id, ids); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (okrctl rules lists them)"
			}
			return fail("%s", msg)
		}
		b, hasBounds := ruleBounds[id]
		switch {
		case !hasBounds && (r.Min > 0 || r.Max > 0):
			return fail("rules.%s takes no min or max, only a severity", id)
		case r.Min > 0 && b.min == 0:
			return fail("rules.%s takes no min, only max and a severity", id)
		}
		if hasBounds {
			lo, hi := cmp.Or(r.Min, b.min), cmp.Or(r.Max, b.max)
			switch {
			case lo <= hi:
			case r.Min == 0:
				return fail("rules.%s: max %d is less than the default min %d: set min too", id, hi, lo)
			case r.Max == 0:
				return fail("rules.%s: min %d is greater than the default max %d: set max too", id, lo, hi)
			default:
				return fail("rules.%s: min %d is greater than max %d", id, lo, hi)
			}
		}
	}
	return nil
}

// bounds returns the running rule's min and max: the configuration's,
// else the defaults.
func (p *Pass) bounds() (lo, hi int) {
	b, o := ruleBounds[p.rule.ID], p.Option()
	return cmp.Or(o.Min, b.min), cmp.Or(o.Max, b.max)
}

// Pass is what a rule's Check sees: the repository, its indexes and a way
// to report findings.
type Pass struct {
	Repo      *okr.Repo
	Snapshots *kpi.Store
	Config    *config.Config
	// AsOf is the date status and report compute at; zero under validate,
	// where rules that depend on the date (stale-data) do not run.
	AsOf time.Time
	// KPIs indexes KPI documents by id (the first of duplicates).
	KPIs map[string]*okr.KPI
	// Objectives indexes objectives by id (the first of duplicates).
	Objectives map[string]*okr.Objective

	rule       RuleInfo
	findings   []Finding
	engine     *progress.Engine // made on first use; each rule has a pass of its own
	titleCache *titleStatements // shared by every rule's pass: titles are read once
}

// Reportf adds a finding of the running rule at pos in file.
func (p *Pass) Reportf(file string, pos okr.Pos, format string, args ...any) {
	p.findings = append(p.findings, Finding{
		File: file, Line: pos.Line, Column: pos.Col,
		Severity: p.rule.Severity, Rule: p.rule.ID,
		Message: fmt.Sprintf(format, args...),
	})
}

// reportSev adds a finding of the running rule at sev, a severity above
// the rule's default for a problem the rule treats as worse; a severity
// set in the configuration wins.
func (p *Pass) reportSev(sev Severity, file string, pos okr.Pos, format string, args ...any) {
	p.Reportf(file, pos, format, args...)
	if p.Option().Severity == "" {
		p.findings[len(p.findings)-1].Severity = sev
	}
}

// Option returns the running rule's configuration (bounds such as min/max).
func (p *Pass) Option() config.Rule { return p.Config.Rules[p.rule.ID] }

// endOfTime stands for "every snapshot is known" when validate runs
// without an as-of date.
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// baseline resolves a key result's baseline as status would, and the
// snapshot it came from: at the pass's as-of date or, without one, with
// every snapshot known.
func (p *Pass) baseline(o *okr.Objective, kr *okr.KeyResult) (*float64, string) {
	return p.progressEngine().Baseline(o, kr)
}

func (p *Pass) progressEngine() *progress.Engine {
	if p.engine == nil {
		asOf := p.AsOf
		if asOf.IsZero() {
			asOf = endOfTime
		}
		p.engine = newEngine(p.Config, asOf, p.KPIs, p.Snapshots)
	}
	return p.engine
}
