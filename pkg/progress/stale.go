package progress

import (
	"math"
	"time"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

// MaxAge is how many days old a KPI's newest snapshot may be, for its
// frequency, before it is stale: the longest interval the frequency allows
// (daily 1, weekly 7, monthly 31, quarterly 92), so that a snapshot one
// interval old is still fresh and a missed upload is stale the day after.
// ok is false for an omitted or unknown frequency, which never goes stale.
func MaxAge(frequency string) (days int, ok bool) {
	switch frequency {
	case "daily":
		return 1, true
	case "weekly":
		return 7, true
	case "monthly":
		return 31, true
	case "quarterly":
		return 92, true
	}
	return 0, false
}

// Stale finds the newest of series' snapshots dated on or before asOf and
// reports whether it is older than k's frequency allows (see MaxAge), which
// is the stale-data warning. For a key result asOf is min(as-of date,
// deadline), so that data that stopped before the deadline is stale in a
// final report too. A KPI with no snapshot on or before asOf is stale
// whatever its frequency: a key result that uses it has no data. series is
// sorted by day (as Series gives it); k may be nil (no frequency).
func Stale(k *okr.KPI, series []kpi.Point, asOf time.Time) (newest kpi.Point, stale bool) {
	day := kpi.DayOf(asOf)
	upTo := kpi.Window(series, math.MinInt32, day)
	if len(upTo) == 0 {
		return kpi.Point{}, true
	}
	newest = upTo[len(upTo)-1]
	if k == nil {
		return newest, false
	}
	limit, ok := MaxAge(k.Frequency)
	return newest, ok && int64(day)-int64(newest.Day) > int64(limit)
}
