package checker

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// ConfigFile is the name of the configuration file looked for upward from
// the current folder.
const ConfigFile = ".mtlint.yml"

// Config is everything a run is set to, from .mtlint.yml and flags.
type Config struct {
	Path          string   // the file it was read from, "" for none
	Language      string   // language of the checked text (default "en")
	Glossaries    []string // glossary files, relative paths resolved against the config's folder
	FailOn        Severity // exit 1 on findings at or above it (default Error)
	Include       []string // glob patterns of files to check when walking folders
	Exclude       []string // glob patterns of files and folders to skip
	Enable        []string // rules turned on (in addition to the defaults)
	Disable       []string // rules turned off
	MinConfidence float64  // drop fuzzy findings below it
	Rules         map[string]RuleConfig
}

// A RuleConfig is one rule's settings.
type RuleConfig struct {
	Off      bool
	On       bool
	Severity Severity // 0: the rule's own
	Options  map[string]string
}

// A ConfigError is a problem in a config file at a line.
type ConfigError struct {
	File string
	Line int
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// FindConfig looks for ConfigFile in dir and its parents, up to the
// filesystem root. It returns "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigFile)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadConfig reads a config file and validates it against rules. Unknown
// keys, rules and options are errors naming the file and line.
func LoadConfig(path string, rules []*Rule) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseConfig(path, data, rules)
}

// ParseConfig parses config data read from path.
func ParseConfig(path string, data []byte, rules []*Rule) (*Config, error) {
	cfg := &Config{Path: path, Rules: map[string]RuleConfig{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := yamlErrorLine(err)
		if line == 0 {
			line = yamlUnlinedErrorLine(data)
		}
		return nil, &ConfigError{File: path, Line: line, Msg: yamlErrorText(err)}
	}
	if len(root.Content) == 0 {
		return cfg, nil // empty file
	}
	doc := root.Content[0]
	bad := func(n *yaml.Node, format string, args ...any) error {
		return &ConfigError{File: path, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
	}
	if doc.Kind != yaml.MappingNode {
		return nil, bad(doc, "expected a mapping of settings")
	}
	byID := map[string]*Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	dir := filepath.Dir(path)
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		switch k.Value {
		case "language":
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return nil, bad(v, "language: expected a language code such as en")
			}
			cfg.Language = v.Value
		case "glossary":
			list, err := stringList(v)
			if err != nil {
				return nil, bad(v, "glossary: %v", err)
			}
			for _, g := range list {
				if !filepath.IsAbs(g) {
					g = filepath.Join(dir, g)
				}
				cfg.Glossaries = append(cfg.Glossaries, g)
			}
		case "fail-on":
			s, err := ParseSeverity(v.Value, true)
			if err != nil || v.Kind != yaml.ScalarNode {
				return nil, bad(v, "fail-on: %v", err)
			}
			cfg.FailOn = s
		case "min-confidence":
			f, err := strconv.ParseFloat(v.Value, 64)
			if err != nil || f < 0 || f > 1 {
				return nil, bad(v, "min-confidence: %q is not a number between 0 and 1", v.Value)
			}
			cfg.MinConfidence = f
		case "include", "exclude":
			list, err := stringList(v)
			if err != nil {
				return nil, bad(v, "%s: %v", k.Value, err)
			}
			for _, p := range list {
				if _, err := filepath.Match(p, ""); err != nil {
					return nil, bad(v, "%s: bad pattern %q", k.Value, p)
				}
			}
			if k.Value == "include" {
				cfg.Include = list
			} else {
				cfg.Exclude = list
			}
		case "rules":
			if v.Kind != yaml.MappingNode {
				return nil, bad(v, "rules: expected a mapping of rule ids")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				rk, rv := v.Content[j], v.Content[j+1]
				r, ok := byID[rk.Value]
				if !ok {
					return nil, bad(rk, "unknown rule %q (see `mtlint rules`)", rk.Value)
				}
				rc, err := parseRuleConfig(r, rv)
				if err != nil {
					return nil, &ConfigError{File: path, Line: errLine(err, rv), Msg: fmt.Sprintf("rules.%s: %v", r.ID, err)}
				}
				cfg.Rules[r.ID] = rc
			}
		default:
			return nil, bad(k, "unknown key %q", k.Value)
		}
	}
	return cfg, nil
}

type lineError struct {
	line int
	err  error
}

func (e lineError) Error() string { return e.err.Error() }

func errLine(err error, n *yaml.Node) int {
	var le lineError
	if errors.As(err, &le) {
		return le.line
	}
	return n.Line
}

