package progress_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/progress"
)

func TestStale(t *testing.T) {
	monthly := points(t, snap{"2026-01-31", 1, 2}, snap{"2026-02-28", 2, 3}, snap{"2026-03-31", 3, 4})
	tests := []struct {
		name       string
		frequency  string
		series     []kpi.Point
		asOf       string
		wantNewest string // "" for none
		wantStale  bool
	}{
		{"daily, 1 day old", "daily", points(t, snap{"2026-02-13", 1, 2}), "2026-02-14", "2026-02-13", false},
		{"daily, 2 days old", "daily", points(t, snap{"2026-02-12", 1, 2}), "2026-02-14", "2026-02-12", true},
		{"weekly, 7 days old", "weekly", points(t, snap{"2026-02-07", 1, 2}), "2026-02-14", "2026-02-07", false},
		{"weekly, 8 days old", "weekly", points(t, snap{"2026-02-06", 1, 2}), "2026-02-14", "2026-02-06", true},
		{"monthly, 31 days old", "monthly", points(t, snap{"2026-01-31", 1, 2}), "2026-03-03", "2026-01-31", false},
		{"monthly, 32 days old", "monthly", monthly, "2026-05-02", "2026-03-31", true},
		{"quarterly, 92 days old", "quarterly", points(t, snap{"2025-12-31", 1, 2}), "2026-04-02", "2025-12-31", false},
		{"quarterly, 93 days old", "quarterly", points(t, snap{"2025-12-31", 1, 2}), "2026-04-03", "2025-12-31", true},
		{"snapshots after the as-of date do not count", "monthly", monthly, "2026-02-27", "2026-01-31", false},
		{"measured today", "daily", points(t, snap{"2026-02-14", 1, 2}), "2026-02-14", "2026-02-14", false},
		{"no frequency never goes stale", "", points(t, snap{"2020-01-01", 1, 2}), "2026-02-14", "2020-01-01", false},
		{"an unknown frequency never goes stale", "hourly", points(t, snap{"2020-01-01", 1, 2}), "2026-02-14", "2020-01-01", false},
		{"no snapshot at all is stale", "weekly", nil, "2026-02-14", "", true},
		{"no snapshot at all is stale without a frequency", "", nil, "2026-02-14", "", true},
		{"only snapshots after the as-of date is stale", "weekly", points(t, snap{"2026-03-01", 1, 2}), "2026-02-14", "", true},
		{"sorted input: the newest on or before the as-of date wins", "weekly",
			points(t, snap{"2026-01-01", 0, 2}, snap{"2026-02-10", 0, 3}, snap{"2026-02-20", 0, 4}), "2026-02-14", "2026-02-10", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := &okr.KPI{ID: "k", Frequency: tt.frequency}
			newest, stale := progress.Stale(k, tt.series, date(t, tt.asOf))
			var want kpi.Point
			for _, p := range tt.series {
				if tt.wantNewest != "" && p.Day == day(t, tt.wantNewest) {
					want = p
				}
			}
			if stale != tt.wantStale {
				t.Errorf("stale = %v; want %v", stale, tt.wantStale)
			}
			if d := cmp.Diff(want, newest); d != "" {
				t.Errorf("newest (-want +got):\n%s", d)
			}
		})
	}
}

func TestStaleNilKPI(t *testing.T) {
	if _, stale := progress.Stale(nil, points(t, snap{"2020-01-01", 1, 2}), date(t, "2026-02-14")); stale {
		t.Error("a KPI without definition and with a snapshot is stale; want not stale")
	}
	if _, stale := progress.Stale(nil, nil, date(t, "2026-02-14")); !stale {
		t.Error("a KPI without definition and without snapshots is not stale; want stale")
	}
}

func TestMaxAge(t *testing.T) {
	for freq, want := range map[string]int{"daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92} {
		if got, ok := progress.MaxAge(freq); !ok || got != want {
			t.Errorf("MaxAge(%q) = %d, %v; want %d, true", freq, got, ok, want)
		}
	}
	if _, ok := progress.MaxAge(""); ok {
		t.Error(`MaxAge("") is ok; want not ok`)
	}
}
