// Package contenders wraps each extractor the harness times behind one
// function shape: page in, main text out.
package contenders

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os/exec"
	"runtime/debug"
	"strings"
	"time"

	readeck "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/winnow-go/winnow"
)

// Input is one page as every contender receives it. URL is parsed up front
// so no contender pays for it inside the timed loop.
type Input struct {
	HTML []byte
	URL  string
	// ParsedURL is URL parsed, never nil (an empty URL when unknown).
	ParsedURL *url.URL
}

// NewInput builds an Input.
func NewInput(htmlBytes []byte, rawURL string) Input {
	u, err := url.Parse(rawURL)
	if err != nil || u == nil {
		u = &url.URL{}
	}
	return Input{HTML: htmlBytes, URL: rawURL, ParsedURL: u}
}

const winnowModule = "github.com/winnow-go/winnow"

// Contender is one extractor under test.
type Contender struct {
	Name   string
	Module string // module path, for the version in reports
	// HasText is false for the parsing floors, which give no article text.
	HasText bool
	// Run extracts one page and returns its main text.
	Run func(in Input) (string, error)
	// judge, when set, gives the contender's own status and page type for
	// quality scoring (winnow's); see Judge.
	judge func(in Input) Outcome
	// meta is set for the contenders whose Outcome carries metadata.
	meta bool
}

// HasMeta reports a contender whose Judge gives the page's metadata.
func (c Contender) HasMeta() bool { return c.meta }

// Outcome is what a contender said of one page, for quality scoring.
type Outcome struct {
	Text     string
	Status   string // "ok", winnow's other statuses, "empty" or "error"
	PageType string // winnow's page type; "" for the others
	// Meta is the title, authors and publication date the contender
	// gave, for those that read metadata (winnow and go-trafilatura).
	Meta Meta
	Err  error
}

// Meta is a contender's metadata of one page.
type Meta struct {
	Title     string
	Authors   []string
	Published string // RFC 3339 or YYYY-MM-DD; "" when none
}

// Judge runs c on one page for quality scoring. winnow reports its own
// status and page type. The others have no status: a page is "error" when
// they return an error or panic, "empty" when their text holds nothing but
// white space, and "ok" otherwise.
func (c Contender) Judge(in Input) (o Outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = Outcome{Status: "error", Err: fmt.Errorf("panic: %v", r)}
		}
	}()
	if c.judge != nil {
		return c.judge(in)
	}
	text, err := c.Run(in)
	switch {
	case err != nil:
		return Outcome{Text: text, Status: "error", Err: err}
	case strings.TrimSpace(text) == "":
		return Outcome{Status: "empty"}
	}
	return Outcome{Text: text, Status: "ok"}
}

// All returns every contender, winnow first.
func All() []Contender {
	return []Contender{
		{Name: "winnow", Module: winnowModule, HasText: true, Run: Winnow, judge: judgeWinnow, meta: true},
		{Name: "go-trafilatura", Module: "github.com/markusmobius/go-trafilatura", HasText: true, Run: Trafilatura, judge: judgeTrafilatura(false), meta: true},
		{Name: "go-trafilatura+fallback", Module: "github.com/markusmobius/go-trafilatura", HasText: true, Run: TrafilaturaFallback, judge: judgeTrafilatura(true), meta: true},
		{Name: "go-shiori/readability", Module: "github.com/go-shiori/go-readability", HasText: true, Run: Shiori},
		{Name: "readeck/readability", Module: "codeberg.org/readeck/go-readability/v2", HasText: true, Run: Readeck},
		{Name: "floor: html.Parse", Module: "golang.org/x/net", Run: Parse},
		{Name: "floor: tokenizer", Module: "golang.org/x/net", Run: Tokenize},
	}
}

// Select returns the contenders whose names are listed, comma separated
// (case-insensitive parts of names such as "winnow,trafil"; a whole name
// selects that contender alone); "" or "all" selects every one.
func Select(list string) ([]Contender, error) {
	all := All()
	if list == "" || list == "all" {
		return all, nil
	}
	var out []Contender
	for _, want := range strings.Split(list, ",") {
		want = strings.ToLower(strings.TrimSpace(want))
		var match []Contender
		for _, c := range all {
			if strings.ToLower(c.Name) == want {
				match = []Contender{c}
				break
			}
			if strings.Contains(strings.ToLower(c.Name), want) {
				match = append(match, c)
			}
		}
		if len(match) == 0 {
			return nil, fmt.Errorf("no contender matches %q", want)
		}
		out = append(out, match...)
	}
	return out, nil
}

// Version returns the version of module m linked into this binary, or "".
// winnow itself is built from the working tree beside the bench module.
func Version(m string) string {
	if m == winnowModule {
		return "working tree" + gitHead()
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, d := range bi.Deps {
		if d.Path == m {
			return d.Version
		}
	}
	return ""
}

// gitHead describes the checkout the bench module sits in: " @ <short
// commit>", with "+changes" when tracked files differ from it, or "" when
// git cannot tell.
func gitHead() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return ""
	}
	s := " @ " + strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(bytes.TrimSpace(st)) > 0 {
		s += "+changes"
	}
	return s
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

// Shiori runs github.com/go-shiori/go-readability.
func Shiori(in Input) (string, error) {
	a, err := shiori.FromReader(bytes.NewReader(in.HTML), in.ParsedURL)
	if err != nil {
		return "", err
	}
	return a.TextContent, nil
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
