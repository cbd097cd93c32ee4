package winnow_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
)

func renderTree(t *testing.T, n *html.Node) string {
	t.Helper()
	var b bytes.Buffer
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func asJSON(t *testing.T, a *article.Article) string {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExtractDocumentMatchesExtract: a tree parsed by html.Parse (which
// keeps <noscript> as text) gives what Extract gives on the same bytes, on
// every golden page, and the caller's tree is left as it was.
func TestExtractDocumentMatchesExtract(t *testing.T) {
	pages, err := filepath.Glob("testdata/pages/*/input.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no golden pages: %v", err)
	}
	for _, p := range pages {
		t.Run(filepath.Base(filepath.Dir(p)), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(data) {
				// html.Parse reads UTF-8 only: decoding is the caller's job.
				t.Skip("not UTF-8")
			}
			opts := winnow.Options{URL: "https://example.org/news/story", KeepLinks: true, Explain: true}
			want, wantErr := winnow.Extract(data, opts)
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			before := renderTree(t, doc)
			got, gotErr := winnow.ExtractDocument(doc, opts)
			if (wantErr == nil) != (gotErr == nil) || want == nil || got == nil {
				t.Fatalf("ExtractDocument error %v, Extract error %v", gotErr, wantErr)
			}
			if g, w := asJSON(t, got), asJSON(t, want); g != w {
				t.Errorf("ExtractDocument and Extract differ:\n got %s\nwant %s", g, w)
			}
			if after := renderTree(t, doc); after != before {
				t.Errorf("the caller's tree was changed")
			}
		})
	}
}

// TestExtractDocumentLeavesTreeAlone: on pages the pipeline repairs (an
// empty shell whose text is in <noscript>, React's streamed segments) the
// repairs happen on winnow's copy, never on the caller's tree.
func TestExtractDocumentLeavesTreeAlone(t *testing.T) {
	para := "<p>" + strings.Repeat("The council voted to rebuild the harbour wall before winter storms arrive. ", 4) + "</p>"
	tests := []struct {
		name, page, want string
	}{
		{"noscript shell", `<html><head><title>Harbour</title></head><body><div id="app"></div><noscript>` +
			strings.Repeat(para, 3) + `</noscript></body></html>`, "rebuild the harbour wall"},
		{"streamed segment", `<html><body><main><h1>Harbour</h1>` + para + `<template id="P:0"></template></main>` +
			`<div hidden id="S:0"><p>The streamed paragraph says the work starts in March and will last a year at least.</p>` + para + `</div></body></html>`,
			"the work starts in March"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, scripting := range []bool{true, false} {
				doc, err := html.ParseWithOptions(strings.NewReader(tt.page), html.ParseOptionEnableScripting(scripting))
				if err != nil {
					t.Fatal(err)
				}
				before := renderTree(t, doc)
				a, err := winnow.ExtractDocument(doc, winnow.Options{})
				if err != nil {
					t.Fatalf("scripting %v: %v", scripting, err)
				}
				if !strings.Contains(a.Text, tt.want) {
					t.Errorf("scripting %v: text %q lacks %q", scripting, a.Text, tt.want)
				}
				if after := renderTree(t, doc); after != before {
					t.Errorf("scripting %v: the caller's tree was changed:\nbefore %s\n after %s", scripting, before, after)
				}
			}
		})
	}
}

func TestExtractDocumentInputs(t *testing.T) {
	if a, err := winnow.ExtractDocument(nil, winnow.Options{}); a != nil || err == nil {
		t.Errorf("nil document: %v, %v; want an error", a, err)
	}
	page := `<html><body><article><h1>Harbour</h1><p>` +
		strings.Repeat("The council voted to rebuild the harbour wall before winter storms arrive. ", 6) +
		`</p></article></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	// The <html> element, and an element alone, are read as a page.
	for _, n := range []*html.Node{doc.FirstChild, doc.FirstChild.LastChild.FirstChild} {
		a, err := winnow.ExtractDocument(n, winnow.Options{})
		if err != nil || !strings.Contains(a.Text, "harbour wall") {
			t.Errorf("<%s>: %v, text %q", n.Data, err, a.Text)
		}
		if n.Parent == nil || n.Parent.Type == html.DocumentNode && n.Data != "html" {
			t.Errorf("<%s> was moved", n.Data)
		}
	}
	// A page with no main content gives Extract's status and error.
	empty, _ := html.Parse(strings.NewReader("<html><body><nav><a href=/>Home</a></nav></body></html>"))
	a, err := winnow.ExtractDocument(empty, winnow.Options{})
	if !errors.Is(err, winnow.ErrNoArticle) || a == nil || a.Status == article.StatusOK {
		t.Errorf("empty page: %v, %+v", err, a)
	}
}
