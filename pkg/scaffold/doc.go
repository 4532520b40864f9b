// Package scaffold writes okrctl's starter repository (`okrctl init`): the
// configuration, one objective for the current quarter with three key
// results, KPI definitions and a snapshot file, the JSON schemas under
// .okrctl/schema/ for editors' YAML language servers (each YAML file names
// its schema in a `# yaml-language-server: $schema=…` modeline), and a
// GitHub Actions workflow that validates every pull request and comments
// what it changes.
//
// Files returns the files; Write creates each that does not exist yet and
// never overwrites one, so running init twice changes nothing.
package scaffold
