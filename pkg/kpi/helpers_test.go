package kpi

import (
	"time"
	"unsafe"
)

func mustTime(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func unsafeSizeofPoint() uintptr { return unsafe.Sizeof(Point{}) }
