//go:build unix

package main

import "golang.org/x/sys/unix"

// terminalWidth asks the terminal on fd for its width in columns; 0 when
// it cannot tell.
func terminalWidth(fd uintptr) int {
	ws, err := unix.IoctlGetWinsize(int(fd), unix.TIOCGWINSZ)
	if err != nil {
		return 0
	}
	return int(ws.Col)
}
