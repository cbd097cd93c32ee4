package parse

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// deepShape repeats shape (its %d, if any, the level's number) levels
// times, each followed by a word, in a page's body.
func deepShape(shape string, levels int) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Deep</title></head><body>")
	for i := 0; i < levels; i++ {
		if strings.Contains(shape, "%d") {
			fmt.Fprintf(&b, shape, i)
		} else {
			b.WriteString(shape)
		}
		b.WriteString("w ")
	}
	b.WriteString("<script>var hidden = '<div>';</script></body></html>")
	return []byte(b.String())
}

func countWords(doc dom.Node) (words int, script bool) {
	var walk func(n dom.Node)
	walk = func(n dom.Node) {
		if n.Type() == html.TextNode {
			if !n.Parent().Nil() && n.Parent().DataAtom() == atom.Script {
				script = true
				return
			}
			words += strings.Count(n.Data(), "w")
		}
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			walk(c)
		}
	}
	walk(doc)
	return words, script
}

// TestFlatten: each shape nests past the parser's 512 open elements
// although its start tags minus its end tags do not always say so (the
// parser adds a <tbody>, ignores a stray end tag, reopens formatting
// elements a block closed). flatten must replay the tree builder closely
// enough that the page parses at the first limit, neither deeper than it
// nor much shallower, with every word kept and the script still a script.
func TestFlatten(t *testing.T) {
	tests := []struct {
		shape    string
		minDepth int // the flattened tree keeps at least this depth; below 0, and drops words
	}{
		{"<table><tr><td>", 390},
		{"<table><tbody><tr><td>", 390},
		{"<div><div></i>", 390},
		{"<div></span>", 390},
		{"<div>", 390},
		{"<ul><li>", 390},
		{"<li><ul>", 390},
		{"<blockquote>", 390},
		{"<span><b><i><em>", 390},
		{"<div><b class=k%d></div>", 390},
		{"<p><font size=%d>", 390},
		{"<b><div></b>", 200},
		{"<i><div><b></i>", 200},
		{"<a href=x%d><div>", 200},
		{"<table><caption><div>", 390},
		{"<table><td><b>", 390},
		{"<object><div><b>", 390},
		{"<svg><foreignObject><div>", 390},
		{"<math><mi><div>", 390},
		{"<select><option><div>", 100},
		{"<h1><span><h2>", 390},
		{"<dd><dl><dt>", 390},
		// what a deep <template> or <noscript> holds is left out with it
		{"<template><div>", -390},
		{"<noscript><div>", -390},
		{"<div><ul><li><blockquote><table><tr><td><span><em>", 390},
	}
	for _, tt := range tests {
		t.Run(tt.shape, func(t *testing.T) {
			data := deepShape(tt.shape, 1000)
			if _, err := parse(data); err == nil || !tooDeep(err) {
				t.Fatalf("the shape parses without flattening (%v): not a test of it", err)
			}
			doc, err := parse(flat(data, MaxDepth))
			if err != nil {
				t.Fatalf("flattened to %d: %v", MaxDepth, err)
			}
			// depthOf counts the document node and the leaves (text, or
			// the <hr> a block deeper than the limit became).
			if d := depthOf(doc) - 2; d > MaxDepth+1 || d < abs(tt.minDepth) {
				t.Errorf("depth %d after flattening to %d, want %d or more", d, MaxDepth, abs(tt.minDepth))
			}
			words, script := countWords(doc)
			if tt.minDepth > 0 && (words != 1000 || !script) {
				t.Errorf("%d words of 1000, script kept %v", words, script)
			}
			if tt.minDepth < 0 && (words >= 1000 || script) {
				t.Errorf("%d words of 1000, script kept %v: the deep container's content shows", words, script)
			}
			// The last limit leaves no nesting at all, whatever the page.
			flat, err := parse(flat(data, flatLimits[len(flatLimits)-1]))
			if err != nil {
				t.Fatalf("flattened to the last limit: %v", err)
			}
			if d := depthOf(flat) - 2; d > 4 {
				t.Errorf("depth %d at the last limit", d)
			}
		})
	}
}

func abs(n int) int { return max(n, -n) }

// TestFlattenShallow: markup that stays under the limit is written out as
// it came.
func TestFlattenShallow(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A &amp; B</title>` +
		`<style>p > a { color: red }</style><script>if (a < b) { x = "</div>" }</script></head>` +
		`<body class="x"><!-- note --><article><h1>Head</h1><p>One <b>bold</b> <a href="/a?x=1&amp;y=2">link</a>.</p>` +
		`<ul><li>a<li>b</ul><table><tr><td>1<td>2</table><img src="a.png" alt="a"><br/>` +
		`<svg viewBox="0 0 1 1"><path d="M0 0"/></svg><p>Two</article></body></html>`
	if got := string(flat([]byte(page), MaxDepth)); got != page {
		t.Errorf("flatten changed a shallow page:\n got %s\nwant %s", got, page)
	}
}

// TestParseDeepParagraphs: a page flattened keeps the breaks between its
// blocks: the text of each level stays in its own paragraph. Flattening
// used to drop the deep tags, running every paragraph into one text node.
func TestParseDeepParagraphs(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>")
	for i := 0; i < 600; i++ {
		fmt.Fprintf(&b, "<div>level %d", i)
	}
	b.WriteString("</body></html>")
	doc, err := parseRepaired(context.Background(), []byte(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var walk func(n dom.Node)
	walk = func(n dom.Node) {
		if n.Type() == html.TextNode {
			texts = append(texts, n.Data())
		}
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			walk(c)
		}
	}
	walk(doc)
	if len(texts) != 600 {
		t.Errorf("%d text nodes for 600 levels: %.200q", len(texts), texts)
	}
}

// FuzzFlatten: flatten never panics, and at the last limit whatever it
// writes parses.
//
//	go test -run '^$' -fuzz FuzzFlatten -fuzztime 30s ./internal/parse
func FuzzFlatten(f *testing.F) {
	for _, s := range []string{"<table><tr><td>", "<div><div></i>", "<div><b class=k%d></div>", "<svg><desc><div>", "<template><div>", "<select><option><div>", "<li><ul>"} {
		f.Add(deepShape(s, 20))
	}
	f.Add([]byte("<p>a<b>b<div>c</b>d</p></br><table><caption><form></table></form>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, limit := range flatLimits {
			out := flat(data, limit)
			if limit == flatLimits[len(flatLimits)-1] {
				if _, err := parse(out); err != nil {
					t.Fatalf("the last limit does not parse: %v", err)
				}
			}
		}
	})
}

// flat is flatten with no deadline.
func flat(data []byte, limit int) []byte {
	out, err := flatten(context.Background(), data, limit)
	if err != nil {
		panic(err)
	}
	return out
}
