package input

import "github.com/mtlint/mtlint/checker"

// Markdown reads Markdown. (Masking of code, markup and URLs comes with the
// Markdown reader proper; until then it is read as plain text.)
func Markdown(path string, data []byte) *checker.Document {
	return Plain(path, data)
}
