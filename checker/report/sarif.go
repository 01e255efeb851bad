package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/mtlint/mtlint/checker"
)

const (
	sarifSchema    = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion   = "2.1.0"
	informationURI = "https://github.com/mtlint/mtlint"
	// fingerprintKey names mtlint's partial fingerprint; bump the version if
	// the hashed fields ever change.
	fingerprintKey = "mtlintFinding/v1"
	srcRoot        = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string                `json:"name"`
	InformationURI string                `json:"informationUri"`
	Version        string                `json:"version,omitempty"`
	Rules          []sarifRuleDescriptor `json:"rules"`
}

type sarifRuleDescriptor struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name,omitempty"`
	ShortDescription     *sarifMessage      `json:"shortDescription,omitempty"`
	FullDescription      *sarifMessage      `json:"fullDescription,omitempty"`
	Help                 *sarifMessage      `json:"help,omitempty"`
	DefaultConfiguration *sarifRuleConfig   `json:"defaultConfiguration,omitempty"`
	Properties           *sarifRuleProperty `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level"`
}

type sarifRuleProperty struct {
	Tags []string `json:"tags,omitempty"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifResult struct {
	RuleID              string               `json:"ruleId"`
	RuleIndex           *int                 `json:"ruleIndex,omitempty"`
	Level               string               `json:"level"`
	Message             sarifMessage         `json:"message"`
	Locations           []sarifLocation      `json:"locations"`
	RelatedLocations    []sarifLocation      `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string    `json:"partialFingerprints"`
	Fixes               []sarifFix           `json:"fixes,omitempty"`
	Properties          *sarifResultProperty `json:"properties,omitempty"`
}

type sarifResultProperty struct {
	Confidence float64        `json:"confidence,omitempty"`
	Suggestion string         `json:"suggestion,omitempty"`
	Variants   []sarifVariant `json:"variants,omitempty"`
}

type sarifVariant struct {
	Text     string        `json:"text"`
	Count    int           `json:"count"`
	Location sarifLocation `json:"location"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion carries both text coordinates (lines and code-point columns)
// and the byte range; they describe the same text.
type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn"`
	EndLine     int           `json:"endLine"`
	EndColumn   int           `json:"endColumn"`
	ByteOffset  int           `json:"byteOffset"`
	ByteLength  int           `json:"byteLength"`
	Snippet     *sarifMessage `json:"snippet,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
}

// writeSARIF writes a SARIF 2.1.0 log with one run.
func writeSARIF(w io.Writer, res *checker.Result, opt Options) error {
	rules := catalog(res, opt)
	index := map[string]int{}
	driver := sarifDriver{
		Name:           "mtlint",
		InformationURI: informationURI,
		Version:        opt.Version,
		Rules:          make([]sarifRuleDescriptor, 0, len(rules)),
	}
	for _, r := range rules {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, ruleDescriptor(r))
	}
	// A finding of a rule missing from the catalogue still gets a descriptor,
	// so that every ruleIndex points at its rule.
	for i := range res.Findings {
		id := res.Findings[i].Rule
		if _, ok := index[id]; !ok {
			index[id] = len(driver.Rules)
			driver.Rules = append(driver.Rules, sarifRuleDescriptor{ID: id, Name: ruleName(id)})
		}
	}

	inv := sarifInvocation{ExecutionSuccessful: len(res.Errors) == 0}
	for _, err := range res.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifMessage{Text: err.Error()}})
	}
	for _, s := range res.Skipped {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "note", Message: sarifMessage{Text: s}})
	}

	run := sarifRun{
		Tool:        sarifTool{Driver: driver},
		Invocations: []sarifInvocation{inv},
		Results:     make([]sarifResult, 0, len(res.Findings)),
		ColumnKind:  "unicodeCodePoints",
	}
	occurrence := map[string]int{}
	for i := range res.Findings {
		f := &res.Findings[i]
		loc := artifactLocation(f.File)
		idx := index[f.Rule]
		r := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: &idx,
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: messageWithSuggestion(f)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: loc,
				Region:           region(f.Span, f.Pos, f.End, f.Text),
			}}},
		}
		// The fingerprint ignores positions, so a finding keeps its identity
		// when text above it is edited; the occurrence index tells apart
		// the same text reported twice in one file.
		key := f.Rule + "\x00" + path.Clean(displayPath(f.File)) + "\x00" + f.Text
		n := occurrence[key]
		occurrence[key] = n + 1
		r.PartialFingerprints = map[string]string{fingerprintKey: fingerprint(key, n)}
		for j, rel := range f.Related {
			file := rel.File
			if file == "" {
				file = f.File
			}
			id := j + 1
			l := sarifLocation{
				ID: &id,
				PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: artifactLocation(file),
					Region:           region(rel.Span, rel.Pos, rel.End, ""),
				},
			}
			if rel.Message != "" {
				l.Message = &sarifMessage{Text: rel.Message}
			}
			r.RelatedLocations = append(r.RelatedLocations, l)
		}
		if f.HasFix() {
			fix := sarifFix{
				Description: sarifMessage{Text: fixDescription(f)},
				ArtifactChanges: []sarifArtifactChange{{
					ArtifactLocation: loc,
					Replacements: []sarifReplacement{{
						DeletedRegion: *region(f.Span, f.Pos, f.End, ""),
					}},
				}},
			}
			if f.Suggestion != "" {
				fix.ArtifactChanges[0].Replacements[0].InsertedContent = &sarifMessage{Text: f.Suggestion}
			}
			r.Fixes = []sarifFix{fix}
		}
		props := &sarifResultProperty{Confidence: f.Confidence, Suggestion: f.Suggestion}
		for _, v := range f.Variants {
			file := v.First.File
			if file == "" {
				file = f.File
			}
			props.Variants = append(props.Variants, sarifVariant{
				Text:  v.Text,
				Count: v.Count,
				Location: sarifLocation{PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: artifactLocation(file),
					Region:           region(v.First.Span, v.First.Pos, v.First.End, ""),
				}},
			})
		}
		if props.Confidence != 0 || props.Suggestion != "" || len(props.Variants) > 0 {
			r.Properties = props
		}
		run.Results = append(run.Results, r)
	}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func ruleDescriptor(r *checker.Rule) sarifRuleDescriptor {
	d := sarifRuleDescriptor{
		ID:                   r.ID,
		Name:                 ruleName(r.ID),
		DefaultConfiguration: &sarifRuleConfig{Level: sarifLevel(r.Severity)},
	}
	if !r.Default {
		off := false
		d.DefaultConfiguration.Enabled = &off
	}
	if r.Doc.Title != "" {
		d.ShortDescription = &sarifMessage{Text: r.Doc.Title}
	}
	if r.Doc.Text != "" {
		d.FullDescription = &sarifMessage{Text: r.Doc.Text}
		text := r.Doc.Text
		md := r.Doc.Text
		if r.Doc.Bad != "" {
			text += "\n\nBad: " + r.Doc.Bad
			md += "\n\nBad:\n\n" + fence(r.Doc.Bad)
		}
		if r.Doc.Good != "" {
			text += "\nGood: " + r.Doc.Good
			md += "\n\nGood:\n\n" + fence(r.Doc.Good)
		}
		d.Help = &sarifMessage{Text: text, Markdown: md}
	}
	if r.Family != "" {
		d.Properties = &sarifRuleProperty{Tags: []string{r.Family}}
	}
	return d
}

// fence returns s as a Markdown code block, with a fence longer than any
// run of backticks inside it.
func fence(s string) string {
	f := "```"
	for strings.Contains(s, f) {
		f += "`"
	}
	return f + "text\n" + strings.TrimRight(s, "\n") + "\n" + f
}

