package kpi

import (
	"testing"
	"time"
)

// TestDayMatchesTime checks the hand-written calendar arithmetic against the
// time package over years 0001 to 9999 and beyond.
func TestDayMatchesTime(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := Day(-800_000); d < 3_000_000; d += 13 {
		want := epoch.AddDate(0, 0, int(d))
		if got := d.Time(); !got.Equal(want) {
			t.Fatalf("Day(%d).Time() = %v, want %v", d, got, want)
		}
		if got := DayOf(want); got != d {
			t.Fatalf("DayOf(%v) = %d, want %d", want, got, d)
		}
		if got, want := d.String(), want.Format(time.DateOnly); got != want {
			t.Fatalf("Day(%d).String() = %q, want %q", d, got, want)
		}
	}
}

func TestDayOfUsesWrittenDate(t *testing.T) {
	newYork := time.FixedZone("EST", -5*60*60)
	tm := time.Date(2026, 1, 31, 23, 30, 0, 0, newYork) // 2026-02-01 in UTC
	if got := DayOf(tm).String(); got != "2026-01-31" {
		t.Errorf("DayOf(%v) = %s, want 2026-01-31", tm, got)
	}
	if got := DayOf(tm.UTC()).String(); got != "2026-02-01" {
		t.Errorf("DayOf(%v) = %s, want 2026-02-01", tm.UTC(), got)
	}
}

func TestParseDay(t *testing.T) {
	valid := map[string]string{
		"1970-01-01":                  "1970-01-01",
		"2026-01-31":                  "2026-01-31",
		"2028-02-29":                  "2028-02-29",
		"2000-02-29":                  "2000-02-29",
		"0001-01-01":                  "0001-01-01",
		"9999-12-31":                  "9999-12-31",
		"2026-01-31T23:30:00-05:00":   "2026-01-31",
		"2026-01-31T00:00:00Z":        "2026-01-31",
		"2026-01-31T00:00:00.5+14:00": "2026-01-31",
		// RFC 3339 allows a lower-case t and z.
		"2026-02-28t10:00:00z":      "2026-02-28",
		"2026-02-28t10:00:00+01:00": "2026-02-28",
		// Spreadsheets write dates as date-times at midnight.
		"2026-10-04 00:00:00":     "2026-10-04",
		"2026-10-04 00:00":        "2026-10-04",
		"2026-10-04T00:00:00.000": "2026-10-04",
	}
	for in, want := range valid {
		d, err := ParseDay(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDay(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{
		"", "2026-02-29", "1900-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-01",
		"2026-01-00", "2026-1-1", "20260131", "2026-01-31 ", "+2026-01-31", "2026-01-3a",
		"2026-01-31T10:00:00", "2026-01-31T24:00:00Z", "2026-10-04 10:00:00", "2026-10-04 00:00:60", "2026-10-04 0:00", "2026-01-31T10:00Z",
		"2026-02-30T10:00:00Z", "2026-01-31Tjunk",
	} {
		if d, err := ParseDay(in); err == nil {
			t.Errorf("ParseDay(%q) = %s, want an error", in, d)
		}
	}
	_, err := ParseDay("31/01/2026")
	if want := `invalid date "31/01/2026": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`; err == nil || err.Error() != want {
		t.Errorf("ParseDay error = %v, want %s", err, want)
	}
}

// FuzzParseDay checks the fast YYYY-MM-DD parser against time.Parse.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2026-01-31", "2028-02-29", "2026-02-29", "0000-01-01", "2026-01-31T10:00:00Z", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDay([]byte(s))
		if len(s) == 10 {
			tm, err := time.Parse(time.DateOnly, s)
			if ok != (err == nil) {
				t.Fatalf("parseDay(%q) ok = %v, time.Parse error = %v", s, ok, err)
			}
			if ok && d != DayOf(tm) {
				t.Fatalf("parseDay(%q) = %s, time.Parse = %s", s, d, tm)
			}
		}
		if ok && d.String() != s[:10] {
			t.Fatalf("parseDay(%q) = %s", s, d)
		}
	})
}
