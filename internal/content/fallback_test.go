package content

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
)

// fallbackProse is a paragraph long enough to be read as text, not a label.
const fallbackProse = "The committee met on Tuesday to weigh the plan for the new river crossing, " +
	"and after a long debate about its cost and the traffic it would bring to the old town " +
	"it voted to ask the engineers for a second study before any money is spent. "

// fallbackShort are sentences of prose, each too short for a marked
// box that holds it to be pardoned as the article.
var fallbackShort = []string{
	"The committee met on Tuesday to weigh the plan for the new river crossing in the old town.",
	"After a long debate about its cost it voted to ask the engineers for a second study first.",
	"The mayor said the town would publish the study and hold a public meeting in the spring.",
	"Residents who live near the bridge site will be asked for their views before any vote.",
	"Building could start in three years if the second study finds the plan sound and cheap.",
}

func TestFallbackReading(t *testing.T) {
	chrome := `<nav><a href="/">Home</a> <a href="/a">About</a> <a href="/b">Shop</a> <a href="/c">Blog</a></nav>` +
		`<header><a href="/">Site name</a></header>`
	foot := `<footer><p>Copyright 2026 Example Company. All rights reserved. Privacy Terms Contact.</p></footer>`
	tests := []struct {
		name   string
		body   string
		ok     bool   // the page gets a body
		want   string // in the kept text
		absent string // never in the kept text
	}{
		{
			name: "every box of the body carries a soft chrome class",
			body: chrome + `<div><div class="sidebar"><h2>River crossing</h2><p>` + fallbackShort[0] + `</p></div>` +
				`<section class="related"><p>` + fallbackShort[1] + `</p></section>` +
				`<div class="entry-meta"><p>` + fallbackShort[2] + `</p></div>` +
				`<div class="rail"><p>` + fallbackShort[3] + `</p></div>` +
				`<div class="sidebox"><p>` + fallbackShort[4] + `</p></div></div>` + foot,
			ok: true, want: "public meeting in the spring", absent: "All rights reserved",
		},
		{
			name: "the soft boxes are kept, the hard chrome is not",
			body: chrome + `<div><div class="widget-area sidebar"><p>` + fallbackShort[0] + `</p><a href="/x">Read on</a></div>` +
				`<div class="post-meta"><p>` + fallbackShort[1] + `</p></div>` +
				`<div class="related-box"><p>` + fallbackShort[2] + `</p></div>` +
				`<div class="rail"><p>` + fallbackShort[3] + `</p></div>` +
				`<div class="sidebox"><p>` + fallbackShort[4] + `</p></div></div>` + foot,
			ok: true, want: "second study", absent: "Site name",
		},
		{
			name: "body a script would show, hidden by style",
			body: chrome + `<div class="content-lock" style="display:none"><p>` + fallbackProse + fallbackProse + `</p></div>` + foot,
			ok:   true, want: "river crossing",
		},
		{
			name: "text for screen readers stays hidden in the body a script would show",
			body: chrome + `<div class="content-lock" style="display:none"><p>` + fallbackProse + fallbackProse +
				`<span class="visually-hidden">Regular price</span></p></div>` + foot,
			ok: true, want: "river crossing", absent: "Regular price",
		},
		{
			name: "a screen-reader class is no verdict on a box shown by a script",
			body: chrome + `<div class="content-lock" style="display:none"><p>` + fallbackProse + fallbackProse +
				`</p><p class="is-hidden">Read on for the engineers' report.</p></div>` + foot,
			ok: true, want: "engineers' report",
		},
		{
			name: "a hidden modal stays hidden",
			body: chrome + `<div class="cookie-modal" style="display:none"><p>` + fallbackProse + fallbackProse + `</p></div>` + foot,
			ok:   false,
		},
		{
			name: "a hidden dialog stays hidden",
			body: chrome + `<div role="dialog" hidden><p>` + fallbackProse + fallbackProse + `</p></div>` + foot,
			ok:   false,
		},
		{
			name: "only navigation, footer and a cookie banner",
			body: chrome + `<div class="cookie-banner"><p>` + fallbackProse + `</p><button>Accept</button></div>` +
				`<nav class="menu"><ul><li><a href="/x">` + fallbackProse + `</a></li></ul></nav>` + foot,
			ok: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extract(t, `<html><body>`+tt.body+`</body></html>`, article.Metadata{})
			var text strings.Builder
			for _, b := range res.Blocks {
				text.WriteString(b.Text)
				text.WriteString(strings.Join(b.Items, " "))
			}
			got := text.String()
			if ok := res.Status == article.StatusOK; ok != tt.ok {
				t.Fatalf("status %s (%s), want ok=%v; text %q", res.Status, res.Detail, tt.ok, got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("kept text %q lacks %q", got, tt.want)
			}
			if tt.absent != "" && strings.Contains(got, tt.absent) {
				t.Errorf("kept text %q holds %q", got, tt.absent)
			}
		})
	}
}

