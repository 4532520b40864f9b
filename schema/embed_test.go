package schema

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSource(t *testing.T) {
	for _, name := range Names {
		src, err := Source(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			ID     string `json:"$id"`
			Schema string `json:"$schema"`
		}
		if err := json.Unmarshal(src, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if doc.ID != "https://okrctl.dev/schema/"+name+".json" || !strings.Contains(doc.Schema, "2020-12") {
			t.Errorf("%s: $id %q, $schema %q", name, doc.ID, doc.Schema)
		}
	}
	if _, err := Source("deployment"); err == nil || !strings.Contains(err.Error(), "want objective or kpi") {
		t.Errorf("Source(deployment) = %v", err)
	}
}

func TestForKind(t *testing.T) {
	for _, kind := range []string{"Objective", "KPI"} {
		s, err := ForKind(kind)
		if err != nil || s == nil {
			t.Fatalf("ForKind(%s) = %v, %v", kind, s, err)
		}
	}
	if _, err := ForKind("Deployment"); err == nil {
		t.Error("ForKind(Deployment) compiled a schema")
	}
	s, _ := ForKind("KPI")
	if err := s.Validate(map[string]any{"kind": "KPI", "id": "leads", "name": "Leads"}); err != nil {
		t.Errorf("a minimal KPI: %v", err)
	}
	if err := s.Validate(map[string]any{"kind": "KPI", "id": "Leads", "name": "Leads", "extra": 1}); err == nil {
		t.Error("a KPI with a bad id and an unknown key passes")
	}
}
