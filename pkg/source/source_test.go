package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
)

var today = mustDay("2026-02-01")

func mustDay(s string) kpi.Day {
	d, err := kpi.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func opts() Options { return Options{Env: func(string) string { return "" }, Today: today, MaxRows: 5} }

// collect runs a reader over text and returns the rows or the error text.
func collect(read func(*collector, *strings.Reader) error, in string) ([]Row, string) {
	c := newCollector("leads", "test", opts())
	if err := read(c, strings.NewReader(in)); err != nil {
		return nil, err.Error()
	}
	rows, err := c.result()
	if err != nil {
		return nil, err.Error()
	}
	return rows, ""
}

func csvReader(c *collector, r *strings.Reader) error  { return readCSV(c, r) }
func jsonReader(c *collector, r *strings.Reader) error { return readJSON(c, r) }

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Row
		err      string
	}{
		{"header", "date,value\n2026-01-01,1\n2026-01-02,2.5\n", []Row{{mustDay("2026-01-01"), 1, 1}, {mustDay("2026-01-02"), 2.5, 2}}, ""},
		{"no header", "2026-01-01,1\n", []Row{{mustDay("2026-01-01"), 1, 1}}, ""},
		{"named columns in another order", "\ufeffvalue;note;date\r\n3;x;2026-01-05\r\n", []Row{{mustDay("2026-01-05"), 3, 1}}, ""},
		{"one value is today", "value\n42\n", []Row{{today, 42, 1}}, ""},
		{"one row without a date", ",42\n", []Row{{today, 42, 1}}, ""},
		{"timestamp", "2026-01-01T23:30:00-05:00,1\n", []Row{{mustDay("2026-01-01"), 1, 1}}, ""},
		{"blank lines", "date,value\n\n2026-01-01,1\n\n", []Row{{mustDay("2026-01-01"), 1, 1}}, ""},
		{"bad rows", "date,value\n2026-01-01,1\n2026-02-30,2\n2026-01-03,\n2026-01-01,4\n2026-01-05\n",
			nil, "KPI leads, test source: 4 bad rows\n  row 2: date \"2026-02-30\" is not a date (want YYYY-MM-DD)\n  row 3: value is missing\n  row 4: date 2026-01-01 appears again (first in row 1)\n  row 5: has 1 fields, want date,value"},
		{"undated among others", "date,value\n2026-01-01,1\n,2\n", nil, "KPI leads, test source: 1 bad row\n  row 2: no date: only a source that returns a single row may leave the date out (it means today)"},
		{"too many rows", "2026-01-01,1\n2026-01-02,2\n2026-01-03,3\n2026-01-04,4\n2026-01-05,5\n2026-01-06,6\n2026-01-07,7\n", nil, "KPI leads, test source: returned more than 5 rows: aggregate in the query (one row a day)"},
		{"unbalanced quote", "date,value\n\"2026-01-01,1\n", nil, "not CSV: parse error on line 2, column 15: extraneous or missing \" in quoted-field"},
		{"three unnamed columns", "a,b,c\n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := collect(csvReader, tt.in)
			if tt.name == "three unnamed columns" {
				if err == "" {
					t.Errorf("accepted %q: %v", tt.in, got)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if err != tt.err {
				t.Errorf("error\n%s\nwant\n%s", err, tt.err)
			}
		})
	}
}

func TestReadJSON(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Row
		err      string
	}{
		{"objects", `[{"date": "2026-01-01", "value": 1}, {"date": "2026-01-02", "value": "2.5"}]`, []Row{{mustDay("2026-01-01"), 1, 1}, {mustDay("2026-01-02"), 2.5, 2}}, ""},
		{"pairs", `[["2026-01-01", 1e3]]`, []Row{{mustDay("2026-01-01"), 1000, 1}}, ""},
		{"wrapped", `{"rows": [{"date": "2026-01-01", "value": 1}]}`, []Row{{mustDay("2026-01-01"), 1, 1}}, ""},
		{"one value", `{"value": 7}`, []Row{{today, 7, 1}}, ""},
		{"bad rows", `[{"date": "2026-01-01"}, 3, ["2026-01-02"], {"date": "2026-01-03", "value": true}, {"date": "2026-01-04", "value": null}]`, nil,
			"KPI leads, test source: 5 bad rows\n  row 1: has no \"value\"\n  row 2: is a number, want an object with date and value\n  row 3: has 1 elements, want [date, value]\n  row 4: value true is a boolean, not a number\n  row 5: value is missing (NULL)"},
		{"not JSON", `[{"date": `, nil, "not JSON: unexpected EOF"},
		{"not a list", `"hello"`, nil, `the JSON answer is not a list of {"date": …, "value": …} objects`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := collect(jsonReader, tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if err != tt.err {
				t.Errorf("error\n%s\nwant\n%s", err, tt.err)
			}
		})
	}
}

