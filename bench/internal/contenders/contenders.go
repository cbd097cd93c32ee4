// Package contenders wraps each extractor the harness times behind one
// function shape: page in, main text out.
package contenders

import (
	"bytes"
	"fmt"
	"net/url"
	"os/exec"
	"runtime/debug"
	"slices"
	"strings"
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

// All returns every contender linked into this binary, winnow first. A
// build with the tag bench_child links only the contenders whose own tags
// are given too (bench_winnow, bench_trafilatura, bench_shiori,
// bench_readeck, bench_floor): the harness builds one such binary per
// contender, so that no contender's process holds another's package data
// (go-trafilatura's dependencies allocate 27 MB of tables at start-up).
func All() []Contender {
	out := slices.Clone(registry)
	slices.SortStableFunc(out, func(a, b Contender) int { return order(a.Name) - order(b.Name) })
	return out
}

// Tag is the build tag that links the contender named name into a
// bench_child binary, or "" when no contender has that name.
func Tag(name string) string {
	for _, r := range allTags {
		if slices.Contains(r.names, name) {
			return r.tag
		}
	}
	return ""
}

// allTags names every contender's build tag, whether it is linked or not.
var allTags = []struct {
	tag   string
	names []string
}{
	{"bench_winnow", []string{"winnow"}},
	{"bench_trafilatura", []string{"go-trafilatura", "go-trafilatura+fallback"}},
	{"bench_shiori", []string{"go-shiori/readability"}},
	{"bench_readeck", []string{"readeck/readability"}},
	{"bench_floor", []string{"floor: html.Parse", "floor: tokenizer"}},
}

// order is a contender's place in reports: the order of allTags.
func order(name string) int {
	k := 0
	for _, r := range allTags {
		for _, n := range r.names {
			if n == name {
				return k
			}
			k++
		}
	}
	return k
}

// registry holds the contenders linked in, each file adding its own.
var registry []Contender

func register(cs ...Contender) { registry = append(registry, cs...) }

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
