package kpi

import (
	"fmt"
	"time"
)

// Day is a calendar date as days since 1970-01-01 (UTC). It is an int32 so
// that millions of points stay compact; it covers every four-digit year.
type Day int32

const secondsPerDay = 24 * 60 * 60

// DayOf returns the calendar date of t as written in t's own location: the
// year, month and day of t, not of t converted to UTC.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return civilDay(y, int(m), d)
}

// Time returns midnight UTC at the start of d.
func (d Day) Time() time.Time {
	return time.Unix(int64(d)*secondsPerDay, 0).UTC()
}

// String formats d as YYYY-MM-DD.
func (d Day) String() string {
	y, m, dd := d.civil()
	if y < 0 || y > 9999 {
		return d.Time().Format(time.DateOnly)
	}
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10),
		'-', byte('0' + m/10), byte('0' + m%10),
		'-', byte('0' + dd/10), byte('0' + dd%10),
	}
	return string(b[:])
}

// ParseDay parses a date written as YYYY-MM-DD or an RFC 3339 timestamp; of a
// timestamp only the calendar date as written counts (2026-01-31T23:30:00-05:00
// is 2026-01-31, although it is February 1st in UTC).
func ParseDay(s string) (Day, error) {
	d, ok := parseDay([]byte(s))
	if !ok {
		return 0, fmt.Errorf("invalid date %q: want YYYY-MM-DD or an RFC 3339 timestamp", s)
	}
	return d, nil
}

// parseDay is ParseDay on bytes, without an error value: the reader builds its
// own message, which names the column.
func parseDay(b []byte) (Day, bool) {
	if len(b) == 10 {
		return parseISODate(b)
	}
	if len(b) < 20 || b[10] != 'T' {
		return 0, false
	}
	d, ok := parseISODate(b[:10])
	if !ok {
		return 0, false
	}
	// time.Parse checks the rest of the timestamp (clock, fraction, offset);
	// its result is not used because the date as written is what counts.
	if _, err := time.Parse(time.RFC3339, string(b)); err != nil {
		return 0, false
	}
	return d, true
}

// parseISODate parses exactly YYYY-MM-DD and rejects dates that do not exist.
func parseISODate(b []byte) (Day, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if b[i] < '0' || b[i] > '9' {
			return 0, false
		}
	}
	y := int(b[0]-'0')*1000 + int(b[1]-'0')*100 + int(b[2]-'0')*10 + int(b[3]-'0')
	m := int(b[5]-'0')*10 + int(b[6]-'0')
	d := int(b[8]-'0')*10 + int(b[9]-'0')
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return civilDay(y, m, d), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilDay and civil convert between a proleptic Gregorian date and days since
// 1970-01-01 with Howard Hinnant's days_from_civil / civil_from_days, which
// avoid time.Date's normalisation and allocation in the reader's hot path.
func civilDay(y, m, d int) Day {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

func (d Day) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, dd
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
