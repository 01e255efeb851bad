package checker

import "fmt"

// A Severity ranks findings. The zero value means "not set".
type Severity uint8

const (
	Info Severity = iota + 1
	Warning
	Error
	// Never is above every severity; as a --fail-on level it means "none".
	Never
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	case Never:
		return "none"
	}
	return "unset"
}

// ParseSeverity parses "info", "warning", "error" and, when allowNone is
// set, "none".
func ParseSeverity(s string, allowNone bool) (Severity, error) {
	switch s {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	case "none":
		if allowNone {
			return Never, nil
		}
	}
	if allowNone {
		return 0, fmt.Errorf("invalid severity %q (want error, warning, info or none)", s)
	}
	return 0, fmt.Errorf("invalid severity %q (want error, warning or info)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
