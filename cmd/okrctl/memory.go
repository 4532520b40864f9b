package main

import (
	"os"
	"runtime/debug"
)

// okrctl's use of the garbage collector, in one place (see "Memory" in
// docs/architecture.md). A run loads a repository that stays alive until
// the process exits, so collecting while it loads finds nothing to free:
// the proportional goal is off and a soft limit bounds the heap instead,
// the collector running only as the heap nears it. Large snapshot files
// are the exception: reading them makes garbage of about twice their size,
// so they are read with the usual goal (snapshotsAhead). Once a command has
// loaded what it keeps and goes on to compute and render, or to read
// sources, which makes short-lived garbage, the collector returns to Go's
// usual goal. status and report first let the YAML trees go, so their
// peak stays that of loading. GOGC and GOMEMLIMIT in the environment win
// over both.

// memoryLimit is the soft heap limit. Real repositories need far less
// (10,000 objectives take about 210 MB); a hostile file of the largest
// size read then stays near 480 MB.
const memoryLimit = 450 << 20

// largeSnapshots is the total size of snapshot files past which their
// reading makes enough garbage (about twice their size) to be worth
// collecting while they are read.
const largeSnapshots = 16 << 20

// snapshotsAhead is told the size of the snapshot files about to be read
// (lint.Options.BeforeSnapshots): large ones are read with the usual goal.
func snapshotsAhead(size int64) {
	if size > largeSnapshots {
		loaded()
	}
}

// renderGCPercent is the collector's goal once the repository is loaded:
// Go's default. On 10,000 objectives a tighter one (10%) kept the same
// peak once status and report drop the YAML trees, for a third more CPU.
const renderGCPercent = 100

// setMemoryPolicy sets the soft limit and, under it, turns the
// proportional goal off. A GOMEMLIMIT of the user's choosing is a ceiling,
// often the machine's whole memory, not a bound to fill: with it, the goal
// stays as it is.
func setMemoryPolicy() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimit)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
	}
}

// loaded is called by the commands that go on working after loading the
// repository (status, report, diff and pull): from here on, collect as Go
// usually does.
func loaded() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(renderGCPercent)
	}
}
