package kpi

import (
	"math"
	"slices"
)

// Aggregation says how the snapshots inside a key result's window become its
// current value; it is the KPI document's aggregation field.
type Aggregation string

// The aggregations a KPI document may name. The empty Aggregation means
// AggLast, the default.
const (
	AggLast Aggregation = "last" // the value of the latest snapshot: levels and rates
	AggSum  Aggregation = "sum"  // the total: flows counted per snapshot
	AggAvg  Aggregation = "avg"  // the arithmetic mean
	AggMin  Aggregation = "min"  // the smallest value
	AggMax  Aggregation = "max"  // the largest value
)

// Aggregations lists every aggregation name in the order the specification
// gives them, for schemas, flag help and error messages.
func Aggregations() []Aggregation {
	return []Aggregation{AggLast, AggSum, AggAvg, AggMin, AggMax}
}

// Valid reports whether a is one of Aggregations or empty (meaning AggLast).
func (a Aggregation) Valid() bool {
	return a == "" || slices.Contains(Aggregations(), a)
}

// Aggregate combines points, sorted by day, with agg; ok is false when there
// are no points or agg is not Valid. from is the point that gave the value:
// for last, the latest point; for min and max, the earliest point holding the
// extreme; for sum and avg, the latest point, which is the newest data the
// value includes.
func Aggregate(points []Point, agg Aggregation) (value float64, from Point, ok bool) {
	if len(points) == 0 {
		return 0, Point{}, false
	}
	last := points[len(points)-1]
	switch agg {
	case AggLast, "":
		return last.Value, last, true
	case AggSum, AggAvg:
		sum := neumaierSum(points)
		if agg == AggAvg {
			n := float64(len(points))
			if math.IsInf(sum, 0) {
				// Values near ±1.8e308 overflow the sum but not their mean.
				sum = 0
				for _, p := range points {
					sum += p.Value / n
				}
				return sum, last, true
			}
			sum /= n
		}
		return sum, last, true
	case AggMin, AggMax:
		best := points[0]
		for _, p := range points[1:] {
			if agg == AggMin && p.Value < best.Value || agg == AggMax && p.Value > best.Value {
				best = p
			}
		}
		return best.Value, best, true
	}
	return 0, Point{}, false
}

// neumaierSum adds the values with compensated summation, so that a year of
// daily fractional values sums without visible rounding error.
func neumaierSum(points []Point) float64 {
	var sum, c float64
	for _, p := range points {
		t := sum + p.Value
		if math.IsInf(t, 0) {
			return t // past the float64 range: the compensation would make it NaN
		}
		if math.Abs(sum) >= math.Abs(p.Value) {
			c += (sum - t) + p.Value
		} else {
			c += (p.Value - t) + sum
		}
		sum = t
	}
	return sum + c
}

// Window returns the sub-slice of points, sorted by day, dated from from to
// to, both inclusive. It searches in O(log n) and shares points' memory.
func Window(points []Point, from, to Day) []Point {
	lo, _ := slices.BinarySearchFunc(points, from, cmpDay)
	if to < from {
		return points[lo:lo]
	}
	// Searching for the first day after to with a comparison that never
	// reports equality avoids computing to+1, which could overflow.
	hi, _ := slices.BinarySearchFunc(points[lo:], to, func(p Point, d Day) int {
		if p.Day <= d {
			return -1
		}
		return 1
	})
	return points[lo : lo+hi]
}

func cmpDay(p Point, d Day) int {
	switch {
	case p.Day < d:
		return -1
	case p.Day > d:
		return 1
	}
	return 0
}
