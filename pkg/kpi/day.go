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
// is 2026-01-31, although it is February 1st in UTC). RFC 3339 allows a
// lower-case t and z, and so does ParseDay.
func ParseDay(s string) (Day, error) {
	d, ok := parseDay([]byte(s))
	if !ok {
		return 0, fmt.Errorf("invalid date %q: want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)", s)
	}
	return d, nil
}

// parseDay is ParseDay on bytes, without an error value: the reader builds its
// own message, which names the column.
func parseDay(b []byte) (Day, bool) {
	d, miss, _, _ := parseDate(b, DateISO)
	return d, miss == dateOK
}

// dateMiss says why a date cell could not be read.
type dateMiss uint8

const (
	dateOK          dateMiss = iota
	dateBad                  // a date in no format
	dateNotMidnight          // a date-time at another time than midnight
	dateOtherFormat          // a date in a format other than the file's
)

// parseDate reads a date in format f: YYYY-MM-DD or an RFC 3339 timestamp in
// every format, or D/M/YYYY or M/D/YYYY (with '/', '.' or '-', one or two
// digits) as f says. A date may be followed by a time of midnight
// (2026-10-04 00:00:00), as spreadsheets write date-times. For a date
// written day-and-month first, dmy and mdy say which of DD/MM/YYYY and
// MM/DD/YYYY could read it, so that a message can name the format to set.
func parseDate(b []byte, f DateFormat) (d Day, miss dateMiss, dmy, mdy bool) {
	if len(b) >= 10 && b[4] == '-' {
		d, ok := parseISODate(b[:10])
		switch {
		case !ok:
			return 0, dateBad, false, false
		case len(b) == 10:
			return d, dateOK, false, false
		case len(b) >= 20 && (b[10] == 'T' || b[10] == 't') && rfc3339(b):
			return d, dateOK, false, false
		}
		switch clock(b[10:]) {
		case clockMidnight:
			return d, dateOK, false, false
		case clockOther:
			return 0, dateNotMidnight, false, false
		}
		return 0, dateBad, false, false
	}
	p1, p2, y, rest, ok := splitDMY(b)
	if !ok {
		return 0, dateBad, false, false
	}
	dmy = p2 >= 1 && p2 <= 12 && p1 >= 1 && p1 <= daysIn(y, p2)
	mdy = p1 >= 1 && p1 <= 12 && p2 >= 1 && p2 <= daysIn(y, p1)
	if !dmy && !mdy {
		return 0, dateBad, false, false
	}
	switch clock(rest) {
	case clockMidnight:
	case clockOther:
		return 0, dateNotMidnight, dmy, mdy
	default:
		return 0, dateBad, false, false
	}
	switch {
	case f == DateDMY && dmy:
		return civilDay(y, p2, p1), dateOK, dmy, mdy
	case f == DateMDY && mdy:
		return civilDay(y, p1, p2), dateOK, dmy, mdy
	}
	return 0, dateOtherFormat, dmy, mdy
}

// splitDMY splits N/N/YYYY (one or two digits, then four; '/', '.' or '-'
// between them, the same twice) and returns what follows.
func splitDMY(b []byte) (p1, p2, y int, rest []byte, ok bool) {
	i := 0
	num := func(min, max int) (int, bool) {
		n, start := 0, i
		for i < len(b) && isDigit(b[i]) && i-start < max {
			n = n*10 + int(b[i]-'0')
			i++
		}
		return n, i-start >= min && (i >= len(b) || !isDigit(b[i]))
	}
	if p1, ok = num(1, 2); !ok || i >= len(b) {
		return 0, 0, 0, nil, false
	}
	sep := b[i]
	if sep != '/' && sep != '.' && sep != '-' {
		return 0, 0, 0, nil, false
	}
	i++
	if p2, ok = num(1, 2); !ok || i >= len(b) || b[i] != sep {
		return 0, 0, 0, nil, false
	}
	i++
	if y, ok = num(4, 4); !ok {
		return 0, 0, 0, nil, false
	}
	return p1, p2, y, b[i:], true
}

type clockKind uint8

const (
	clockMidnight clockKind = iota // nothing, " 00:00", " 00:00:00", "T00:00:00.000"
	clockOther                     // a valid time of another hour
	clockBad                       // anything else
)

// clock classifies what follows a date: nothing, or ' ' or 'T' and a
// 24-hour HH:MM[:SS[.fff]] time.
func clock(b []byte) clockKind {
	if len(b) == 0 {
		return clockMidnight
	}
	if b[0] != ' ' && b[0] != 'T' && b[0] != 't' {
		return clockBad
	}
	b = b[1:]
	if len(b) != 5 && (len(b) < 8 || (len(b) > 8 && b[8] != '.')) {
		return clockBad
	}
	zero := true
	for i, c := range b {
		switch {
		case i == 2 || i == 5:
			if c != ':' {
				return clockBad
			}
		case i == 8:
		case !isDigit(c):
			return clockBad
		case c != '0':
			zero = false
		}
	}
	h := int(b[0]-'0')*10 + int(b[1]-'0')
	m := int(b[3]-'0')*10 + int(b[4]-'0')
	if h > 23 || m > 59 || (len(b) >= 8 && int(b[6]-'0')*10+int(b[7]-'0') > 59) {
		return clockBad
	}
	if zero {
		return clockMidnight
	}
	return clockOther
}

// rfc3339 checks a whole RFC 3339 timestamp (clock, fraction, offset) with
// time.Parse, whose result is not used because the date as written is what
// counts. RFC 3339 allows a lower-case t and z, which time.Parse does not.
func rfc3339(b []byte) bool {
	var buf [64]byte
	if len(b) > len(buf) {
		return false
	}
	u := buf[:len(b)]
	for i, c := range b {
		if c == 't' || c == 'z' {
			c -= 'a' - 'A'
		}
		u[i] = c
	}
	_, err := time.Parse(time.RFC3339, string(u))
	return err == nil
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
