package contenders

import (
	"errors"
	"strings"
	"testing"
)

const page = `<!doctype html><html><head><title>Rain in the valley</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Rain in the valley</h1>
<p>The valley saw its heaviest rain in a decade on Tuesday, as storms moved slowly east across the hills and flooded the lower farms near the river.</p>
<p>Farmers said the water rose faster than they had ever seen, and several roads were closed for most of the day while crews cleared mud and fallen branches.</p>
<p>Forecasters expect drier weather by the weekend, though they warned that the ground will stay soft and that more landslides are possible on the steeper slopes.</p>
</article><footer>Copyright 2024</footer></body></html>`

func TestSelect(t *testing.T) {
	tests := []struct {
		list    string
		want    []string
		wantErr bool
	}{
		{"", []string{"winnow", "go-trafilatura", "go-trafilatura+fallback", "go-shiori/readability", "readeck/readability", "floor: html.Parse", "floor: tokenizer"}, false},
		{"winnow,trafil", []string{"winnow", "go-trafilatura", "go-trafilatura+fallback"}, false},
		{"fallback", []string{"go-trafilatura+fallback"}, false},
		{"winnow,go-trafilatura", []string{"winnow", "go-trafilatura"}, false}, // a whole name is that one alone
		{"floor", []string{"floor: html.Parse", "floor: tokenizer"}, false},
		{"nosuch", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.list, func(t *testing.T) {
			got, err := Select(tc.list)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			var names []string
			for _, c := range got {
				names = append(names, c.Name)
			}
			if strings.Join(names, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", names, tc.want)
			}
		})
	}
}

// TestRun checks every contender runs on a small page and that the text
// extractors find its body.
func TestRun(t *testing.T) {
	in := NewInput([]byte(page), "https://news.example/rain")
	for _, c := range All() {
		t.Run(c.Name, func(t *testing.T) {
			text, err := c.Run(in)
			if err != nil {
				t.Fatal(err)
			}
			if c.HasText && !strings.Contains(text, "heaviest rain in a decade") {
				t.Errorf("text lacks the body: %q", text)
			}
			if !c.HasText && text != "" {
				t.Errorf("floor returned text %q", text)
			}
		})
	}
}

func TestNewInputBadURL(t *testing.T) {
	in := NewInput(nil, "http://[::1")
	if in.ParsedURL == nil {
		t.Fatal("ParsedURL is nil")
	}
}

// TestJudge: winnow gives its own status; the others are ok with text,
// empty without, error on an error or a panic.
func TestJudge(t *testing.T) {
	in := NewInput([]byte(page), "https://news.example/rain")
	fake := func(text string, err error, boom bool) Contender {
		return Contender{Name: "fake", HasText: true, Run: func(Input) (string, error) {
			if boom {
				panic("boom")
			}
			return text, err
		}}
	}
	tests := []struct {
		name       string
		c          Contender
		wantStatus string
		wantText   string
		wantErr    bool
	}{
		{"text", fake("some words", nil, false), "ok", "some words", false},
		{"white space only", fake(" \n\t", nil, false), "empty", "", false},
		{"error", fake("", errTest, false), "error", "", true},
		{"panic", fake("", nil, true), "error", "", true},
		{"winnow", All()[0], "ok", "heaviest rain in a decade", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.c.Judge(in)
			if o.Status != tc.wantStatus || !strings.Contains(o.Text, tc.wantText) || (o.Err != nil) != tc.wantErr {
				t.Errorf("Judge = %+v, want status %s, text with %q, error %v", o, tc.wantStatus, tc.wantText, tc.wantErr)
			}
		})
	}
	// A page with no main content gets winnow's own refusal status.
	shell := All()[0].Judge(NewInput([]byte(`<html><head><title>x</title></head><body><div id="app"></div></body></html>`), ""))
	if shell.Status != "empty" {
		t.Errorf("winnow on an empty shell: status %q, want empty", shell.Status)
	}
}

var errTest = errors.New("test error")

// TestTag checks that every contender has the build tag that links it
// alone into a child of the harness, and that no tag names a contender
// that does not exist.
func TestTag(t *testing.T) {
	names := map[string]bool{}
	for _, c := range All() {
		names[c.Name] = true
		if Tag(c.Name) == "" {
			t.Errorf("%s has no build tag", c.Name)
		}
	}
	for _, r := range allTags {
		for _, n := range r.names {
			if !names[n] {
				t.Errorf("tag %s names %q, which is no contender", r.tag, n)
			}
		}
	}
	if Tag("nosuch") != "" {
		t.Error("a tag for no contender")
	}
}
