package pull

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/okr"
	"github.com/okrctl/okrctl/pkg/source"
)

// TestMergeDialect checks that rows are written the way the file already
// writes them, and that every other byte is kept.
func TestMergeDialect(t *testing.T) {
	d := func(s string) kpi.Day { x, _ := kpi.ParseDay(s); return x }
	rows := []source.Row{{Day: d("2026-01-02"), Value: 12.5}, {Day: d("2026-01-15"), Value: 1500}}
	tests := []struct {
		name, in, want string
	}{
		{"new file", "", "date,kpi,value\n2026-01-02,leads,12.5\n2026-01-15,leads,1500\n"},
		{"empty file", "\n", "date,kpi,value\n2026-01-02,leads,12.5\n2026-01-15,leads,1500\n"},
		{"header only, no newline", "date,kpi,value", "date,kpi,value\n2026-01-02,leads,12.5\n2026-01-15,leads,1500\n"},
		{"inserted in date order", "date,kpi,value\n2026-01-01,leads,1\n2026-01-10,other,3\n2026-01-20,leads,5\n",
			"date,kpi,value\n2026-01-01,leads,1\n2026-01-02,leads,12.5\n2026-01-10,other,3\n2026-01-15,leads,1500\n2026-01-20,leads,5\n"},
		{"last line without a newline", "date,kpi,value\n2026-01-01,leads,1", "date,kpi,value\n2026-01-01,leads,1\n2026-01-02,leads,12.5\n2026-01-15,leads,1500\n"},
		{"semicolons, decimal comma, day first, CRLF",
			"\ufeffdata;kpi;value\r\n", // no date column: refused below
			""},
		{"semicolons, decimal comma, day first, CRLF, BOM",
			"\ufeffdate;kpi;value\r\n31/12/2025;leads;1,5\r\n",
			"\ufeffdate;kpi;value\r\n31/12/2025;leads;1,5\r\n02/01/2026;leads;12,5\r\n15/01/2026;leads;1500\r\n"},
		{"month first", "date,kpi,value\n12/31/2025,leads,1\n", "date,kpi,value\n12/31/2025,leads,1\n01/02/2026,leads,12.5\n01/15/2026,leads,1500\n"},
		{"tab separated with more columns", "date\tkpi\tvalue\tnote\n2026-01-01\tleads\t1\t\"first, by hand\"\n",
			"date\tkpi\tvalue\tnote\n2026-01-01\tleads\t1\t\"first, by hand\"\n2026-01-02\tleads\t12.5\t\n2026-01-15\tleads\t1500\t\n"},
		{"columns in another order", "kpi,value,date\nleads,1,2026-01-01\n", "kpi,value,date\nleads,1,2026-01-01\nleads,12.5,2026-01-02\nleads,1500,2026-01-15\n"},
		{"same values are no change", "date,kpi,value\n2026-01-02,leads,12.50\n2026-01-15,leads,\"1,500\"\n", "date,kpi,value\n2026-01-02,leads,12.50\n2026-01-15,leads,\"1,500\"\n"},
		{"wide file refused", "date,leads\n2026-01-01,1\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.csv")
			if tt.in != "" {
				if err := os.WriteFile(path, []byte(tt.in), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			f, err := readSnapshotFile(path, "s.csv", kpi.Dialect{})
			if tt.want == "" {
				if err == nil || !strings.Contains(err.Error(), "s.csv:1: not a long-layout snapshot file") {
					t.Fatalf("want the file refused, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			m := newMerger(f)
			c := m.add("leads", rows, false)
			if len(c.conflicts) > 0 {
				t.Fatalf("conflicts: %+v", c.conflicts)
			}
			got := string(m.render())
			if !m.changed() {
				got = tt.in
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("file (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMergeUpdateKeepsOtherCells rewrites only the value of a changed row.
func TestMergeUpdateKeepsOtherCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.csv")
	in := "date;kpi;value;note\r\n01/01/2026;leads;1,5;\"typed; by hand\"\r\n\r\n02/01/2026;leads;2;x\r\n"
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := readSnapshotFile(path, "s.csv", kpi.Dialect{})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := kpi.ParseDay("2026-01-02")
	m := newMerger(f)
	c := m.add("leads", []source.Row{{Day: d, Value: 2.25}}, true)
	if len(c.conflicts) != 1 || c.conflicts[0].Line != 4 || c.conflicts[0].FileValue != "2" {
		t.Fatalf("conflicts: %+v", c.conflicts)
	}
	want := "date;kpi;value;note\r\n01/01/2026;leads;1,5;\"typed; by hand\"\r\n\r\n02/01/2026;leads;2,25;x\r\n"
	if diff := cmp.Diff(want, string(m.render())); diff != "" {
		t.Errorf("file (-want +got):\n%s", diff)
	}
}

// FuzzMerge feeds arbitrary files to the reader and the merger: no panic,
// and a file that reads keeps every byte when nothing is added.
func FuzzMerge(f *testing.F) {
	for _, s := range []string{"date,kpi,value\n2026-01-01,leads,1\n", "date;kpi;value\r\n01/02/2026;leads;1,5\r\n", "kpi,value,date\n\"a\"\"b\",1,x\n", "date,leads\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "s.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		file, err := readSnapshotFile(path, "s.csv", kpi.Dialect{})
		if err != nil {
			return
		}
		d, _ := kpi.ParseDay("2026-01-02")
		m := newMerger(file)
		m.add("leads", []source.Row{{Day: d, Value: 1}}, true)
		out, err := m.output()
		if err != nil {
			return // refused: the file is left as it is
		}
		again, err := readSnapshotFile2(t, out)
		if err != nil {
			t.Fatalf("the merged file does not read back: %v\n%q", err, out)
		}
		if _, ok := again.index[key{"leads", d}]; !ok && len(m.updates) == 0 {
			t.Fatalf("the added row is not found in the merged file:\n%q", out)
		}
	})
}

func readSnapshotFile2(t *testing.T, data []byte) (*snapshotFile, error) {
	path := filepath.Join(t.TempDir(), "again.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return readSnapshotFile(path, "again.csv", kpi.Dialect{})
}

// FuzzLine checks the row writer against encoding/csv, which it stands in
// for to avoid a writer a row.
func FuzzLine(f *testing.F) {
	f.Add("2026-01-01", "leads", "1,5", ";", false)
	f.Add(" x", "a\"b", "line\nbreak", ",", true)
	f.Fuzz(func(t *testing.T, a, b, c, sep string, crlf bool) {
		comma := ','
		if sep == ";" {
			comma = ';'
		}
		// Each field on its own: "\xc2" and "\x82" are invalid alone and
		// valid together.
		if !utf8.ValidString(a) || !utf8.ValidString(b) || !utf8.ValidString(c) {
			return
		}
		d := dialect{comma: comma, crlf: crlf}
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.Comma, w.UseCRLF = comma, crlf
		if err := w.Write([]string{a, b, c}); err != nil {
			return
		}
		w.Flush()
		if got := d.line([]string{a, b, c}); want.String() != string(got) {
			t.Fatalf("line(%q, %q, %q) = %q, encoding/csv writes %q", a, b, c, got, want.String())
		}
	})
}

// TestFileOutsideRepository refuses to write outside the repository, and
// runs no source for such a KPI.
func TestFileOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	repo := filepath.Join(dir, "repo")
	k := &okr.KPI{ID: "leads", Source: &okr.Source{Type: "command", Command: []string{"false"}, File: "../outside.csv"}}
	res, err := Run(context.Background(), Options{KPIs: []*okr.KPI{k}, Dir: repo, Cwd: repo})
	if err != nil {
		t.Fatal(err)
	}
	if r := res.KPIs[0]; r.Err == nil || !strings.Contains(r.Error, "lies outside the repository") || r.Source != "" {
		t.Errorf("result %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "outside.csv")); err == nil {
		t.Error("wrote outside the repository")
	}
}

// TestMergeConfiguredDialect writes what .okrctl.yaml snapshots: says when
// the file cannot show it: a new file, or rows that do not tell.
func TestMergeConfiguredDialect(t *testing.T) {
	d := func(s string) kpi.Day { x, _ := kpi.ParseDay(s); return x }
	rows := []source.Row{{Day: d("2026-01-02"), Value: 12.5}}
	conf := kpi.Dialect{Decimal: ',', DateFormat: kpi.DateDMY}
	for _, tt := range []struct{ in, want string }{
		{"", "date;kpi;value\n02/01/2026;leads;12,5\n"},
		{"date;kpi;value\n01/01/2026;leads;3\n", "date;kpi;value\n01/01/2026;leads;3\n02/01/2026;leads;12,5\n"},
	} {
		path := filepath.Join(t.TempDir(), "s.csv")
		if tt.in != "" {
			if err := os.WriteFile(path, []byte(tt.in), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		f, err := readSnapshotFile(path, "s.csv", conf)
		if err != nil {
			t.Fatal(err)
		}
		m := newMerger(f)
		m.add("leads", rows, false)
		if diff := cmp.Diff(tt.want, string(m.render())); diff != "" {
			t.Errorf("from %q (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestOutputRefusesRowsThatWouldVanish checks that rows are not appended
// after a quoted field left open, where they would read back as part of it.
func TestOutputRefusesRowsThatWouldVanish(t *testing.T) {
	for _, data := range []string{
		"date,kpi,value,note\n2026-01-01,leads,1,\"typed by hand\n",
		"kpi,value,date,\"0\"00",
	} {
		path := filepath.Join(t.TempDir(), "s.csv")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		file, err := readSnapshotFile(path, "s.csv", kpi.Dialect{})
		if err != nil {
			continue // refused when read: as good
		}
		d, _ := kpi.ParseDay("2026-01-02")
		m := newMerger(file)
		m.add("leads", []source.Row{{Day: d, Value: 2}}, false)
		if out, err := m.output(); err == nil {
			t.Errorf("%q: rows appended to %q", data, out)
		}
	}
}
