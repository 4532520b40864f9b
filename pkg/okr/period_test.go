package okr

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in         string
		start, end string // "" when in is not a period
		days       int
	}{
		{"2026-Q1", "2026-01-01", "2026-03-31", 90},
		{"2026-Q2", "2026-04-01", "2026-06-30", 91},
		{"2026-Q3", "2026-07-01", "2026-09-30", 92},
		{"2026-Q4", "2026-10-01", "2026-12-31", 92},
		{"2028-Q1", "2028-01-01", "2028-03-31", 91}, // leap year
		{"2026-H1", "2026-01-01", "2026-06-30", 181},
		{"2026-H2", "2026-07-01", "2026-12-31", 184},
		{"2026", "2026-01-01", "2026-12-31", 365},
		{"2028", "2028-01-01", "2028-12-31", 366},
		{"2026-01", "2026-01-01", "2026-01-31", 31},
		{"2026-02", "2026-02-01", "2026-02-28", 28},
		{"2028-02", "2028-02-01", "2028-02-29", 29},
		{"2026-12", "2026-12-01", "2026-12-31", 31},
		{"", "", "", 0},
		{"26", "", "", 0},
		{"2026-Q0", "", "", 0},
		{"2026-Q5", "", "", 0},
		{"2026-q1", "", "", 0},
		{"2026-H3", "", "", 0},
		{"2026-H0", "", "", 0},
		{"2026-00", "", "", 0},
		{"2026-13", "", "", 0},
		{"2026-1", "", "", 0},
		{"2026-001", "", "", 0},
		{"2026Q1", "", "", 0},
		{"2026-Q1 ", "", "", 0},
		{" 2026", "", "", 0},
		{"+202", "", "", 0},
		{"-2026", "", "", 0},
		{"20261", "", "", 0},
		{"abcd", "", "", 0},
		{"Q1-2026", "", "", 0},
		{"2026-W01", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePeriod(tt.in)
			if tt.start == "" {
				if err == nil {
					t.Fatalf("ParsePeriod(%q) = %v, want an error", tt.in, p)
				}
				if !strings.Contains(err.Error(), "YYYY-Qn") {
					t.Errorf("error %q does not say which forms are accepted", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParsePeriod(%q): %v", tt.in, err)
			}
			if !p.Start.Equal(day(tt.start)) || !p.End.Equal(day(tt.end)) {
				t.Errorf("ParsePeriod(%q) = %s..%s, want %s..%s", tt.in, p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly), tt.start, tt.end)
			}
			if p.Days() != tt.days {
				t.Errorf("Days() = %d, want %d", p.Days(), tt.days)
			}
			if p.String() != tt.in {
				t.Errorf("String() = %q, want %q", p.String(), tt.in)
			}
			if !p.Contains(p.Start) || !p.Contains(p.End) || p.Contains(p.Start.AddDate(0, 0, -1)) || p.Contains(p.End.AddDate(0, 0, 1)) {
				t.Errorf("Contains is not inclusive of exactly %s..%s", tt.start, tt.end)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		wantErr string // "" when valid
	}{
		{"2026-03-31", ""},
		{"2028-02-29", ""},
		{"2000-02-29", ""},
		{"2026-12-31", ""},
		{"2026-01-01", ""},
		{"2026-02-30", `"2026-02-30" is not a valid date: February 2026 has 28 days`},
		{"2026-02-29", `"2026-02-29" is not a valid date: February 2026 has 28 days`},
		{"2100-02-29", `"2100-02-29" is not a valid date: February 2100 has 28 days`},
		{"2028-02-30", `"2028-02-30" is not a valid date: February 2028 has 29 days`},
		{"2026-11-31", `"2026-11-31" is not a valid date: November 2026 has 30 days`},
		{"2026-04-00", `"2026-04-00" is not a valid date: there is no day 0`},
		{"2026-13-01", `"2026-13-01" is not a valid date: there is no month 13`},
		{"2026-00-10", `"2026-00-10" is not a valid date: there is no month 0`},
		{"2026-3-31", `"2026-3-31" is not a date (want YYYY-MM-DD)`},
		{"31/03/2026", `"31/03/2026" is not a date (want YYYY-MM-DD)`},
		{"end of December", `"end of December" is not a date (want YYYY-MM-DD)`},
		{"2026-03-31T00:00:00Z", `"2026-03-31T00:00:00Z" is not a date (want YYYY-MM-DD)`},
		{"2026-+3-01", `"2026-+3-01" is not a date (want YYYY-MM-DD)`},
		{"", `"" is not a date (want YYYY-MM-DD)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("ParseDate(%q) error = %v, want %s", tt.in, err, tt.wantErr)
				}
				if !got.IsZero() {
					t.Errorf("ParseDate(%q) = %v with an error, want the zero time", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if got.Format(time.DateOnly) != tt.in || got.Location() != time.UTC {
				t.Errorf("ParseDate(%q) = %v, want midnight UTC of that day", tt.in, got)
			}
		})
	}
}

func TestDaysBetween(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2026-01-01", "2026-01-01", 0},
		{"2026-01-01", "2026-03-31", 89},
		{"2026-03-31", "2026-01-01", -89},
		{"2026-03-28", "2026-03-30", 2}, // across a DST change elsewhere: UTC has none
		{"0001-01-01", "9999-12-31", 3652058},
	}
	for _, tt := range tests {
		if got := DaysBetween(day(tt.a), day(tt.b)); got != tt.want {
			t.Errorf("DaysBetween(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestQuarterOf(t *testing.T) {
	for _, tc := range []struct{ day, want, start, end string }{
		{"2026-01-01", "2026-Q1", "2026-01-01", "2026-03-31"},
		{"2026-03-31", "2026-Q1", "2026-01-01", "2026-03-31"},
		{"2026-04-01", "2026-Q2", "2026-04-01", "2026-06-30"},
		{"2026-11-23", "2026-Q4", "2026-10-01", "2026-12-31"},
		{"2028-02-29", "2028-Q1", "2028-01-01", "2028-03-31"},
	} {
		d, err := ParseDate(tc.day)
		if err != nil {
			t.Fatal(err)
		}
		p := QuarterOf(d)
		if p.Text != tc.want || p.Start.Format(time.DateOnly) != tc.start || p.End.Format(time.DateOnly) != tc.end {
			t.Errorf("QuarterOf(%s) = %s %s..%s, want %s %s..%s", tc.day, p.Text, p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly), tc.want, tc.start, tc.end)
		}
	}
}
