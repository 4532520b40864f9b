// Package scaffold writes okrctl's starter repository (`okrctl init`): the
// configuration, one objective for the current quarter with three key
// results, KPI definitions and a snapshot file, the JSON schemas under
// .okrctl/schema/ for editors' YAML language servers (each YAML file names
// its schema in a `# yaml-language-server: $schema=…` modeline), and a CI
// pipeline (a GitHub Actions workflow, or .gitlab-ci.yml) that validates
// every change and comments what it changes, and each Monday proposes the
// rows okrctl pull fetches as one pull or merge request (docs/ci.md).
//
// Each file is a template of its own under templates/, so that adding a
// starter file is adding a template and a line in Files.
//
// Files returns the files; Write creates each that does not exist yet and
// never overwrites one, so running init twice changes nothing.
package scaffold
