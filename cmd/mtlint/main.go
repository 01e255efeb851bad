// Command mtlint checks machine-translated text for garbled names,
// inconsistent spellings and broken sentences.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "mtlint: under construction")
	os.Exit(2)
}