// A page the first reading keeps something of is never read again.
func TestFallbackOnlyWhenNothingKept(t *testing.T) {
	page := `<html><body><main><p>` + fallbackProse + fallbackProse + `</p></main>` +
		`<div class="sidebar"><p>Aside. The bakery on the corner sells bread until noon every day of the week.</p></div></body></html>`
	res := extract(t, page, article.Metadata{})
	for _, b := range res.Blocks {
		if strings.HasPrefix(b.Text, "Aside.") {
			t.Fatalf("the sidebar was kept on a page with a body: %q", b.Text)
		}
	}
	if len(res.Blocks) == 0 {
		t.Fatal("the body was lost")
	}
}

// A thread of one post, marked up as a comment inside a moderation form,
// has no body beside it: on a page that declares a discussion the post is
// the page's text. Without that declaration (a news page whose story is
// gone, a comment section alone) the comments stay cut.
func TestFallbackThreadOfComments(t *testing.T) {
	chrome := `<nav><a href="/">Home</a> <a href="/a">Forums</a> <a href="/b">Activity</a> <a href="/c">Search</a></nav>`
	foot := `<footer><p>Copyright 2026 Example Company. All rights reserved. Privacy Terms Contact.</p></footer>`
	post := `<div id="comments"><form action="/mod" method="post"><article class="comment">` +
		`<aside class="comment-author"><a href="/u/1">jdoe</a> <span>Members</span></aside>` +
		`<div class="comment-content"><p>` + fallbackShort[0] + ` ` + fallbackShort[1] + `</p><p>` +
		fallbackShort[2] + ` ` + fallbackShort[3] + ` ` + fallbackShort[4] + `</p></div></article></form></div>`
	cookies := `<div role="dialog" hidden><p>` + fallbackProse + fallbackProse + fallbackProse + `</p><button>Accept</button></div>`
	page := `<html><body>` + chrome + `<h1>River crossing</h1>` + post + foot + cookies + `</body></html>`
	doc, err := html.ParseWithOptions(strings.NewReader(page), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		thread bool
		ok     bool
	}{
		{"a declared thread keeps its post", true, true},
		{"an undeclared page keeps its comments cut", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(dom.FromHTML(doc, "").Root(), article.Metadata{}, Options{Thread: tt.thread})
			var text strings.Builder
			for _, b := range res.Blocks {
				text.WriteString(b.Text + " ")
			}
			got := text.String()
			if ok := res.Status == article.StatusOK; ok != tt.ok {
				t.Fatalf("status %s, want ok=%v; text %q", res.Status, tt.ok, got)
			}
			if !tt.ok {
				return
			}
			if !strings.Contains(got, "public meeting in the spring") {
				t.Errorf("kept text %q lacks the post", got)
			}
			if strings.Contains(got, "All rights reserved") || strings.Contains(got, "Activity") {
				t.Errorf("kept text %q holds the page's chrome", got)
			}
		})
	}
}