// ruleName turns a rule id into the PascalCase name SARIF viewers show:
// "garbled-name" becomes "GarbledName".
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '-' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sarifLevel(s checker.Severity) string {
	switch s {
	case checker.Error:
		return "error"
	case checker.Info:
		return "note"
	}
	return "warning"
}

func region(s checker.Span, pos, end checker.Position, snippet string) *sarifRegion {
	r := &sarifRegion{
		StartLine:   pos.Line,
		StartColumn: pos.Column,
		EndLine:     end.Line,
		EndColumn:   end.Column,
		ByteOffset:  s.Start,
		ByteLength:  s.End - s.Start,
	}
	if snippet != "" {
		r.Snippet = &sarifMessage{Text: snippet}
	}
	return r
}

// artifactLocation returns the location of a file: a relative URI against
// %SRCROOT% (forward slashes, each segment escaped), or a file: URI for an
// absolute path.
func artifactLocation(file string) sarifArtifactLocation {
	p := filepath.ToSlash(file)
	if p == "" {
		p = "-"
	}
	abs := filepath.IsAbs(file) || strings.HasPrefix(p, "/")
	if !abs {
		p = path.Clean(p)
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		// ':' is escaped too, so that no segment reads as a URI scheme.
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	if abs {
		if len(segs) > 0 && len(segs[0]) == 4 && strings.HasSuffix(segs[0], "%3A") {
			segs[0] = p[:2] // a Windows drive letter, "C:"
		}
		u := strings.Join(segs, "/")
		if !strings.HasPrefix(u, "/") {
			u = "/" + u
		}
		return sarifArtifactLocation{URI: "file://" + u}
	}
	return sarifArtifactLocation{URI: strings.Join(segs, "/"), URIBaseID: srcRoot}
}

func fingerprint(key string, n int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, n)))
	return hex.EncodeToString(sum[:16])
}

func fixDescription(f *checker.Finding) string {
	if f.Suggestion == "" {
		return fmt.Sprintf("delete %q", f.Text)
	}
	return fmt.Sprintf("replace %q with %q", f.Text, f.Suggestion)
}
