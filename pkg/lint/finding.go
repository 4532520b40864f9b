package lint

import "github.com/okrctl/okrctl/pkg/diag"

// Finding is the one kind of finding (pkg/diag); the rules report it.
type Finding = diag.Finding

// Severity is how serious a finding is.
type Severity = diag.Severity

// Severities, from most to least serious.
const (
	Error   = diag.Error
	Warning = diag.Warning
)
