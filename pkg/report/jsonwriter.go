package report

import (
	"bufio"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonWriter writes JSON values exactly as encoding/json marshals them, for
// the documents okrctl streams instead of building in memory.
type jsonWriter struct {
	w   *bufio.Writer
	buf []byte
}

func (j *jsonWriter) raw(s string) { j.w.WriteString(s) }

// field writes the separator and indentation before a key, then the key.
func (j *jsonWriter) field(indent, key string, first bool) {
	if !first {
		j.w.WriteByte(',')
	}
	j.w.WriteString(indent)
	j.str(key)
	j.w.WriteString(": ")
}

// str writes a JSON string. Plain text is written as it is; anything
// encoding/json would escape (quotes, backslashes, control characters,
// <, > and &, U+2028 and U+2029, invalid UTF-8) is left to it.
func (j *jsonWriter) str(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= utf8.RuneSelf {
			b, _ := json.Marshal(s) // a string always marshals
			j.w.Write(b)
			return
		}
	}
	j.w.WriteByte('"')
	j.w.WriteString(s)
	j.w.WriteByte('"')
}

func (j *jsonWriter) optStr(s *string) {
	if s == nil {
		j.w.WriteString("null")
		return
	}
	j.str(*s)
}

// num writes a number as encoding/json does (shortest form, an exponent
// below 1e-6 and from 1e21), or null. Non-finite values, which JSON cannot
// hold, are null too.
func (j *jsonWriter) num(f *float64) {
	if f == nil || math.IsInf(*f, 0) || math.IsNaN(*f) {
		j.w.WriteString("null")
		return
	}
	v := *f
	format := byte('f')
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(j.buf[:0], v, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	j.buf = b
	j.w.Write(b)
}
