package kpi

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/diag"
)

// readCase is one input file and everything expected from reading it: the
// problems as "line:col: message" and each KPI's series after Finish as
// "day=value@line:col …".
type readCase struct {
	name     string
	in       string
	problems []string
	series   map[string]string
}

var readCases = []readCase{
	{
		name: "long layout",
		in:   "date,kpi,value\n2026-01-31,leads,412\n2026-01-31,conv,10.4\n2026-02-28,leads,455\n",
		series: map[string]string{
			"leads": "2026-01-31=412@2:18 2026-02-28=455@4:18",
			"conv":  "2026-01-31=10.4@3:17",
		},
	},
	{
		name:   "long columns in any order and case, extra columns ignored",
		in:     " Value ,note,KPI,DATE\n412,hello,leads,2026-01-31\n",
		series: map[string]string{"leads": "2026-01-31=412@2:1"},
	},
	{
		name: "wide layout with empty cells and spaces",
		in:   "date,leads,conv\n2026-01-31,412,\n2026-02-28,,11.2\n2026-03-31, 470 , 12 \n",
		series: map[string]string{
			"leads": "2026-01-31=412@2:12 2026-03-31=470@4:13",
			"conv":  "2026-02-28=11.2@3:13 2026-03-31=12@4:19",
		},
	},
	{
		name:   "byte order mark is not part of the first column",
		in:     "\ufeffdate,kpi,value\n2026-01-31,leads,1\n",
		series: map[string]string{"leads": "2026-01-31=1@2:18"},
	},
	{
		name:   "CRLF line ends and no final line end",
		in:     "date,kpi,value\r\n2026-01-31,leads,1\r\n2026-02-28,leads,2",
		series: map[string]string{"leads": "2026-01-31=1@2:18 2026-02-28=2@3:18"},
	},
	{
		name: "quoted cells with commas, quotes and line breaks",
		in: "date,note,kpi,value\n" +
			"2026-01-31,\"a, \"\"quoted\"\" note\",leads,1\n" +
			"2026-02-28,\"two\nlines\",leads,2\n" +
			"2026-03-31,x,\"leads\",\"3\"\n",
		series: map[string]string{"leads": "2026-01-31=1@2:39 2026-02-28=2@4:14 2026-03-31=3@5:22"},
	},
	{
		name:   "quoted CRLF line break",
		in:     "date,kpi,value,note\r\n2026-01-31,leads,1,\"a\r\nb\"\r\n2026-02-28,leads,2,\r\n",
		series: map[string]string{"leads": "2026-01-31=1@2:18 2026-02-28=2@4:18"},
	},
	{
		name:   "spaces around quoted cells",
		in:     "date,kpi,value\n \"2026-01-31\" ,\t\"leads\"\t, \" 5 \" \n",
		series: map[string]string{"leads": "2026-01-31=5@2:27"},
	},
	{
		name:   "blank lines are skipped but counted",
		in:     "\ndate,kpi,value\n\n2026-01-31,leads,1\n   \n2026-02-28,leads,2\n",
		series: map[string]string{"leads": "2026-01-31=1@4:18 2026-02-28=2@6:18"},
	},
	{
		name: "plain decimal numbers",
		in:   "date,a,b,c,d,e,f,g,h\n2026-01-31,-12.5,1e3,+3,.5,5.,1E-2,007,-0\n",
		series: map[string]string{
			"a": "2026-01-31=-12.5@2:12", "b": "2026-01-31=1000@2:18", "c": "2026-01-31=3@2:22",
			"d": "2026-01-31=0.5@2:25", "e": "2026-01-31=5@2:28", "f": "2026-01-31=0.01@2:31",
			"g": "2026-01-31=7@2:36", "h": "2026-01-31=-0@2:40",
		},
	},
	{
		name: "values that are not plain numbers",
		in: "date,kpi,value\n" +
			"2026-01-31,x,\"12,5\"\n2026-01-31,x,NaN\n2026-01-31,x,nan\n2026-01-31,x,Infinity\n" +
			"2026-01-31,x,-Inf\n2026-01-31,x,0x10\n2026-01-31,x,1_000\n2026-01-31,x,1 000\n" +
			"2026-01-31,x,\n2026-01-31,x,.\n2026-01-31,x,e5\n2026-01-31,x,1e\n2026-01-31,x,1e+\n" +
			"2026-01-31,x,--1\n2026-01-31,x,1.2.3\n2026-01-31,x,12%\n2026-01-31,x,€5\n2026-01-31,x,1e400\n" +
			"2026-01-31,x,1e-400\n",
		problems: []string{
			`2:14: numbers such as "12,5" have a decimal comma: set snapshots.decimal: "," in .okrctl.yaml`,
			`3:14: value "NaN" for KPI "x" is not a number`,
			`4:14: value "nan" for KPI "x" is not a number`,
			`5:14: value "Infinity" for KPI "x" is not a number`,
			`6:14: value "-Inf" for KPI "x" is not a number`,
			`7:14: value "0x10" for KPI "x" is not a number`,
			`8:14: value "1_000" for KPI "x" is not a number`,
			`9:14: value "1 000" for KPI "x" is not a number`,
			`10:14: missing value for KPI "x"`,
			`11:14: value "." for KPI "x" is not a number`,
			`12:14: value "e5" for KPI "x" is not a number`,
			`13:14: value "1e" for KPI "x" is not a number`,
			`14:14: value "1e+" for KPI "x" is not a number`,
			`15:14: value "--1" for KPI "x" is not a number`,
			`16:14: value "1.2.3" for KPI "x" is not a number`,
			`17:14: value "12%" for KPI "x" is not a number`,
			`18:14: value "€5" for KPI "x" is not a number`,
			`19:14: value "1e400" for KPI "x" is out of range`,
		},
		// 1e-400 underflows to zero, as it does for strconv.ParseFloat.
		series: map[string]string{"x": "2026-01-31=0@20:14"},
	},
	{
		name: "dates",
		in: "date,kpi,value\n" +
			"2026-02-30,a,1\n2026-13-01,a,1\n2026-00-10,a,1\n2026-1-31,a,1\n26-01-31,a,1\n" +
			"2026/01/31,a,1\n2026-01-31T25:00:00Z,a,1\n2026-01-31T10:00:00,a,1\n2026-01-31 10:00:00Z,a,1\n" +
			"2026-02-29,a,1\n1900-02-29,a,1\n,a,1\n2026-01-31x,a,1\n" +
			"2028-02-29,a,1\n2000-02-29,a,2\n2026-01-31T23:59:59.999-12:00,a,3\n2026-12-31T00:00:00Z,a,4\n",
		problems: []string{
			`2:1: invalid date "2026-02-30" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`3:1: invalid date "2026-13-01" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`4:1: invalid date "2026-00-10" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`5:1: invalid date "2026-1-31" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`6:1: invalid date "26-01-31" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`7:1: invalid date "2026/01/31" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`8:1: invalid date "2026-01-31T25:00:00Z" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`9:1: date-time "2026-01-31T10:00:00" in column "date" has a time of day other than midnight and no time zone: write the date alone, or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`10:1: invalid date "2026-01-31 10:00:00Z" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`11:1: invalid date "2026-02-29" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`12:1: invalid date "1900-02-29" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`13:1: missing date in column "date"`,
			`14:1: invalid date "2026-01-31x" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
		},
		series: map[string]string{"a": "2000-02-29=2@16:14 2026-01-31=3@17:33 2026-12-31=4@18:24 2028-02-29=1@15:14"},
	},
	{
		name: "rows with the wrong number of fields",
		in:   "date,kpi,value\n2026-01-31,leads\n2026-01-31,leads,1,extra\nhello\n2026-01-31,leads,2\n",
		problems: []string{
			"2:1: row has 2 fields, header has 3",
			"3:1: row has 4 fields, header has 3",
			"4:1: row has 1 field, header has 3",
		},
		series: map[string]string{"leads": "2026-01-31=2@5:18"},
	},
	{
		name: "every bad cell of a long row is reported",
		in:   "Date,KPI,Value\n2026-02-30,,x\n",
		problems: []string{
			`2:1: invalid date "2026-02-30" in column "Date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`2:12: missing KPI id in column "KPI"`,
			`2:13: value "x" is not a number`,
		},
	},
	{
		name: "wide: a bad date skips the row, a bad value only its cell",
		in:   "date,a,b\n2026-02-30,1,2\n2026-03-01,x,3\n",
		problems: []string{
			`2:1: invalid date "2026-02-30" in column "date": want YYYY-MM-DD or an RFC 3339 timestamp (2026-01-31T10:00:00Z)`,
			`3:12: value "x" for KPI "a" is not a number`,
		},
		series: map[string]string{"a": "", "b": "2026-03-01=3@3:14"},
	},
	{
		name:     "invalid UTF-8 skips the row",
		in:       "date,kpi,value\n2026-01-31,l\xffeads,1\n2026-01-31,leads,2\n",
		problems: []string{"2:13: text is not valid UTF-8: save the file as UTF-8"},
		series:   map[string]string{"leads": "2026-01-31=2@3:18"},
	},
	{
		name:     "invalid UTF-8 inside a quoted line break",
		in:       "date,kpi,value,note\n2026-01-31,leads,1,\"ok\nb\xffd\"\n2026-02-28,leads,2,\n",
		problems: []string{"3:2: text is not valid UTF-8: save the file as UTF-8"},
		series:   map[string]string{"leads": "2026-02-28=2@4:18"},
	},
	{
		name:     "columns count characters, not bytes",
		in:       "date,note,kpi,value\n2026-01-31,città è,leads,x\n",
		problems: []string{`2:26: value "x" for KPI "leads" is not a number`},
		series:   map[string]string{"leads": ""},
	},
	{
		name:     "empty file",
		in:       "",
		problems: []string{"1:1: file is empty: want a header such as date,kpi,value"},
	},
	{
		name:     "file with only a byte order mark and blank lines",
		in:       "\ufeff\n  \n\r\n",
		problems: []string{"1:1: file is empty: want a header such as date,kpi,value"},
	},
	{
		name: "header only, long",
		in:   "date,kpi,value\n",
	},
	{
		name:   "header only, wide: the columns name KPIs",
		in:     "date,leads\n",
		series: map[string]string{"leads": ""},
	},
	{
		name:     "header without date, rows are not read",
		in:       "kpi,value\nleads,1\n",
		problems: []string{`1:1: header has no "date" column: the long layout needs date, kpi and value columns`},
	},
	{
		name:   "wide, with a KPI whose id is value",
		in:     "date,value\n2026-01-31,12\n",
		series: map[string]string{"value": "2026-01-31=12@2:12"},
	},
	{
		name:   "wide, with a KPI whose id is kpi",
		in:     "date,kpi,leads\n2026-01-31,3,12\n",
		series: map[string]string{"kpi": "2026-01-31=3@2:12", "leads": "2026-01-31=12@2:14"},
	},
	{
		name:     "header without kpi, date not first",
		in:       "value,date,leads\n",
		problems: []string{`1:1: header has no "kpi" column: the long layout needs date, kpi and value columns`},
	},
	{
		name:     "header without kpi and value",
		in:       "value,date\n",
		problems: []string{`1:1: header has no "kpi" column: the long layout needs date, kpi and value columns`},
	},
	{
		name:     "header with neither layout",
		in:       "day,leads\n",
		problems: []string{`1:1: header has no "date" column: want date,kpi,value (long layout) or date,<kpi>,<kpi>… (wide layout)`},
	},
	{
		name:     "wide header with date not first",
		in:       "leads,date\n2026-01-31,1\n",
		problems: []string{`1:7: column "date" must be the first column of a wide-layout file; a long-layout file needs kpi and value columns too`},
	},
	{
		name:     "header with only date",
		in:       "date\n2026-01-31\n",
		problems: []string{`1:1: header has only a "date" column: add a column per KPI (wide layout) or kpi and value columns (long layout)`},
	},
	{
		name:     "wide header with an empty cell",
		in:       "date,leads,,nps\n",
		problems: []string{`1:12: column 3 has no name: in the wide layout every column after "date" names a KPI`},
	},
	{
		name:     "duplicate long column, in another case",
		in:       "date,kpi,value,KPI\n",
		problems: []string{`1:16: column "KPI" appears twice (columns 2 and 4)`},
	},
	{
		name:     "duplicate wide column",
		in:       "date,leads,leads\n",
		problems: []string{`1:12: column "leads" appears twice (columns 2 and 3)`},
	},
	{
		name:     "duplicate ignored column",
		in:       "date,kpi,value,note,note\n",
		problems: []string{`1:21: column "note" appears twice (columns 4 and 5)`},
	},
	{
		name:     "data where the header should be",
		in:       "2026-01-31,leads,1\n",
		problems: []string{"1:1: the first line must be a header such as date,kpi,value, not data"},
	},
	{
		name:     "classic Mac line ends",
		in:       "date,kpi,value\r2026-01-31,leads,1\r",
		problems: []string{"1:1: file uses CR (classic Mac) line endings: save it with LF or CRLF line endings"},
	},
	{
		name:     "header with invalid UTF-8",
		in:       "date,caf\xe9\n",
		problems: []string{"1:9: text is not valid UTF-8: save the file as UTF-8"},
	},
	{
		name:     "UTF-16 file",
		in:       "\xff\xfed\x00a\x00t\x00e\x00",
		problems: []string{"1:1: file is UTF-16 text: save it as UTF-8 (in Excel: CSV UTF-8)"},
	},
	{
		name:     "header with text after a closing quote",
		in:       "date,\"kpi\"x,value\n",
		problems: []string{`1:11: unexpected 'x' after a closing quote: inside a quoted cell write a quote as ""`},
	},
	{
		name:     "unterminated quote",
		in:       "date,kpi,value\n2026-01-31,leads,1\n2026-02-28,\"leads,2\n2026-03-31,leads,3\n",
		problems: []string{`3:12: quoted cell is never closed: add the closing "`},
		series:   map[string]string{"leads": "2026-01-31=1@2:18"},
	},
	{
		name:     "quote inside an unquoted cell",
		in:       "date,kpi,value\n2026-01-31,le\"ads,1\n2026-02-28,leads,2\n",
		problems: []string{`2:14: unexpected quote inside an unquoted cell: put the whole cell in quotes and write each quote inside it as ""`},
		series:   map[string]string{"leads": "2026-02-28=2@3:18"},
	},
	{
		name:     "text after a closing quote",
		in:       "date,kpi,value\n2026-01-31,\"leads\"x,1\n2026-02-28,leads,2\n",
		problems: []string{`2:19: unexpected 'x' after a closing quote: inside a quoted cell write a quote as ""`},
		series:   map[string]string{"leads": "2026-02-28=2@3:18"},
	},
	{
		name: "duplicates in a long file, RFC 3339 date included",
		in:   "date,kpi,value\n2026-01-31,leads,1\n2026-01-31,conv,5\n2026-01-31,leads,2\n2026-01-31T12:00:00Z,leads,3\n",
		problems: []string{
			`4:18: KPI "leads" has two values for 2026-01-31 (first at a.csv:2)`,
			`5:28: KPI "leads" has two values for 2026-01-31 (first at a.csv:2)`,
		},
		series: map[string]string{"leads": "2026-01-31=1@2:18", "conv": "2026-01-31=5@3:17"},
	},
	{
		name:     "duplicates in a wide file",
		in:       "date,a\n2026-01-31,1\n2026-01-31,2\n",
		problems: []string{`3:12: KPI "a" has two values for 2026-01-31 (first at a.csv:2)`},
		series:   map[string]string{"a": "2026-01-31=1@2:12"},
	},
	{
		name:   "series are sorted by day",
		in:     "date,kpi,value\n2026-03-31,a,3\n2026-01-31,a,1\n2026-02-28,a,2\n",
		series: map[string]string{"a": "2026-01-31=1@3:14 2026-02-28=2@4:14 2026-03-31=3@2:14"},
	},
	{
		name:   "a line longer than the read buffer",
		in:     "date,kpi,value,note\n2026-01-31,a,1," + strings.Repeat("x", 200<<10) + "\n2026-02-28,a,2,\n",
		series: map[string]string{"a": "2026-01-31=1@2:14 2026-02-28=2@3:14"},
	},
	{
		name:     "a line longer than the limit",
		in:       "date,kpi,value\n" + strings.Repeat("x", maxRecord+1) + "\n2026-01-31,a,1\n",
		problems: []string{"2:1: line is longer than 4 MiB"},
		series:   map[string]string{"a": "2026-01-31=1@3:14"},
	},
	{
		name:     "a quoted cell longer than the limit",
		in:       "date,kpi,value\n2026-01-31,a,\"" + strings.Repeat("x\n", maxRecord/2+1) + "\"\n",
		problems: []string{"2:14: quoted cell is longer than 4 MiB: is its closing quote missing?"},
	},
}

// readAll reads in as a.csv into a new Store and finishes it.
func readAll(t *testing.T, r io.Reader) (*Store, []diag.Finding) {
	t.Helper()
	s := NewStore()
	problems := s.Read("a.csv", r)
	problems = append(problems, s.Finish()...)
	return s, problems
}

// results renders problems and series in a readCase's form, checking the
// invariants every result must keep.
func results(t *testing.T, s *Store, problems []diag.Finding) ([]string, map[string]string) {
	t.Helper()
	var ps []string
	for _, p := range problems {
		if p.File != "a.csv" || p.Rule != RuleCSV || p.Line < 1 || p.Column < 1 {
			t.Errorf("malformed problem %#v", p)
		}
		ps = append(ps, fmt.Sprintf("%d:%d: %s", p.Line, p.Column, p.Message))
	}
	series := map[string]string{}
	for _, id := range s.KPIs() {
		var pts []string
		for _, p := range s.Series(id) {
			pts = append(pts, fmt.Sprintf("%s=%g@%d:%d", p.Day, p.Value, p.Line, p.Col))
		}
		series[id] = strings.Join(pts, " ")
	}
	return ps, series
}

// readResults reads r as a.csv and returns its results in a readCase's form.
func readResults(t *testing.T, r io.Reader) ([]string, map[string]string) {
	t.Helper()
	s, problems := readAll(t, r)
	return results(t, s, problems)
}

func TestRead(t *testing.T) {
	readers := map[string]func(string) io.Reader{
		"whole":    func(s string) io.Reader { return strings.NewReader(s) },
		"one byte": func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
	}
	for _, tc := range readCases {
		for rname, reader := range readers {
			if rname != "whole" && len(tc.in) > 1<<20 {
				continue // too slow a byte at a time, and nothing new
			}
			t.Run(tc.name+"/"+rname, func(t *testing.T) {
				problems, series := readResults(t, reader(tc.in))
				if diff := cmp.Diff(tc.problems, problems); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
				want := tc.series
				if want == nil {
					want = map[string]string{}
				}
				if diff := cmp.Diff(want, series); diff != "" {
					t.Errorf("series (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestQuotedEqualsPlain checks the quoted-record parser against the fast
// path: quoting every cell of a file without quotes changes only columns.
func TestQuotedEqualsPlain(t *testing.T) {
	strip := func(series map[string]string) map[string]string {
		out := map[string]string{}
		for id, pts := range series {
			var b []string
			for p := range strings.FieldsSeq(pts) {
				b = append(b, p[:strings.LastIndexByte(p, ':')])
			}
			out[id] = strings.Join(b, " ")
		}
		return out
	}
	for _, tc := range readCases {
		if strings.ContainsAny(tc.in, "\"\r\ufeff") || len(tc.problems) > 0 || len(tc.in) > 1<<20 {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			lines := strings.Split(tc.in, "\n")
			for i, line := range lines {
				if strings.TrimSpace(line) == "" {
					continue
				}
				cells := strings.Split(line, ",")
				for j, c := range cells {
					cells[j] = `"` + c + `"`
				}
				lines[i] = strings.Join(cells, ",")
			}
			quoted := strings.Join(lines, "\n")
			_, plain := readResults(t, strings.NewReader(tc.in))
			problems, got := readResults(t, strings.NewReader(quoted))
			if len(problems) > 0 {
				t.Fatalf("%q: %v", quoted, problems)
			}
			if diff := cmp.Diff(strip(plain), strip(got)); diff != "" {
				t.Errorf("%q (-plain +quoted):\n%s", quoted, diff)
			}
		})
	}
}

func TestReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("date,kpi,value\n2026-01-31,a,1\n"), iotest.ErrReader(errors.New("disk on fire")))
	problems, series := readResults(t, r)
	if diff := cmp.Diff([]string{"3:1: cannot read: disk on fire"}, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"a": "2026-01-31=1@2:14"}, series); diff != "" {
		t.Errorf("series (-want +got):\n%s", diff)
	}
}

func TestDuplicatesAcrossFiles(t *testing.T) {
	s := NewStore()
	var problems []diag.Finding
	problems = append(problems, s.Read("kpis/a.csv", strings.NewReader("date,kpi,value\n2026-01-31,leads,1\n2026-02-28,leads,2\n"))...)
	problems = append(problems, s.Read("kpis/b.csv", strings.NewReader("date,leads\n2026-02-28,3\n2026-03-31,4\n2026-01-31,5\n"))...)
	problems = append(problems, s.Finish()...)
	var got []string
	for _, p := range problems {
		got = append(got, p.Error())
	}
	want := []string{
		`kpis/b.csv:2:12: error: KPI "leads" has two values for 2026-02-28 (first at kpis/a.csv:3) [csv]`,
		`kpis/b.csv:4:12: error: KPI "leads" has two values for 2026-01-31 (first at kpis/a.csv:2) [csv]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	var sources []string
	for _, p := range s.Series("leads") {
		sources = append(sources, p.Day.String()+" "+s.Source(p))
	}
	wantSources := []string{"2026-01-31 kpis/a.csv:2", "2026-02-28 kpis/a.csv:3", "2026-03-31 kpis/b.csv:3"}
	if diff := cmp.Diff(wantSources, sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if file, line := s.First("leads"); file != "kpis/a.csv" || line != 2 {
		t.Errorf("First(leads) = %s:%d, want kpis/a.csv:2", file, line)
	}
	if file, line := s.First("nope"); file != "" || line != 0 {
		t.Errorf("First(nope) = %q:%d, want \"\":0", file, line)
	}
	if s.Series("nope") != nil {
		t.Error("Series(nope) is not nil")
	}
	if diff := cmp.Diff([]string{"kpis/a.csv", "kpis/b.csv"}, s.Files()); diff != "" {
		t.Errorf("Files (-want +got):\n%s", diff)
	}
	// Finish again finds nothing new: the duplicates are gone.
	if p := s.Finish(); len(p) != 0 {
		t.Errorf("second Finish: %v", p)
	}
}

// TestReadFiles checks that reading in parallel gives what reading one file
// after the other gives, with unreadable paths among the files.
func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 40 {
		var b strings.Builder
		if i%3 == 0 {
			b.WriteString("date,kpi,value\n")
			for j := range 50 {
				fmt.Fprintf(&b, "2026-01-%02d,k%d,%d\n", 1+(i+j)%28, j%5, i*100+j)
			}
			b.WriteString("2026-02-30,k1,1\n")
		} else {
			b.WriteString("date,k0,k1,k9\n")
			for j := range 30 {
				fmt.Fprintf(&b, "2026-01-%02d,%d,,x%d\n", 1+(i*7+j)%28, j, j)
			}
		}
		path := filepath.Join(dir, fmt.Sprintf("f%02d.csv", i))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		if i == 17 {
			paths = append(paths, filepath.Join(dir, "missing.csv"), dir)
		}
	}

	par := NewStore()
	got := dump(par, append(par.ReadFiles(paths), par.Finish()...))

	seq := NewStore()
	var problems []diag.Finding
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			problems = append(problems, diag.Finding{File: path, Line: 1, Column: 1, Rule: RuleCSV, Message: "cannot read: " + errText(err)})
			seq.addFiles(path)
			continue
		}
		problems = append(problems, seq.Read(path, f)...)
		f.Close()
	}
	want := dump(seq, append(problems, seq.Finish()...))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadFiles differs from Read in order (-sequential +parallel):\n%s", diff)
	}
	for _, msg := range []string{
		filepath.Join(dir, "missing.csv") + ":1:1: error: cannot read: no such file or directory [csv]",
		dir + ":1:1: error: cannot read: is a directory [csv]",
	} {
		if !strings.Contains(got, msg+"\n") {
			t.Errorf("missing %q in\n%s", msg, got)
		}
	}
}

func TestPointSize(t *testing.T) {
	if got := unsafeSizeofPoint(); got != 24 {
		t.Errorf("Point is %d bytes, want 24", got)
	}
}
