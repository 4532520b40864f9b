package lint

import (
	"time"

	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

// Settings are the progress settings a configuration sets: the status gaps
// and the grading bands (docs/configuration.md).
func Settings(cfg *config.Config) progress.Settings {
	band := func(b config.Bands) progress.Bands { return progress.Bands{Green: b.Green, Yellow: b.Yellow} }
	return progress.Settings{
		Gaps:    progress.Gaps{AtRisk: cfg.Status.AtRiskGap, OffTrack: cfg.Status.OffTrackGap},
		Grading: progress.Grading{Aspirational: band(cfg.Grading.Aspirational), Committed: band(cfg.Grading.Committed)},
	}
}

// Engine returns the progress engine of the checked repository at asOf,
// with its configuration's settings. It is the one place an engine is
// built from a repository: status, report, diff and the rules that need a
// baseline all compute with it (docs/architecture.md).
func (r *Result) Engine(asOf time.Time) *progress.Engine {
	return newEngine(r.Config, asOf, r.KPIs, r.Snapshots)
}

// newEngine builds the engine of a configuration over a repository's KPIs
// and snapshots.
func newEngine(cfg *config.Config, asOf time.Time, kpis map[string]*okr.KPI, store *kpi.Store) *progress.Engine {
	var series progress.Series
	if store != nil {
		series = store // a nil *kpi.Store must stay a nil Series
	}
	return progress.NewEngine(asOf, Settings(cfg), kpis, series)
}
