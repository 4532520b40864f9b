package kpi

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAggregate(t *testing.T) {
	points := []Point{
		{Day: 10, Value: 1, Line: 2},
		{Day: 20, Value: 5, Line: 3},
		{Day: 30, Value: 3, Line: 4},
		{Day: 40, Value: 5, Line: 5},
	}
	tests := []struct {
		agg      Aggregation
		value    float64
		fromLine int32
	}{
		{AggLast, 5, 5},
		{"", 5, 5}, // the default is last
		{AggSum, 14, 5},
		{AggAvg, 3.5, 5},
		{AggMin, 1, 2},
		{AggMax, 5, 3}, // the earliest of equal maxima
	}
	for _, tc := range tests {
		value, from, ok := Aggregate(points, tc.agg)
		if !ok || value != tc.value || from.Line != tc.fromLine {
			t.Errorf("Aggregate(%q) = %g from line %d, %v; want %g from line %d, true", tc.agg, value, from.Line, ok, tc.value, tc.fromLine)
		}
	}
	for _, agg := range append(Aggregations(), "") {
		if value, from, ok := Aggregate(nil, agg); ok || value != 0 || from != (Point{}) {
			t.Errorf("Aggregate(nil, %q) = %g, %v, %v; want 0, zero point, false", agg, value, from, ok)
		}
	}
	if _, _, ok := Aggregate(points, "median"); ok {
		t.Error(`Aggregate("median") is ok, want false`)
	}
}

func TestAggregateSumIsCompensated(t *testing.T) {
	points := []Point{{Value: 1e16}, {Value: 1}, {Value: -1e16}}
	if got, _, _ := Aggregate(points, AggSum); got != 1 {
		t.Errorf("sum = %g, want 1", got)
	}
	var tenths []Point
	for range 1000 {
		tenths = append(tenths, Point{Value: 0.1})
	}
	if got, _, _ := Aggregate(tenths, AggSum); got != 100 {
		t.Errorf("sum of 1000 × 0.1 = %.17g, want 100", got)
	}
	if got, _, _ := Aggregate(tenths, AggAvg); math.Abs(got-0.1) > 1e-17 {
		t.Errorf("avg of 1000 × 0.1 = %.17g, want 0.1", got)
	}
}

func TestAggregationValid(t *testing.T) {
	for _, a := range []Aggregation{"", "last", "sum", "avg", "min", "max"} {
		if !a.Valid() {
			t.Errorf("%q is not valid", a)
		}
	}
	for _, a := range []Aggregation{"Last", "mean", "median", "count"} {
		if a.Valid() {
			t.Errorf("%q is valid", a)
		}
	}
}

func TestWindow(t *testing.T) {
	points := []Point{{Day: 10}, {Day: 20}, {Day: 30}, {Day: 40}}
	days := func(ps []Point) []Day {
		out := []Day{}
		for _, p := range ps {
			out = append(out, p.Day)
		}
		return out
	}
	tests := []struct {
		from, to Day
		want     []Day
	}{
		{10, 40, []Day{10, 20, 30, 40}},
		{20, 30, []Day{20, 30}},
		{11, 39, []Day{20, 30}},
		{40, 40, []Day{40}},
		{10, 10, []Day{10}},
		{11, 19, []Day{}},
		{0, 9, []Day{}},
		{41, 50, []Day{}},
		{30, 20, []Day{}},
		{math.MinInt32, math.MaxInt32, []Day{10, 20, 30, 40}},
	}
	for _, tc := range tests {
		got := Window(points, tc.from, tc.to)
		if diff := cmp.Diff(tc.want, days(got)); diff != "" {
			t.Errorf("Window(%d, %d) (-want +got):\n%s", tc.from, tc.to, diff)
		}
	}
	if w := Window(points, 20, 30); &w[0] != &points[1] {
		t.Error("Window copied the points")
	}
	if w := Window(nil, 0, 100); len(w) != 0 {
		t.Errorf("Window(nil) = %v", w)
	}
}

// TestAggregateBeyondRange checks values near the float64 limit: a sum
// that leaves the range is ±Inf (for the caller to report), never NaN,
// and a mean of such values is still their mean.
func TestAggregateBeyondRange(t *testing.T) {
	huge := []Point{{Day: 1, Value: 1e308}, {Day: 2, Value: 1e308}}
	if v, _, _ := Aggregate(huge, AggSum); !math.IsInf(v, 1) {
		t.Errorf("sum of two 1e308 = %v, want +Inf", v)
	}
	if v, _, _ := Aggregate([]Point{{Day: 1, Value: -1e308}, {Day: 2, Value: -1e308}}, AggSum); !math.IsInf(v, -1) {
		t.Errorf("sum of two -1e308 = %v, want -Inf", v)
	}
	if v, _, _ := Aggregate(huge, AggAvg); v != 1e308 {
		t.Errorf("mean of two 1e308 = %v, want 1e308", v)
	}
}
