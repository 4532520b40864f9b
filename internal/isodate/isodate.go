package isodate

import "time"

// Parse returns midnight UTC of the day s names and true when s is four,
// two and two ASCII digits separated by '-' and the day exists (month 1 to
// 12, day within the month, 29 February in leap years only, year 0000
// included as time.Parse takes it); otherwise the zero time and false.
func Parse(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	year, ok1 := digits(s[0:4])
	month, ok2 := digits(s[5:7])
	day, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || month < 1 || month > 12 || day < 1 || day > daysIn(year, time.Month(month)) {
		return time.Time{}, false
	}
	// time.Date would normalise and consult the location: the days since
	// 1970-01-01 give the same Time directly.
	return time.Unix(int64(daysSinceEpoch(year, month, day))*86400, 0).UTC(), true
}

// daysSinceEpoch is the number of days from 1970-01-01 to the day given,
// in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil:
// years counted from March, so that the leap day ends a year).
func daysSinceEpoch(year, month, day int) int {
	if month <= 2 {
		year--
	}
	era := year / 400
	if year < 0 {
		era = (year - 399) / 400
	}
	yoe := year - era*400  // 0 to 399
	mp := (month + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// daysIn is the number of days of month m of the proleptic Gregorian
// year (the calendar time uses).
func daysIn(year int, m time.Month) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// digits returns the value of s when it is ASCII digits only.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
