//go:build !bench_child || bench_trafilatura

package contenders

import (
	"bytes"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

func init() {
	register(
		Contender{Name: "go-trafilatura", Module: "github.com/markusmobius/go-trafilatura", HasText: true, Run: Trafilatura, judge: judgeTrafilatura(false), meta: true},
		Contender{Name: "go-trafilatura+fallback", Module: "github.com/markusmobius/go-trafilatura", HasText: true, Run: TrafilaturaFallback, judge: judgeTrafilatura(true), meta: true},
	)
}

// judgeTrafilatura runs go-trafilatura (with its fallback extractors when
// fallback is set) for quality scoring, with the status rules of Judge and
// its metadata: its Author string holds names joined by "; ", its Date is
// written as the calendar day it carries.
func judgeTrafilatura(fallback bool) func(in Input) Outcome {
	return func(in Input) Outcome {
		res, err := trafilatura.Extract(bytes.NewReader(in.HTML), trafilatura.Options{OriginalURL: in.ParsedURL, EnableFallback: fallback})
		if err != nil || res == nil {
			return Outcome{Status: "error", Err: err}
		}
		o := Outcome{Text: res.ContentText, Status: "ok", Meta: trafilaturaMeta(res.Metadata)}
		if strings.TrimSpace(o.Text) == "" {
			o.Text, o.Status = "", "empty"
		}
		return o
	}
}

// trafilaturaMeta turns go-trafilatura's metadata into a Meta.
func trafilaturaMeta(m trafilatura.Metadata) Meta {
	out := Meta{Title: m.Title}
	for _, a := range strings.Split(m.Author, ";") {
		if a = strings.TrimSpace(a); a != "" {
			out.Authors = append(out.Authors, a)
		}
	}
	if !m.Date.IsZero() {
		out.Published = m.Date.Format(time.DateOnly)
	}
	return out
}

// Trafilatura runs go-trafilatura with its default options.
func Trafilatura(in Input) (string, error) {
	res, err := trafilatura.Extract(bytes.NewReader(in.HTML), trafilatura.Options{OriginalURL: in.ParsedURL})
	if err != nil {
		return "", err
	}
	return res.ContentText, nil
}

// TrafilaturaFallback runs go-trafilatura with EnableFallback: when its own
// extraction looks poor it also runs its readability and DOM Distiller
// ports and keeps the best candidate, as Python trafilatura does by default.
func TrafilaturaFallback(in Input) (string, error) {
	res, err := trafilatura.Extract(bytes.NewReader(in.HTML), trafilatura.Options{OriginalURL: in.ParsedURL, EnableFallback: true})
	if err != nil {
		return "", err
	}
	return res.ContentText, nil
}
