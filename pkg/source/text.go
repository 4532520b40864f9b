package source

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readCSV reads date,value CSV (a header naming date and value is optional;
// the separator is a comma, a semicolon or a tab, as the first line shows)
// into c. Rows are numbered from the first data row.
func readCSV(c *collector, r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = separator(data)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	di, vi, n := 0, 1, 0
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("not CSV: %w", err)
		}
		if first && isHeader(rec) {
			d, v, err := dateValueColumns(rec)
			if err != nil {
				return err
			}
			di, vi = d, v
			continue
		}
		n++
		if c.full() {
			return nil
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			n--
			continue // a blank line
		}
		var date any
		switch {
		case di >= 0 && di < len(rec) && vi < len(rec):
			date = rec[di]
		case di < 0 && vi < len(rec):
		default:
			c.bad(n, "has %d fields, want date,value", len(rec))
			continue
		}
		c.add(n, date, rec[vi])
	}
}

// isHeader reports whether a first record names its columns rather than
// holding a value.
func isHeader(rec []string) bool {
	for _, f := range rec {
		switch strings.ToLower(strings.TrimSpace(f)) {
		case "date", "value":
			return true
		}
	}
	return false
}

// separator is the first of tab, semicolon and comma found on the first line.
func separator(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte{'\n'})
	for _, s := range []byte{'\t', ';', ','} {
		if bytes.IndexByte(line, s) >= 0 {
			return rune(s)
		}
	}
	return ','
}

// readJSON reads a JSON answer into c: an array of {"date", "value"}
// objects or of [date, value] pairs, or one {"value"} object (today). An
// object whose only array is under a key such as "rows" or "data" is
// unwrapped.
func readJSON(c *collector, r io.Reader) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if m, ok := doc.(map[string]any); ok {
		if _, hasValue := m["value"]; hasValue {
			doc = []any{m}
		} else {
			for _, v := range m {
				if a, ok := v.([]any); ok {
					doc = a
					break
				}
			}
		}
	}
	list, ok := doc.([]any)
	if !ok {
		return fmt.Errorf(`the JSON answer is not a list of {"date": …, "value": …} objects`)
	}
	for i, e := range list {
		n := i + 1
		if c.full() {
			return nil
		}
		switch x := e.(type) {
		case map[string]any:
			v, ok := x["value"]
			if !ok {
				c.bad(n, `has no "value"`)
				continue
			}
			c.add(n, jsonScalar(x["date"]), jsonScalar(v))
		case []any:
			if len(x) != 2 {
				c.bad(n, "has %d elements, want [date, value]", len(x))
				continue
			}
			c.add(n, jsonScalar(x[0]), jsonScalar(x[1]))
		default:
			c.bad(n, "is %s, want an object with date and value", jsonKind(e))
		}
	}
	return nil
}

// jsonScalar turns a decoded JSON value into what collector.add reads.
func jsonScalar(v any) any {
	switch x := v.(type) {
	case json.Number:
		return x.String()
	case nil, string:
		return x
	case bool:
		return x
	}
	return fmt.Sprintf("%v", v)
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "a value"
}
