//go:build !bench_child || bench_winnow

package contenders

import (
	"errors"

	"github.com/winnow-go/winnow"
)

func init() {
	register(Contender{Name: "winnow", Module: winnowModule, HasText: true, Run: Winnow, judge: judgeWinnow, meta: true})
}

// Winnow runs the full winnow pipeline, metadata included. A page with no
// article still counts as done: its text is empty.
func Winnow(in Input) (string, error) {
	a, err := winnow.Extract(in.HTML, winnow.Options{URL: in.URL})
	var na *winnow.NoArticleError
	if errors.As(err, &na) {
		err = nil
	}
	if a == nil {
		return "", err
	}
	return a.Text, err
}

// judgeWinnow is Winnow with the status and page type of the Article.
func judgeWinnow(in Input) Outcome {
	a, err := winnow.Extract(in.HTML, winnow.Options{URL: in.URL})
	if a == nil {
		return Outcome{Status: "error", Err: err}
	}
	return Outcome{Text: a.Text, Status: string(a.Status), PageType: string(a.PageType),
		Meta: Meta{Title: a.Title, Authors: a.Authors, Published: a.Published}}
}
