package rules

import (
	"testing"

	"github.com/mtlint/mtlint/checker"
)

func TestValidate(t *testing.T) {
	if err := checker.Validate(All); err != nil {
		t.Fatal(err)
	}
}
