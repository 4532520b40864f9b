package isodate

import (
	"regexp"
	"testing"
	"time"
)

// edges are the inputs where a date reader goes wrong: leap years of each
// kind, months and days just outside their range, short fields, signs,
// spaces and digits that are not ASCII.
var edges = []string{
	"2026-01-01", "2026-12-31", "0000-01-01", "9999-12-31",
	"0000-02-29", "2000-02-29", "2024-02-29", "1900-02-29", "2100-02-29", "2026-02-29", "2026-02-28",
	"2026-04-30", "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "2026-01-31", "2026-07-31", "2026-08-31", "2026-12-32",
	"2026-13-01", "2026-00-10", "2026-01-00", "2026-99-99",
	"2026-1-01", "2026-01-1", "26-01-01", "20260101", "2026/01/01", "2026-01-01T00:00:00Z", "2026-01-01 ",
	" 2026-01-01", "2026 01-01", "2026-01- 1", "2026- 1-01",
	"+026-01-01", "-026-01-01", "2026-+1-01", "2026-01-+1", "2026--1-01", "2026-01--1",
	"٢٠٢٦-٠١-٠١", "２０２６-０１-０１", "2026-0１-01", "2026‐01‐01",
	"", "-", "----------", "2026-01-0a", "abcd-ef-gh",
}

// shape is the form Parse reads, said another way than its code.
var shape = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// check holds Parse to time.Parse: it accepts exactly the strings of the
// YYYY-MM-DD shape that time.Parse accepts, giving the same time.
func check(t *testing.T, s string) {
	t.Helper()
	got, ok := Parse(s)
	want, err := time.Parse(time.DateOnly, s)
	if wantOK := err == nil && shape.MatchString(s); ok != wantOK {
		t.Fatalf("Parse(%q) ok = %v, want %v (time.Parse error: %v)", s, ok, wantOK, err)
	}
	if !ok {
		if !got.IsZero() {
			t.Fatalf("Parse(%q) = %v with false, want the zero time", s, got)
		}
		return
	}
	if got != want || got.Location() != time.UTC {
		t.Fatalf("Parse(%q) = %v (%v), want %v (%v)", s, got, got.Location(), want, want.Location())
	}
}

func TestParse(t *testing.T) {
	for _, s := range edges {
		check(t, s)
	}
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"0000-02-29", true}, {"2000-02-29", true}, {"2024-02-29", true},
		{"2100-02-29", false}, {"1900-02-29", false}, {"2026-02-29", false},
		{"2026-13-01", false}, {"2026-00-10", false}, {"2026-1-01", false},
		{"2026-04-31", false}, {"2026-12-31", true}, {"+026-01-01", false},
		{"٢٠٢٦-٠١-٠١", false}, {" 2026-01-01", false},
	} {
		if _, ok := Parse(tc.in); ok != tc.ok {
			t.Errorf("Parse(%q) ok = %v, want %v", tc.in, ok, tc.ok)
		}
	}
}

// TestParseEveryDay compares every day of four centuries, and every
// month and day number of a leap and a common year, with time.Parse.
func TestParseEveryDay(t *testing.T) {
	for d := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2300; d = d.AddDate(0, 0, 1) {
		check(t, d.Format(time.DateOnly))
	}
	for _, y := range []string{"0000", "2024", "2026", "2100"} {
		for m := 0; m < 100; m++ {
			for day := 0; day < 100; day++ {
				check(t, y+"-"+two(m)+"-"+two(day))
			}
		}
	}
}

func two(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// FuzzParse is the differential test of Parse against time.Parse.
func FuzzParse(f *testing.F) {
	for _, s := range edges {
		f.Add(s)
	}
	f.Fuzz(check)
}

func BenchmarkParse(b *testing.B) {
	b.Run("isodate", func(b *testing.B) {
		for b.Loop() {
			Parse("2026-03-31")
		}
	})
	b.Run("time.Parse", func(b *testing.B) {
		for b.Loop() {
			_, _ = time.Parse(time.DateOnly, "2026-03-31")
		}
	})
}
