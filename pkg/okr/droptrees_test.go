package okr

import (
	"os"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestDropTrees loads the examples, drops the YAML trees, and walks the
// whole repository by reflection: no yaml.Node may be reachable from it
// any more (else the trees are not freed), and the values the model
// decoded are untouched.
func TestDropTrees(t *testing.T) {
	r, err := Load(Options{FS: os.DirFS("../../examples"), Roots: []string{"okrs", "kpis"}})
	if err != nil {
		t.Fatal(err)
	}
	if n := yamlNodes(r); n == 0 {
		t.Fatal("no YAML node reachable before DropTrees: the walk finds nothing")
	}
	before := map[string]string{}
	for _, o := range r.Objectives {
		for _, kr := range o.KeyResults {
			before[o.ID+"/"+kr.ID] = kr.Title + "|" + kr.KPI
		}
	}
	at := r.Objectives[0].Pos.At
	r.DropTrees()
	if n := yamlNodes(r); n != 0 {
		t.Errorf("%d YAML nodes still reachable after DropTrees", n)
	}
	for _, o := range r.Objectives {
		for _, kr := range o.KeyResults {
			if got := kr.Title + "|" + kr.KPI; got != before[o.ID+"/"+kr.ID] {
				t.Errorf("%s/%s: %q after DropTrees, %q before", o.ID, kr.ID, got, before[o.ID+"/"+kr.ID])
			}
		}
	}
	if f := r.Objectives[0].Pos; f.At != at || f.Value("title") != at || f.Raw("title") != nil {
		t.Errorf("Fields after DropTrees: At %v, Value %v, Raw %v; want the mapping's position and no value", f.At, f.Value("title"), f.Raw("title"))
	}
}

// yamlNodes counts the non-nil *yaml.Node values reachable from v.
func yamlNodes(v any) int {
	nodeType := reflect.TypeOf((*yaml.Node)(nil))
	seen := map[uintptr]bool{}
	n := 0
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			if v.Type() == nodeType {
				n++
				return
			}
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(it.Key())
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(v))
	return n
}
