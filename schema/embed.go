// Package schema embeds okrctl's JSON schemas for Objective and KPI
// documents and compiles them once.
package schema

import (
	"bytes"
	"embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

//go:embed objective.json kpi.json
var files embed.FS

// Names lists the schemas by the name okrctl schema takes.
var Names = []string{"objective", "kpi"}

// Source returns the JSON text of the named schema.
func Source(name string) ([]byte, error) {
	b, err := files.ReadFile(name + ".json")
	if err != nil {
		return nil, fmt.Errorf("unknown schema %q (want objective or kpi)", name)
	}
	return b, nil
}

var (
	once     sync.Once
	compiled map[string]*jsonschema.Schema
	errOnce  error
)

// ForKind returns the compiled schema of a document kind (Objective, KPI).
func ForKind(kind string) (*jsonschema.Schema, error) {
	once.Do(func() {
		compiled = map[string]*jsonschema.Schema{}
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		for _, name := range Names {
			src, _ := Source(name)
			url := "https://okrctl.dev/schema/" + name + ".json"
			if err := c.AddResource(url, bytes.NewReader(src)); err != nil {
				errOnce = err
				return
			}
		}
		for kind, name := range map[string]string{"Objective": "objective", "KPI": "kpi"} {
			s, err := c.Compile("https://okrctl.dev/schema/" + name + ".json")
			if err != nil {
				errOnce = fmt.Errorf("compile schema %s: %w", name, err)
				return
			}
			compiled[kind] = s
		}
	})
	if errOnce != nil {
		return nil, errOnce
	}
	s, ok := compiled[kind]
	if !ok {
		return nil, fmt.Errorf("no schema for kind %q", kind)
	}
	return s, nil
}
