//go:build !bench_child || bench_shiori

package contenders

import (
	"bytes"

	shiori "github.com/go-shiori/go-readability"
)

func init() {
	register(Contender{Name: "go-shiori/readability", Module: "github.com/go-shiori/go-readability", HasText: true, Run: Shiori})
}

// Shiori runs github.com/go-shiori/go-readability.
func Shiori(in Input) (string, error) {
	a, err := shiori.FromReader(bytes.NewReader(in.HTML), in.ParsedURL)
	if err != nil {
		return "", err
	}
	return a.TextContent, nil
}
