// Package yamldiff compares yaml.Node trees, for the tests that hold the
// fast YAML front end to yaml.v3.
package yamldiff

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Trees describes the first difference between two trees, "" if none;
// path names the roots in the description. Comments are not compared (the
// fast front end does not keep them).
func Trees(path string, got, want *yaml.Node) string {
	switch {
	case got == nil && want == nil:
		return ""
	case got == nil || want == nil:
		return fmt.Sprintf("%s: got %v, want %v", path, got, want)
	}
	type fields struct {
		Kind           yaml.Kind
		Style          yaml.Style
		Tag, Value     string
		Anchor         string
		Line, Column   int
		Content, Alias bool
	}
	fg := fields{got.Kind, got.Style, got.Tag, got.Value, got.Anchor, got.Line, got.Column, len(got.Content) > 0, got.Alias != nil}
	fw := fields{want.Kind, want.Style, want.Tag, want.Value, want.Anchor, want.Line, want.Column, len(want.Content) > 0, want.Alias != nil}
	if fg != fw {
		return fmt.Sprintf("%s: got %+v, want %+v", path, fg, fw)
	}
	if len(got.Content) != len(want.Content) {
		return fmt.Sprintf("%s: got %d children, want %d", path, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if d := Trees(fmt.Sprintf("%s/%d", path, i), got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}
