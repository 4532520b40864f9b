package kpi

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/diag"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// dump renders what a Store holds after reading and Finish: the problems one
// a line, then every series, so that a golden file can be reviewed by eye.
func dump(s *Store, problems []diag.Finding) string {
	var b strings.Builder
	for _, p := range problems {
		b.WriteString(p.Error())
		b.WriteByte('\n')
	}
	for _, id := range s.KPIs() {
		file, line, col := s.FirstPos(id)
		fmt.Fprintf(&b, "%s (first at %s:%d:%d):", id, file, line, col)
		for _, p := range s.Series(id) {
			fmt.Fprintf(&b, " %s=%g@%s:%d", p.Day, p.Value, filepath.Base(s.Files()[p.File]), p.Line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// checkGolden compares got with the golden file, or rewrites it under -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
	}
}

// TestGolden reads each testdata/*.csv on its own and compares the problems
// and series with testdata/<name>.golden.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.csv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			s := NewStore()
			problems := s.ReadFiles([]string{file})
			problems = append(problems, s.Finish()...)
			checkGolden(t, strings.TrimSuffix(file, ".csv")+".golden", dump(s, problems))
		})
	}
}

// TestGoldenAll reads every testdata file into one Store, as okrctl reads a
// repository: KPIs in several files merge, and a KPI given a value for the
// same day in two files is a duplicate in the later file.
func TestGoldenAll(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.csv")
	s := NewStore()
	problems := s.ReadFiles(files)
	problems = append(problems, s.Finish()...)
	checkGolden(t, "testdata/all.golden", dump(s, problems))
}

// exportDefs are the KPI documents of the spreadsheet exports in testdata:
// their units and the column titles the Italian and Spanish files use.
var exportDefs = []Definition{
	{ID: "leads", Unit: "count", Columns: []string{"Lead MQL", "Leads MQL"}},
	{ID: "cpl", Unit: "EUR", Columns: []string{"CPL"}},
	{ID: "conversion_rate", Unit: "%", Columns: []string{"Tasso conversione", "Tasa de conversión"}},
	{ID: "revenue", Unit: "EUR", Columns: []string{"Fatturato", "Ingresos"}},
}

// TestGoldenExports reads the Italian and Spanish spreadsheet exports in
// testdata/export_*.csv with the settings they need and the KPI documents,
// and compares with testdata/<name>.dialect.golden. (TestGolden reads them
// without the settings: one problem each says which to set.)
func TestGoldenExports(t *testing.T) {
	files, err := filepath.Glob("testdata/export_*.csv")
	if err != nil || len(files) < 4 {
		t.Fatalf("want 4 exports in testdata: %v %v", files, err)
	}
	d := Dialect{Decimal: ',', DateFormat: DateDMY, IgnoreColumns: []string{"Comentarios"}}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			s := NewStore()
			s.Define(exportDefs)
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			problems := s.ReadDialect(file, f, d)
			problems = append(problems, s.Finish()...)
			checkGolden(t, strings.TrimSuffix(file, ".csv")+".dialect.golden", dump(s, problems))
		})
	}
}
