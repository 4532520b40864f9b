package checkin

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/okr"
)

func f(v float64) *float64 { return &v }

func date(s string) time.Time { t, _ := okr.ParseDate(s); return t }

func TestIsCheckInHeader(t *testing.T) {
	for in, want := range map[string]bool{
		"date,objective,key_result,value,confidence,note,author": true,
		"\ufeffDate;Objective;Key_Result;Value\r":                true,
		"key_result\tobjective\tdate":                            true,
		"date,kpi,value":                                         false,
		"date,objective,value":                                   false,
		`"date,objective,key_result`:                             false,
	} {
		if got := IsCheckInHeader([]byte(in)); got != want {
			t.Errorf("IsCheckInHeader(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestRead(t *testing.T) {
	in := strings.Join([]string{
		"date,objective,key_result,value,confidence,note,author",
		`2026-10-05,grow,mql,120,7,"Two webinars, one moved",Giulia Rossi`,
		"2026-10-12,grow,mql,,5,no number this week,",
		"12/10/2026,grow,mql,1,5,,",
		"2026-10-19,grow,mql,1.234,5,,",
		"2026-10-19,grow,mql,1,11,,",
		"2026-10-19,,mql,1,1,,",
		"2026-10-19,grow,mql,1,1,,,extra",
		"",
		"2026-10-26,grow,sql,3,,,",
	}, "\n") + "\n"
	got, problems := Read("checkins/2026-Q4.csv", strings.NewReader(in))
	want := []Entry{
		{"grow", "mql", okr.CheckIn{Date: date("2026-10-05"), Value: f(120), Confidence: f(7), Note: "Two webinars, one moved", Author: "Giulia Rossi", File: "checkins/2026-Q4.csv", Line: 2}},
		{"grow", "mql", okr.CheckIn{Date: date("2026-10-12"), Confidence: f(5), Note: "no number this week", File: "checkins/2026-Q4.csv", Line: 3}},
		{"grow", "mql", okr.CheckIn{Date: date("2026-10-19"), Value: f(1.234), Confidence: f(5), File: "checkins/2026-Q4.csv", Line: 5}},
		{"grow", "sql", okr.CheckIn{Date: date("2026-10-26"), Value: f(3), File: "checkins/2026-Q4.csv", Line: 10}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	wantMsgs := []string{
		`checkins/2026-Q4.csv:4:1: error: date "12/10/2026": want YYYY-MM-DD [csv]`,
		`checkins/2026-Q4.csv:6:23: error: confidence "11": want a number from 0 to 10 [csv]`,
		`checkins/2026-Q4.csv:7:12: error: check-in names no objective or key result [csv]`,
		`checkins/2026-Q4.csv:8:1: error: row has 8 fields, header has 7 [csv]`,
	}
	if diff := cmp.Diff(wantMsgs, msgs); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestAttach(t *testing.T) {
	mql, sql := &okr.KeyResult{ID: "mql"}, &okr.KeyResult{ID: "sql"}
	objs := map[string]*okr.Objective{"grow": {ID: "grow", KeyResults: []*okr.KeyResult{mql, sql}}}
	entries := []Entry{
		{"grow", "mql", okr.CheckIn{Date: date("2026-10-12"), Line: 3, File: "a.csv"}},
		{"grow", "mql", okr.CheckIn{Date: date("2026-10-05"), Line: 2, File: "a.csv"}},
		{"grow", "nope", okr.CheckIn{Date: date("2026-10-05"), Line: 4, File: "a.csv"}},
		{"shrink", "mql", okr.CheckIn{Date: date("2026-10-05"), Line: 5, File: "a.csv"}},
	}
	problems := Attach(objs, entries)
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	want := []string{
		`a.csv:4:1: error: check-in for unknown key result "nope" of objective "grow" [csv]`,
		`a.csv:5:1: error: check-in for unknown objective "shrink" [csv]`,
	}
	if diff := cmp.Diff(want, msgs); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if len(mql.CheckIns) != 2 || mql.CheckIns[0].Line != 2 || mql.CheckIns[1].Line != 3 {
		t.Errorf("mql check-ins not attached oldest first: %+v", mql.CheckIns)
	}
	if len(sql.CheckIns) != 0 {
		t.Errorf("sql got check-ins: %+v", sql.CheckIns)
	}
	if c, ok := Latest(mql, date("2026-10-06")); !ok || c.Line != 2 {
		t.Errorf("Latest on 2026-10-06 = %+v, %v", c, ok)
	}
	if _, ok := Latest(mql, date("2026-10-01")); ok {
		t.Error("Latest before every check-in found one")
	}
}

func TestAdd(t *testing.T) {
	e := Entry{"grow", "mql", okr.CheckIn{Date: date("2026-10-05"), Value: f(120.5), Confidence: f(7), Note: "line one\nline two, with a comma", Author: "Giulia"}}
	data, line, err := Add(nil, e)
	if err != nil {
		t.Fatal(err)
	}
	want := "date,objective,key_result,value,confidence,note,author\n2026-10-05,grow,mql,120.5,7,\"line one line two, with a comma\",Giulia\n"
	if diff := cmp.Diff(want, string(data)); diff != "" || line != 2 {
		t.Errorf("new file, line %d (-want +got):\n%s", line, diff)
	}
	// Another file's dialect: semicolons, CRLF, no final line end, columns reordered.
	in := "objective;key_result;date;value\r\ngrow;mql;2026-10-01;1"
	data, line, err = Add([]byte(in), Entry{"grow", "sql", okr.CheckIn{Date: date("2026-10-05")}})
	if err != nil {
		t.Fatal(err)
	}
	want = in + "\r\ngrow;sql;2026-10-05;\r\n"
	if diff := cmp.Diff(want, string(data)); diff != "" || line != 3 {
		t.Errorf("existing file, line %d (-want +got):\n%s", line, diff)
	}
	got, problems := Read("x.csv", strings.NewReader(string(data)))
	if len(problems) > 0 || len(got) != 2 || got[1].Line != 3 {
		t.Errorf("read back: %+v %v", got, problems)
	}
	if _, _, err := Add([]byte("date,kpi,value\n"), e); err == nil {
		t.Error("Add to a snapshot file did not fail")
	}
}

// FuzzRead checks that no input panics and that every entry and problem
// points at a line of the file.
func FuzzRead(f *testing.F) {
	f.Add("date,objective,key_result,value,confidence,note,author\n2026-10-05,grow,mql,120,7,note,me\n")
	f.Add("date;objective;key_result\r\n\"2026-10-05\";\"a\"\"b\";c\r\n")
	f.Add("date,objective,key_result\n2026-10-05,\"grow\nmultiline\",mql\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, problems := Read("f.csv", strings.NewReader(in))
		lines := strings.Count(in, "\n") + 1
		for _, e := range entries {
			if e.Line < 2 || e.Line > lines {
				t.Fatalf("entry at line %d of %d", e.Line, lines)
			}
		}
		for _, p := range problems {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("problem at line %d of %d: %v", p.Line, lines, fmt.Sprint(p))
			}
		}
	})
}
