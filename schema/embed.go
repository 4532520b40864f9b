// Package schema embeds okrctl's JSON schemas for Objective and KPI
// documents and compiles them once.
package schema

import (
	"bytes"
	"embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed objective.json kpi.json
var files embed.FS

// Names lists the schemas by the name okrctl schema takes.
var Names = []string{"objective", "kpi"}

// kinds maps a document kind to the name of its schema.
var kinds = map[string]string{"Objective": "objective", "KPI": "kpi"}

// Source returns the JSON text of the named schema.
func Source(name string) ([]byte, error) {
	b, err := files.ReadFile(name + ".json")
	if err != nil {
		return nil, fmt.Errorf("unknown schema %q (want objective or kpi)", name)
	}
	return b, nil
}

// Compile compiles schemas given by name (objective, kpi) as JSON text and
// returns them by the document kind they describe (Objective, KPI). The
// embedded schemas go through it once; tests give it modified copies.
func Compile(sources map[string][]byte) (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	for name, src := range sources {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		if err := c.AddResource(url(name), doc); err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for kind, name := range kinds {
		if _, ok := sources[name]; !ok {
			continue
		}
		s, err := c.Compile(url(name))
		if err != nil {
			return nil, fmt.Errorf("compile schema %s: %w", name, err)
		}
		out[kind] = s
	}
	return out, nil
}

func url(name string) string { return "https://okrctl.dev/schema/" + name + ".json" }

var compiled = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	sources := map[string][]byte{}
	for _, name := range Names {
		src, err := Source(name)
		if err != nil {
			return nil, err
		}
		sources[name] = src
	}
	return Compile(sources)
})

// Compiled returns the embedded schemas, compiled once, by document kind.
func Compiled() (map[string]*jsonschema.Schema, error) { return compiled() }

// ForKind returns the compiled schema of a document kind (Objective, KPI).
func ForKind(kind string) (*jsonschema.Schema, error) {
	all, err := compiled()
	if err != nil {
		return nil, err
	}
	s, ok := all[kind]
	if !ok {
		return nil, fmt.Errorf("no schema for kind %q", kind)
	}
	return s, nil
}
