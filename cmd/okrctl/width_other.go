//go:build !unix

package main

// terminalWidth is unknown off unix: tables keep their natural width
// unless COLUMNS is set.
func terminalWidth(fd uintptr) int { return 0 }
