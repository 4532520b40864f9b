package kpi

import (
	"bytes"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/okrctl/okrctl/internal/fuzzseed"
	"github.com/okrctl/okrctl/pkg/diag"
)

// fuzzDialects are the dialects FuzzRead reads every input in.
var fuzzDialects = []Dialect{
	{},
	{Decimal: '.'},
	{Decimal: ','},
	{Decimal: ',', DateFormat: DateDMY, IgnoreColumns: []string{"Note"}},
	{DateFormat: DateMDY},
}

// FuzzRead reads arbitrary bytes as a snapshot file, in every dialect and
// with KPI documents that have units and column titles. It must never
// panic, every problem must point at a line and column, Finish must leave
// every series sorted by day with one point a day, and no number may be
// read silently wrong: the default dialect reads only what an explicit
// decimal point reads, and where it reads a cell differently from the
// decimal-comma dialect, the file holds a number that only the decimal
// point reads.
func FuzzRead(f *testing.F) {
	fuzzseed.AddFiles(f, filepath.Join("testdata", "*.csv"))
	for _, s := range []string{
		"date;kpi;value\r\n31/10/2026;leads;212.400\r\n31/10/2026;rate;46,5%\r\n;;\r\n",
		"\ufeffdate;Lead MQL;CPL;Note\r\n04/10/2026 00:00:00;1.205;€ 46,50;x\r\n;;;\r\n",
		"date\tkpi\tvalue\n2026-10-04\tIngresos\t1.250.000,50 EUR\n\t\t\n",
		"date,kpi,value\n10/31/2026,leads,\"1,200,000.5\"\n2026-02-28t10:00:00z,leads,$3\n",
		"date;kpi;value\n2026-01-01;a;1,250\n2026-01-02;a;0.125\n2026-01-03;a;-212.400\n",
		"date,kpi,value\n2026-01-01,a,212.400\n2026-01-02,a,412\n2026-01-03,a,\"1,250\"\n",
	} {
		f.Add([]byte(s))
	}
	defs := []Definition{
		{ID: "leads", Unit: "count", Columns: []string{"Lead MQL"}},
		{ID: "rate", Unit: "%"},
		{ID: "CPL", Unit: "EUR", Columns: []string{"cpl"}},
		{ID: "revenue", Unit: "EUR", Columns: []string{"Ingresos"}},
		{ID: "a", Unit: "$"},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		values := make([]map[[2]int32]float64, len(fuzzDialects))
		dups := false
		for i, d := range fuzzDialects {
			s := NewStore()
			s.Define(defs)
			problems := s.ReadDialect("f.csv", bytes.NewReader(data), d)
			finish := s.Finish()
			dups = dups || len(finish) > 0
			problems = append(problems, finish...)
			values[i] = checkRead(t, s, problems, data)
		}

		pointOnly := false
		for cell := range values[1] {
			if _, ok := values[2][cell]; !ok {
				pointOnly = true
			}
		}
		for cell, v := range values[0] {
			if w, ok := values[1][cell]; !ok || math.Float64bits(v) != math.Float64bits(w) {
				t.Fatalf("cell %v: default dialect read %v, decimal point %v (%v)", cell, v, w, ok)
			}
			// A duplicate row is dropped after it told the file's decimal
			// mark: the surviving values no longer show what decided it.
			if w, ok := values[2][cell]; ok && v != w && !pointOnly && !dups {
				t.Fatalf("cell %v: default dialect read %v, decimal comma %v, and no number only a decimal point reads", cell, v, w)
			}
		}
	})
}

// checkRead checks what a read gave and returns its values by cell.
func checkRead(t *testing.T, s *Store, problems []diag.Finding, data []byte) map[[2]int32]float64 {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, p := range problems {
		if p.File != "f.csv" || p.Rule != RuleCSV || p.Line < 1 || p.Column < 1 || p.Line > lines+1 || p.Message == "" {
			t.Fatalf("bad problem %#v", p)
		}
	}
	values := map[[2]int32]float64{}
	for _, id := range s.KPIs() {
		pts := s.Series(id)
		for i, p := range pts {
			if p.Line < 1 || int(p.Line) > lines || p.Col < 1 || p.File != 0 || math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
				t.Fatalf("bad point %+v in %q", p, id)
			}
			if i > 0 && pts[i-1].Day >= p.Day {
				t.Fatalf("series %q not sorted: %v", id, pts)
			}
			values[[2]int32{p.Line, p.Col}] = p.Value
		}
		if file, line := s.First(id); file != "f.csv" || line < 1 {
			t.Fatalf("First(%q) = %s:%d", id, file, line)
		}
	}
	return values
}

// FuzzReadNumber checks the reader of grouped numbers against
// strconv.ParseFloat of the number without its thousands separators and
// with a decimal point.
func FuzzReadNumber(f *testing.F) {
	for _, s := range []string{"212.400", "46,5", "1.200.000", "212.400,5", "1,200,000.5", "0,125", "-1.234,5e3", "1..2", ",5", "1.2345", "12,34,567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range [][2]byte{{'.', ','}, {',', '.'}} {
			dec, thou := m[0], m[1]
			v, ok, _ := readNumber([]byte(s), dec, thou, nil)
			if !ok {
				continue
			}
			plain := strings.ReplaceAll(s, string(thou), "")
			plain = strings.ReplaceAll(plain, string(dec), ".")
			want, err := strconv.ParseFloat(plain, 64)
			if err != nil || math.Float64bits(v) != math.Float64bits(want) {
				t.Fatalf("readNumber(%q, %c) = %v, strconv(%q) = %v, %v", s, dec, v, plain, want, err)
			}
			if strings.Count(s, string(dec)) > 1 || strings.ContainsAny(s, "xXpP_nN") {
				t.Fatalf("readNumber(%q, %c) accepted %v", s, dec, v)
			}
		}
	})
}

// FuzzParseValue checks the hand-written number parser against
// strconv.ParseFloat: the same value for every accepted number, and a
// rejected number that strconv accepts must be one the format excludes.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"412", "-12.5", "1e3", "+3", ".5", "5.", "0.1", "123456789012345678", "1e-400", "NaN", "0x1p3", "1_0", "9007199254740993"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseValue([]byte(s))
		want, werr := strconv.ParseFloat(s, 64)
		switch {
		case err == nil && (werr != nil || math.Float64bits(got) != math.Float64bits(want)):
			t.Fatalf("parseValue(%q) = %v, strconv: %v, %v", s, got, want, werr)
		case err == errOutOfRange && werr == nil:
			t.Fatalf("parseValue(%q) out of range, strconv: %v", s, want)
		case err == errNotNumber && werr == nil && !strings.ContainsAny(strings.ToLower(s), "nafiyx_p"):
			t.Fatalf("parseValue(%q) not a number, strconv: %v", s, want)
		}
	})
}