func TestSQLiteReadOnly(t *testing.T) {
	for in, want := range map[string]string{
		"leads.db":                             "file:///repo/leads.db?_pragma=query_only%281%29&mode=ro",
		"/data/my leads#1.db":                  "file:///data/my%20leads%231.db?_pragma=query_only%281%29&mode=ro",
		"file:/data/x.db?mode=rw&cache=shared": "file:///data/x.db?_pragma=query_only%281%29&cache=shared&mode=ro",
	} {
		if got := sqliteReadOnly(in, "/repo"); got != want {
			t.Errorf("sqliteReadOnly(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSecretsRedacted(t *testing.T) {
	var s secrets
	s.add("postgres://report:pa55word@db.example:5432/sales")
	s.add("host=db user=report password='kv-secret' dbname=sales")
	for _, msg := range []string{
		"failed to connect to postgres://report:pa55word@db.example:5432/sales",
		"password authentication failed: pa55word",
		"user report:pa55word rejected",
		"bad password kv-secret",
	} {
		got := s.redact(msg)
		if strings.Contains(got, "pa55word") || strings.Contains(got, "kv-secret") {
			t.Errorf("redact(%q) = %q", msg, got)
		}
	}
}

func TestNewErrors(t *testing.T) {
	env := func(name string) string {
		return map[string]string{"DB": "x.db", "TOKEN": "t0ken-value"}[name]
	}
	tests := []struct {
		src  okr.Source
		want string
	}{
		{okr.Source{Type: "ftp"}, `KPI k, ftp source: unknown source type "ftp" (want sql, http or command)`},
		{okr.Source{Type: "sql", Driver: "mysql", DSNEnv: "DB", Query: "SELECT 1"}, `KPI k, sql (mysql) source: unknown driver "mysql" (want sqlite or postgres)`},
		{okr.Source{Type: "sql", DSNEnv: "DB"}, `KPI k, sql (sqlite) source: source.query is empty`},
		{okr.Source{Type: "sql", Query: "SELECT 1"}, `KPI k, sql (sqlite) source: source.dsn_env is not set: name the environment variable that holds it`},
		{okr.Source{Type: "sql", DSNEnv: "NOPE", Query: "SELECT 1"}, `KPI k, sql (sqlite) source: environment variable NOPE (source.dsn_env) is not set`},
		{okr.Source{Type: "http", URL: "ftp://x"}, `KPI k, http x source: source.url is not an http or https URL`},
		{okr.Source{Type: "http", URL: "https://x.example/a.csv", HeaderEnv: "TOKEN"}, `KPI k, http x.example source: source.header_env is set but source.header is not: name the header`},
		{okr.Source{Type: "http", URL: "https://x.example/a.csv", Header: "Authorization", HeaderEnv: "NOPE"}, `KPI k, http x.example source: environment variable NOPE (source.header_env) is not set`},
		{okr.Source{Type: "command"}, `KPI k, command source: source.command is empty: give the program and its arguments as a list`},
	}
	for _, tt := range tests {
		src := tt.src
		_, err := New(&okr.KPI{ID: "k", Source: &src}, Options{Env: env})
		if err == nil || err.Error() != tt.want {
			t.Errorf("New(%+v) = %v, want %s", tt.src, err, tt.want)
		}
	}
	if _, err := New(&okr.KPI{ID: "k"}, Options{Env: env}); err == nil {
		t.Error("New without a source did not fail")
	}
}

// TestCommandTimeout checks that a command that does not answer is killed.
func TestCommandTimeout(t *testing.T) {
	src, err := New(&okr.KPI{ID: "k", Source: &okr.Source{Type: "command", Command: []string{"sleep", "30"}}}, opts())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = src.Fetch(ctx)
	var se *Error
	if !errors.As(err, &se) || !se.Timeout {
		t.Fatalf("want a timeout, got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}

// FuzzReadCSV and FuzzReadJSON check that no answer panics and that every
// bad row is named with a row number within the answer.
func FuzzReadCSV(f *testing.F) {
	f.Add("date,value\n2026-01-01,1\n")
	f.Add("value;date\r\n1,5;01/02/2026\r\n")
	f.Add("\"a\"\"b\",2026-01-01\n")
	f.Fuzz(func(t *testing.T, in string) { fuzzRead(t, csvReader, in) })
}

func FuzzReadJSON(f *testing.F) {
	f.Add(`[{"date": "2026-01-01", "value": 1}]`)
	f.Add(`{"data": [["2026-01-01", "1"]]}`)
	f.Add(`{"value": 1}`)
	f.Fuzz(func(t *testing.T, in string) { fuzzRead(t, jsonReader, in) })
}

func fuzzRead(t *testing.T, read func(*collector, *strings.Reader) error, in string) {
	c := newCollector("leads", "test", opts())
	if err := read(c, strings.NewReader(in)); err != nil {
		return
	}
	rows, err := c.result()
	var se *Error
	if err != nil && !errors.As(err, &se) {
		t.Fatalf("error %T: %v", err, err)
	}
	for _, r := range rows {
		if r.N < 1 {
			t.Fatalf("row numbered %d", r.N)
		}
	}
	if se != nil {
		for _, p := range se.Rows {
			if p.N < 1 {
				t.Fatalf("bad row numbered %d", p.N)
			}
		}
	}
}

// TestHTTPHeaderStaysWithItsHost checks that a redirect to another host
// does not carry the secret header along.
func TestHTTPHeaderStaysWithItsHost(t *testing.T) {
	var leaked string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked = r.Header.Get("X-Api-Key")
		fmt.Fprintln(w, "2026-01-01,1")
	}))
	defer other.Close()
	first := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != "k3y-value" {
			http.Error(w, "no key", http.StatusUnauthorized)
			return
		}
		// Another host: localhost instead of 127.0.0.1.
		http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/rows.csv", http.StatusFound)
	}))
	defer first.Close()
	o := opts()
	o.Env = func(string) string { return "k3y-value" }
	src, err := New(&okr.KPI{ID: "k", Source: &okr.Source{Type: "http", URL: first.URL, Header: "X-Api-Key", HeaderEnv: "KEY"}}, o)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := src.Fetch(context.Background())
	if err != nil || len(rows) != 1 {
		t.Fatalf("Fetch: %v %v", rows, err)
	}
	if leaked != "" {
		t.Errorf("the header reached the other host: %q", leaked)
	}
}
