package pull

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/okrctl/okrctl/pkg/kpi"
	"github.com/okrctl/okrctl/pkg/source"
)

// Conflict is a fetched row whose day is already in the file with another
// value.
type Conflict struct {
	KPI       string  `json:"kpi"`
	Date      string  `json:"date"`
	File      string  `json:"file"`
	Line      int     `json:"line"`
	FileValue string  `json:"file_value"` // as written in the file
	Value     float64 `json:"source_value"`
	// Updated is set when --update rewrote the file's row.
	Updated bool `json:"updated"`
}

// counts is what merging one KPI's rows did.
type counts struct {
	added, unchanged int
	conflicts        []Conflict
}

// pending is a row to insert.
type pending struct {
	kpi string
	day kpi.Day
	v   float64
}

// merger collects the changes to one file before they are written.
type merger struct {
	f       *snapshotFile
	inserts []pending
	updates map[int]float64 // row index → new value
	seen    map[key]bool    // rows pending, so that two KPIs cannot add one twice
}

func newMerger(f *snapshotFile) *merger {
	return &merger{f: f, updates: map[int]float64{}, seen: map[key]bool{}}
}

// add merges one KPI's fetched rows; update turns conflicts into updates.
func (m *merger) add(kpiID string, rows []source.Row, update bool) counts {
	var c counts
	d := m.f.dialect
	for _, r := range rows {
		k := key{kpiID, r.Day}
		if i, ok := m.f.index[k]; ok {
			row := m.f.rows[i]
			written := ""
			if m.f.value < len(row.fields) {
				written = strings.TrimSpace(row.fields[m.f.value])
			}
			if v, ok := d.parseValue(written); ok && v == r.Value {
				c.unchanged++
				continue
			}
			cf := Conflict{KPI: kpiID, Date: r.Day.String(), File: m.f.path, Line: row.line, FileValue: written, Value: r.Value, Updated: update}
			c.conflicts = append(c.conflicts, cf)
			if update {
				m.updates[i] = r.Value
			}
			continue
		}
		if m.seen[k] {
			continue
		}
		m.seen[k] = true
		m.inserts = append(m.inserts, pending{kpiID, r.Day, r.Value})
		c.added++
	}
	return c
}

// changed reports whether the file would change.
func (m *merger) changed() bool {
	return len(m.inserts) > 0 || len(m.updates) > 0 || !m.f.exists
}

// render returns the file's new content: every existing byte kept but the
// value of updated rows, new rows inserted before the first row of a later
// day (so a sorted file stays sorted), the rest at the end.
// output renders the merged file and reads it back: every row added must
// be there, with its day and KPI, or the file is not written. A file that
// reads in a way appending cannot keep (a quoted field left open at its
// end, say) is refused rather than given rows that vanish into it.
func (m *merger) output() ([]byte, error) {
	out := m.render()
	again := &snapshotFile{path: m.f.path, index: map[key]int{}}
	if err := again.parse(out); err != nil {
		return nil, fmt.Errorf("%s: the file would not read back after adding rows (%v): fix it, then pull again", m.f.path, err)
	}
	for _, p := range m.inserts {
		if _, ok := again.index[key{p.kpi, p.day}]; !ok {
			return nil, fmt.Errorf("%s: a row added for KPI %q on %s would not read back (a quote left open in the file?): fix the file, then pull again", m.f.path, p.kpi, p.day)
		}
	}
	return out, nil
}

func (m *merger) render() []byte {
	f, d := m.f, m.f.dialect
	slices.SortStableFunc(m.inserts, func(a, b pending) int {
		return cmp.Or(cmp.Compare(a.day, b.day), strings.Compare(a.kpi, b.kpi))
	})
	size := len(f.head) + len(f.tail) + len(m.inserts)*32
	for _, r := range f.rows {
		size += len(r.raw)
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	out.Write(f.head)
	if len(f.rows) == 0 && !endsLine(f.head) && len(f.head) > 0 {
		out.WriteString(d.eol())
	}
	fields := make([]string, len(f.header))
	var line []byte
	newRow := func(p pending) {
		clear(fields)
		fields[f.date], fields[f.kpi], fields[f.value] = d.formatDay(p.day), p.kpi, d.formatValue(p.v)
		line = d.appendLine(line[:0], fields)
		out.Write(line)
	}
	next := 0
	for i, r := range f.rows {
		for r.dayOK && next < len(m.inserts) && m.inserts[next].day < r.day {
			newRow(m.inserts[next])
			next++
		}
		raw := r.raw
		if v, ok := m.updates[i]; ok {
			lead := leadingBlank(raw)
			fs := slices.Clone(r.fields)
			fs[f.value] = d.formatValue(v)
			raw = append(append([]byte{}, lead...), d.line(fs)...)
		}
		out.Write(raw)
		if i == len(f.rows)-1 && !endsLine(raw) && next < len(m.inserts) {
			out.WriteString(d.eol())
		}
	}
	for ; next < len(m.inserts); next++ {
		newRow(m.inserts[next])
	}
	out.Write(f.tail)
	return out.Bytes()
}

func (d dialect) eol() string {
	if d.crlf {
		return "\r\n"
	}
	return "\n"
}

func endsLine(b []byte) bool { return len(b) > 0 && b[len(b)-1] == '\n' }

// leadingBlank returns the blank lines csv skipped before a row.
func leadingBlank(raw []byte) []byte {
	i := 0
	for {
		j := bytes.IndexByte(raw[i:], '\n')
		if j < 0 || len(bytes.TrimSpace(raw[i:i+j])) != 0 {
			return raw[:i]
		}
		i += j + 1
	}
}
