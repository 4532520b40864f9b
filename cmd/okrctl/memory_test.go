package main

import (
	"runtime/debug"
	"strconv"
	"testing"
)

// TestMemoryPolicy: loading runs with the proportional goal off under a
// soft limit, rendering with a tight goal, and the environment wins.
func TestMemoryPolicy(t *testing.T) {
	const noLimit = 1<<63 - 1
	limit, percent := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	t.Cleanup(func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	})
	for _, tc := range []struct {
		name, gogc, gomemlimit string
		start, wantLimit       int64 // start: the limit the runtime read from GOMEMLIMIT
		wantLoad, wantRender   int
	}{
		{"defaults", "", "", noLimit, memoryLimit, -1, renderGCPercent},
		{"GOGC set", "50", "", noLimit, memoryLimit, 50, 50},
		{"GOMEMLIMIT set", "", "8GiB", 8 << 30, 8 << 30, 100, 100},
		{"GOMEMLIMIT off", "", "off", noLimit, noLimit, 100, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", tc.gomemlimit)
			start := 100 // what the runtime read from GOGC
			if tc.gogc != "" {
				start, _ = strconv.Atoi(tc.gogc)
			}
			debug.SetGCPercent(start)
			debug.SetMemoryLimit(tc.start)
			setMemoryPolicy()
			if got := debug.SetMemoryLimit(-1); got != tc.wantLimit {
				t.Errorf("memory limit = %d, want %d", got, tc.wantLimit)
			}
			if got := debug.SetGCPercent(start); got != tc.wantLoad {
				t.Errorf("goal while loading = %d, want %d", got, tc.wantLoad)
			}
			debug.SetGCPercent(tc.wantLoad)
			loaded()
			if got := debug.SetGCPercent(start); got != tc.wantRender {
				t.Errorf("goal after loading = %d, want %d", got, tc.wantRender)
			}
		})
	}
}

// TestSnapshotsAhead: large snapshot files are read with the usual goal,
// small ones with the goal still off.
func TestSnapshotsAhead(t *testing.T) {
	percent := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(percent) })
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	for _, tc := range []struct {
		size int64
		want int
	}{
		{0, -1},
		{largeSnapshots, -1},
		{largeSnapshots + 1, renderGCPercent},
	} {
		debug.SetGCPercent(-1)
		snapshotsAhead(tc.size)
		if got := debug.SetGCPercent(100); got != tc.want {
			t.Errorf("snapshotsAhead(%d): goal %d, want %d", tc.size, got, tc.want)
		}
	}
}
