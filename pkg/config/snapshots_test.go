package config

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/okrctl/okrctl/pkg/kpi"
)

func TestParseSnapshots(t *testing.T) {
	src := `snapshots:
  decimal: ","
  date_format: dd/mm/yyyy
  ignore_columns: [Notes, Commento]
  files:
    "kpis/export-*.csv": {decimal: "."}
    "kpis/us/**": {date_format: MM/DD/YYYY, ignore_columns: Memo}
`
	c, err := Parse("/repo/.okrctl.yaml", "/repo", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	base := kpi.Dialect{Decimal: ',', DateFormat: kpi.DateDMY, IgnoreColumns: []string{"Notes", "Commento"}}
	want := Snapshots{
		Dialect: base,
		Files: []SnapshotFiles{
			{Glob: "kpis/export-*.csv", Dialect: kpi.Dialect{Decimal: '.', DateFormat: kpi.DateDMY, IgnoreColumns: []string{"Notes", "Commento"}}},
			{Glob: "kpis/us/**", Dialect: kpi.Dialect{Decimal: ',', DateFormat: kpi.DateMDY, IgnoreColumns: []string{"Memo"}}},
		},
	}
	if diff := cmp.Diff(want, c.Snapshots); diff != "" {
		t.Fatalf("Snapshots (-want +got):\n%s", diff)
	}
	for rel, want := range map[string]kpi.Dialect{
		"kpis/export-2026.csv":     want.Files[0].Dialect,
		"kpis/us/2026/q4.csv":      want.Files[1].Dialect,
		"kpis/snapshots/2026.csv":  base,
		"other/kpis/export-1.csv":  base, // a glob with '/' is anchored
		"kpis/export-2026.csv.bak": base,
	} {
		if diff := cmp.Diff(want, c.Snapshots.For(rel)); diff != "" {
			t.Errorf("For(%q) (-want +got):\n%s", rel, diff)
		}
	}
	if d := Default("/d").Snapshots.For("a.csv"); d.Decimal != 0 || d.DateFormat != "" {
		t.Errorf("default dialect = %+v", d)
	}
}

func TestParseSnapshotsErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"not a mapping", "snapshots: comma\n", 1, "snapshots must be a mapping (keys decimal, date_format or ignore_columns, files)"},
		{"unknown key", "snapshots:\n  separator: \";\"\n", 2, `unknown key snapshots.separator (want decimal, date_format or ignore_columns, files)`},
		{"bad decimal", "snapshots:\n  decimal: comma\n", 2, `snapshots.decimal: unknown decimal mark "comma" (want "." or ",")`},
		{"decimal list", "snapshots:\n  decimal: [\",\"]\n", 2, `snapshots.decimal: want "." or "," (quoted)`},
		{"bad date format", "snapshots:\n  date_format: D/M/Y\n", 2, `snapshots.date_format: unknown date format "D/M/Y" (want YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY)`},
		{"bad ignore_columns", "snapshots:\n  ignore_columns: {a: b}\n", 2, "snapshots.ignore_columns: want a list of strings"},
		{"files not a mapping", "snapshots:\n  files: [a.csv]\n", 2, "snapshots.files must be a mapping of glob to settings"},
		{"bad glob", "snapshots:\n  files:\n    'kpis/[a': {decimal: ','}\n", 3, `snapshots.files: bad glob "kpis/[a"`},
		{"entry not a mapping", "snapshots:\n  files:\n    a.csv: ','\n", 3, `snapshots.files."a.csv" must be a mapping (keys decimal, date_format or ignore_columns)`},
		{"unknown key in an entry", "snapshots:\n  files:\n    a.csv:\n      decimals: ','\n", 4, `unknown key "decimals" in snapshots.files."a.csv" (want decimal, date_format or ignore_columns)`},
		{"files in an entry", "snapshots:\n  files:\n    a.csv: {files: {}}\n", 3, `unknown key "files" in snapshots.files."a.csv" (want decimal, date_format or ignore_columns)`},
		{"bad value in an entry", "snapshots:\n  files:\n    a.csv: {date_format: ISO}\n", 3, `snapshots.files."a.csv".date_format: unknown date format "ISO" (want YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("/repo/.okrctl.yaml", "/repo", []byte(tt.src))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("Parse error = %v; want a *Error", err)
			}
			if ce.Line != tt.line || ce.Message != tt.msg {
				t.Errorf("error at line %d: %q, want line %d: %q", ce.Line, ce.Message, tt.line, tt.msg)
			}
		})
	}
}
