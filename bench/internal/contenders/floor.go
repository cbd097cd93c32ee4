//go:build !bench_child || bench_floor

package contenders

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
)

func init() {
	register(
		Contender{Name: "floor: html.Parse", Module: "golang.org/x/net", Run: Parse},
		Contender{Name: "floor: tokenizer", Module: "golang.org/x/net", Run: Tokenize},
	)
}

// Parse is the first floor: building the x/net/html tree, nothing more.
func Parse(in Input) (string, error) {
	_, err := html.Parse(bytes.NewReader(in.HTML))
	return "", err
}

// Tokenize is the second floor: running the x/net/html tokenizer to EOF.
func Tokenize(in Input) (string, error) {
	z := html.NewTokenizer(bytes.NewReader(in.HTML))
	for {
		if z.Next() == html.ErrorToken {
			if err := z.Err(); err != io.EOF {
				return "", err
			}
			return "", nil
		}
	}
}
