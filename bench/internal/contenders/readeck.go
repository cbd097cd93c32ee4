//go:build !bench_child || bench_readeck

package contenders

import (
	"bytes"
	"strings"

	readeck "codeberg.org/readeck/go-readability/v2"
)

func init() {
	register(Contender{Name: "readeck/readability", Module: "codeberg.org/readeck/go-readability/v2", HasText: true, Run: Readeck})
}

// Readeck runs codeberg.org/readeck/go-readability/v2 and renders its text.
func Readeck(in Input) (string, error) {
	a, err := readeck.FromReader(bytes.NewReader(in.HTML), in.ParsedURL)
	if err != nil {
		return "", err
	}
	if a.Node == nil {
		return "", nil
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}
