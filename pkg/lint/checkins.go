package lint

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/okrctl/okrctl/pkg/checkin"
	"github.com/okrctl/okrctl/pkg/config"
	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/okr"
)

// readCheckIns reads the repository's check-in files (CSV files whose
// header names objective and key_result columns) and returns a copy of
// repo that lists only the other CSV files, the snapshot files. A file
// that cannot be opened stays among the snapshot files, which report it.
func readCheckIns(fsys fs.FS, repo *okr.Repo) (*okr.Repo, []checkin.Entry, []diag.Finding) {
	snap := *repo
	snap.CSV, snap.CSVDisplay = nil, nil
	var entries []checkin.Entry
	var problems []diag.Finding
	for i, p := range repo.CSV {
		name := repo.CSVDisplay[i]
		if data, err := fs.ReadFile(fsys, p); err == nil {
			first, _, _ := bytes.Cut(data, []byte{'\n'})
			if checkin.IsCheckInHeader(first) {
				e, pr := checkin.Read(name, bytes.NewReader(data))
				entries, problems = append(entries, e...), append(problems, pr...)
				continue
			}
		}
		snap.CSV, snap.CSVDisplay = append(snap.CSV, p), append(snap.CSVDisplay, name)
	}
	return &snap, entries, problems
}

// attachCheckIns gives the check-ins to their key results. Objectives that
// receive some are copies, and so are their key results: the model may be
// shared with other runs through a Cache and is never modified.
func attachCheckIns(objectives []*okr.Objective, entries []checkin.Entry, problems []diag.Finding) ([]*okr.Objective, []diag.Finding) {
	if len(entries) == 0 {
		return objectives, problems
	}
	out := slices.Clone(objectives)
	byID := map[string]*okr.Objective{}
	for i, o := range out {
		if _, dup := byID[o.ID]; dup || o.ID == "" {
			continue
		}
		c := *o
		c.KeyResults = make([]*okr.KeyResult, len(o.KeyResults))
		for j, kr := range o.KeyResults {
			k := *kr
			k.CheckIns = slices.Clip(kr.CheckIns)
			c.KeyResults[j] = &k
		}
		out[i], byID[o.ID] = &c, &c
	}
	return out, append(problems, checkin.Attach(byID, entries)...)
}

// withCheckInDir adds the check-ins directory to the paths of a run that
// reads the configured paths (the whole repository) when they leave it out
// and it exists, so that what okrctl checkin writes is read. A run of
// other paths is left as it is.
func withCheckInDir(paths []string, cfg *config.Config, cfgDir string, fsys fs.FS, base string) []string {
	if len(cfg.Paths) == 0 || cfg.CheckIns.Dir == "" {
		return paths
	}
	abs := func(p string) string {
		if !filepath.IsAbs(p) {
			p = filepath.Join(cfgDir, p)
		}
		return filepath.Clean(p)
	}
	configured := map[string]bool{}
	for _, p := range cfg.Paths {
		configured[abs(p)] = true
	}
	for _, p := range paths {
		if !filepath.IsAbs(p) || !configured[filepath.Clean(p)] {
			return paths
		}
	}
	dir := abs(cfg.CheckIns.Dir)
	if underAny(paths, dir) {
		return paths
	}
	rel, err := filepath.Rel(base, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return paths
	}
	if info, err := fs.Stat(fsys, filepath.ToSlash(rel)); err != nil || !info.IsDir() {
		return paths
	}
	return append(slices.Clip(paths), dir)
}

func underAny(paths []string, dir string) bool {
	for _, p := range paths {
		if rel, err := filepath.Rel(p, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