func parseRuleConfig(r *Rule, n *yaml.Node) (RuleConfig, error) {
	var rc RuleConfig
	if n.Kind == yaml.ScalarNode {
		return rc, setRuleLevel(&rc, n.Value)
	}
	if n.Kind != yaml.MappingNode {
		return rc, fmt.Errorf("expected a severity, on, off, or a mapping")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return rc, lineError{v.Line, fmt.Errorf("%s: expected a single value", k.Value)}
		}
		if k.Value == "severity" {
			if err := setRuleLevel(&rc, v.Value); err != nil {
				return rc, lineError{v.Line, err}
			}
			continue
		}
		opt, ok := r.Option(k.Value)
		if !ok {
			return rc, lineError{k.Line, fmt.Errorf("unknown option %q%s", k.Value, optionHint(r))}
		}
		if err := opt.Check(v.Value); err != nil {
			return rc, lineError{v.Line, fmt.Errorf("%s: %v", k.Value, err)}
		}
		if rc.Options == nil {
			rc.Options = map[string]string{}
		}
		rc.Options[k.Value] = v.Value
	}
	return rc, nil
}

func optionHint(r *Rule) string {
	if len(r.Options) == 0 {
		return " (the rule has only severity)"
	}
	var names []string
	for _, o := range r.Options {
		names = append(names, o.Name)
	}
	return " (known: severity, " + strings.Join(names, ", ") + ")"
}

func setRuleLevel(rc *RuleConfig, v string) error {
	switch v {
	case "off", "false":
		rc.Off = true
		return nil
	case "on", "true":
		rc.On = true
		return nil
	}
	s, err := ParseSeverity(v, false)
	if err != nil {
		return fmt.Errorf("%v (or on, off)", err)
	}
	rc.Severity = s
	rc.On = true
	return nil
}

func stringList(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("expected a list of strings")
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, fmt.Errorf("expected a string or a list of strings")
}

func yamlErrorLine(err error) int {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if i := strings.Index(msg, "line "); i >= 0 {
		n := 0
		for _, c := range msg[i+5:] {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	return 0
}

// yamlUnlinedErrorLine guesses the line of a YAML error that names none:
// yaml.v3 leaves the line out for a problem on line 1 and for characters
// YAML does not allow (invalid UTF-8, control characters), so it is the
// line of the first such character, or 1.
func yamlUnlinedErrorLine(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		bad := r == utf8.RuneError && n == 1 ||
			r < 0x20 && r != '\t' && r != '\n' && r != '\r' ||
			r >= 0x7f && r < 0xa0 && r != 0x85 || r == 0xfffe || r == 0xffff
		if bad {
			return 1 + bytes.Count(data[:i], []byte("\n"))
		}
		i += n
	}
	return 1
}

func yamlErrorText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, "line "); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			return "invalid YAML: " + msg[i+j+2:]
		}
	}
	return "invalid YAML: " + msg
}

// ActiveRules returns the rules a run applies, in catalogue order: the
// default ones, plus those enabled, minus those disabled. Unknown ids in
// Enable or Disable are an error.
func (c *Config) ActiveRules(all []*Rule) ([]*Rule, error) {
	known := map[string]bool{}
	for _, r := range all {
		known[r.ID] = true
	}
	for _, list := range [][]string{c.Enable, c.Disable} {
		for _, id := range list {
			if !known[id] {
				return nil, fmt.Errorf("unknown rule %q (see `mtlint rules`)", id)
			}
		}
	}
	in := func(list []string, id string) bool {
		for _, x := range list {
			if x == id {
				return true
			}
		}
		return false
	}
	var out []*Rule
	for _, r := range all {
		rc := c.Rules[r.ID]
		on := r.Default
		if rc.On {
			on = true
		}
		if rc.Off {
			on = false
		}
		if in(c.Enable, r.ID) {
			on = true
		}
		if in(c.Disable, r.ID) {
			on = false
		}
		if on {
			out = append(out, r)
		}
	}
	return out, nil
}

// SetOption sets rule.option=value from a flag, validating it.
func (c *Config) SetOption(all []*Rule, rule, name, value string) error {
	for _, r := range all {
		if r.ID != rule {
			continue
		}
		opt, ok := r.Option(name)
		if !ok {
			return fmt.Errorf("rule %q: unknown option %q%s", rule, name, optionHint(r))
		}
		if err := opt.Check(value); err != nil {
			return fmt.Errorf("%s.%s: %v", rule, name, err)
		}
		if c.Rules == nil {
			c.Rules = map[string]RuleConfig{}
		}
		rc := c.Rules[rule]
		if rc.Options == nil {
			rc.Options = map[string]string{}
		}
		rc.Options[name] = value
		c.Rules[rule] = rc
		return nil
	}
	return fmt.Errorf("unknown rule %q (see `mtlint rules`)", rule)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
