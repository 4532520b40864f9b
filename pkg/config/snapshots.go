package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/pkg/kpi"
)

// Snapshots is the snapshots: section, how snapshot files write numbers
// and dates (docs/configuration.md, "snapshots"):
//
//	snapshots:
//	  decimal: ","
//	  date_format: DD/MM/YYYY
//	  ignore_columns: [Notes]
//	  files:
//	    "kpis/export-*.csv": {decimal: "."}
type Snapshots struct {
	// Dialect is for every file no glob of Files matches.
	Dialect kpi.Dialect
	// Files are the per-file settings, in the order written.
	Files []SnapshotFiles
}

// SnapshotFiles is one entry of snapshots.files: the dialect of the files
// that Glob matches, which is the section's with the entry's keys over it.
type SnapshotFiles struct {
	Glob    string
	Dialect kpi.Dialect
}

// For returns the dialect of the snapshot file at rel, a '/'-separated
// path relative to the configuration's directory: that of the first
// snapshots.files glob that matches it, else the section's.
func (s *Snapshots) For(rel string) kpi.Dialect {
	for _, f := range s.Files {
		if MatchGlob(f.Glob, rel) {
			return f.Dialect
		}
	}
	return s.Dialect
}

// dialectKeys are the keys of a dialect, in snapshots: and in each entry of
// snapshots.files.
const dialectKeys = "decimal, date_format or ignore_columns"

// parseSnapshots reads the snapshots: section.
func parseSnapshots(file string, v *yaml.Node) (Snapshots, error) {
	var s Snapshots
	fail := func(n *yaml.Node, format string, args ...any) error {
		return ErrorAt(file, n.Line, fmt.Sprintf(format, args...))
	}
	if v.Kind != yaml.MappingNode {
		return s, fail(v, "snapshots must be a mapping (keys %s, files)", dialectKeys)
	}
	var files *yaml.Node
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Value == "files" {
			files = val
			continue
		}
		if err := setDialect(&s.Dialect, k.Value, val); err != nil {
			if err == errUnknownKey {
				return s, fail(k, "unknown key snapshots.%s (want %s, files)", k.Value, dialectKeys)
			}
			return s, fail(val, "snapshots.%s: %v", k.Value, err)
		}
	}
	if files == nil {
		return s, nil
	}
	if files.Kind != yaml.MappingNode {
		return s, fail(files, "snapshots.files must be a mapping of glob to settings")
	}
	for i := 0; i+1 < len(files.Content); i += 2 {
		g, val := files.Content[i], files.Content[i+1]
		if err := CheckGlob(g.Value); err != nil || g.Value == "" {
			return s, fail(g, "snapshots.files: bad glob %q", g.Value)
		}
		if val.Kind != yaml.MappingNode {
			return s, fail(val, "snapshots.files.%q must be a mapping (keys %s)", g.Value, dialectKeys)
		}
		d := s.Dialect
		for j := 0; j+1 < len(val.Content); j += 2 {
			k, dv := val.Content[j], val.Content[j+1]
			if err := setDialect(&d, k.Value, dv); err != nil {
				if err == errUnknownKey {
					return s, fail(k, "unknown key %q in snapshots.files.%q (want %s)", k.Value, g.Value, dialectKeys)
				}
				return s, fail(dv, "snapshots.files.%q.%s: %v", g.Value, k.Value, err)
			}
		}
		s.Files = append(s.Files, SnapshotFiles{Glob: g.Value, Dialect: d})
	}
	return s, nil
}

var errUnknownKey = fmt.Errorf("unknown key")

// setDialect sets the dialect key to v.
func setDialect(d *kpi.Dialect, key string, v *yaml.Node) error {
	scalar := func() (string, error) {
		if v.Kind != yaml.ScalarNode || v.Value == "" {
			return "", fmt.Errorf("want a string")
		}
		return v.Value, nil
	}
	switch key {
	case "decimal":
		s, err := scalar()
		if err != nil {
			return fmt.Errorf(`want "." or "," (quoted)`)
		}
		d.Decimal, err = kpi.ParseDecimal(s)
		return err
	case "date_format":
		s, err := scalar()
		if err != nil {
			return fmt.Errorf("want YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY")
		}
		d.DateFormat, err = kpi.ParseDateFormat(s)
		return err
	case "ignore_columns":
		list, err := strings_(v)
		if err != nil {
			return err
		}
		d.IgnoreColumns = list
		return nil
	}
	return errUnknownKey
}
