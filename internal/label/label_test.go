package label

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

func parse(t *testing.T, s string) dom.Node {
	t.Helper()
	doc, err := html.ParseWithOptions(strings.NewReader(s), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatal(err)
	}
	return dom.FromHTML(doc, "").Root()
}

// byID returns the label of the element with the given id attribute.
func byID(t *testing.T, tr *Tree, id string) *Node {
	t.Helper()
	for i := range tr.Nodes {
		if n := &tr.Nodes[i]; tr.DOMOf(n).Type() == html.ElementNode && dom.Attr(tr.DOMOf(n), "id") == id {
			return n
		}
	}
	t.Fatalf("no element #%s", id)
	return nil
}

// Every tag of the rules' tag tables must be found by atom, or the label
// pass would miss it.
func TestTagTablesByAtom(t *testing.T) {
	for name := range rules.DropTags {
		if _, ok := dropTags[atom.Lookup([]byte(name))]; !ok {
			t.Errorf("drop tag %q has no atom", name)
		}
	}
	for name := range rules.StructuralTags {
		if _, ok := structuralTags[atom.Lookup([]byte(name))]; !ok {
			t.Errorf("structural tag %q has no atom", name)
		}
	}
}

func TestHidden(t *testing.T) {
	for _, tc := range []struct {
		name, el string
		hidden   bool
	}{
		{"attribute", `<p id=x hidden>t</p>`, true},
		{"aria-hidden", `<p id=x aria-hidden="true">t</p>`, true},
		{"aria-hidden false", `<p id=x aria-hidden="false">t</p>`, false},
		{"display none", `<p id=x style="color: red; display : none">t</p>`, true},
		{"visibility hidden", `<p id=x style="VISIBILITY:hidden">t</p>`, true},
		{"display block", `<p id=x style="display:block">t</p>`, false},
		{"hidden class", `<p id=x class="standfirst is-hidden">t</p>`, true},
		{"hidden class, other spelling", `<p id=x class="lead sr_only">t</p>`, true},
		{"hidden class, camel case", `<p id=x class="srOnly">t</p>`, true},
		{"bootstrap", `<p id=x class="d-none">t</p>`, true},
		{"hidden is a whole name, not a token", `<p id=x class="field-label-hidden">t</p>`, false},
		{"nor a prefix", `<p id=x class="hidden-xs">t</p>`, false},
		{"hidden at some widths only", `<p id=x class="hidden-900">t</p>`, false},
		{"responsive prefix", `<p id=x class="md:hidden">t</p>`, false},
		{"numbered", `<p id=x class="hide4">t</p>`, false},
		{"double hyphen", `<p id=x class="is--hidden">t</p>`, true},
		{"upper case", `<p id=x class="Visually-Hidden">t</p>`, true},
		{"no class", `<p id=x class="">t</p>`, false},
		{"main is never hidden", `<main id=x hidden><p>t</p></main>`, false},
		{"body is never hidden", `<body id=x class="hidden"><p>t</p></body>`, false},
		{"role does not unhide", `<p id=x hidden role="navigation">t</p>`, true},
		{"modal dialog", `<div id=x role="dialog" aria-modal="true"><p>t</p></div>`, true},
		{"modal, other spelling", `<div id=x aria-modal=" TRUE "><p>t</p></div>`, true},
		{"a flyout that is no modal", `<div id=x role="dialog" aria-modal="false"><p>t</p></div>`, false},
		{"a dialog role alone", `<div id=x role="dialog"><p>t</p></div>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, tc.el))
			defer tr.Release()
			n := byID(t, tr, "x")
			if n.hidden() != tc.hidden {
				t.Errorf("Hidden() = %v, want %v (mark %q)", n.hidden(), tc.hidden, n.Mark.Reason())
			}
			if tr.IsHidden(tr.DOMOf(n)) != tc.hidden {
				t.Errorf("IsHidden = %v, want %v", tr.IsHidden(tr.DOMOf(n)), tc.hidden)
			}
		})
	}
}

func TestMarksAndSizes(t *testing.T) {
	doc := parse(t, `<body><nav id=nav><a href=/>Home</a></nav>
<div id=body class="article-body"><p>Some prose <a href=/x>link</a></p><h2 id=h><a href=/y>Linked head</a></h2></div>
<script>var x = 1</script><div id=share class="share-buttons">Share</div><div id=embed class="social embed">Tweet</div></body>`)
	tr := Label(doc)
	defer tr.Release()
	if tr.Root() != doc || tr.Nodes[0].Parent != -1 {
		t.Fatal("root is not the document")
	}
	if m := byID(t, tr, "nav").Mark.Reason(); m != article.ReasonNav {
		t.Errorf("nav mark = %q", m)
	}
	if m := byID(t, tr, "share").Mark.Reason(); m != article.ReasonShare {
		t.Errorf("share mark = %q", m)
	}
	if m := byID(t, tr, "embed").Mark.Reason(); m != "" {
		t.Errorf("an embed is not chrome, mark = %q", m)
	}
	b := byID(t, tr, "body")
	if b.ContentHint != 2 {
		t.Errorf("article-body hint = %d, want 2", b.ContentHint)
	}
	// "Someprose" 9 + "link" 4 in <p>; "Linkedhead" 10 linked.
	if b.TextLen != 23 || b.LinkLen != 14 || b.ParaLen != 9 || b.Heads != 1 {
		t.Errorf("sizes = text %d link %d para %d heads %d; want 23 14 9 1", b.TextLen, b.LinkLen, b.ParaLen, b.Heads)
	}
	for i := range tr.Nodes {
		n := &tr.Nodes[i]
		if tr.DOMOf(n).DataAtom() == atom.Script && (!n.Drop() || n.TextLen != 0) {
			t.Errorf("script: drop %v, text %d", n.Drop(), n.TextLen)
		}
	}
}

// TestIDsAndEnds checks the numbering: document order, a parent before
// its children, a subtree the ids [id, End), and ChildID stepping over
// children without the index.
func TestIDsAndEnds(t *testing.T) {
	doc := parse(t, `<div id=a><p id=b>x<b id=c>y</b></p><svg><g id=skipped></g></svg><p id=d></p></div>`)
	tr := Label(doc)
	defer tr.Release()
	for i := range tr.Nodes {
		n := &tr.Nodes[i]
		if tr.ID(tr.DOMOf(n)) != int32(i) {
			t.Fatalf("Index of node %d = %d", i, tr.ID(tr.DOMOf(n)))
		}
		if n.Parent >= int32(i) || n.End <= int32(i) || int(n.End) > len(tr.Nodes) {
			t.Errorf("node %d <%s>: parent %d, end %d", i, tr.DOMOf(n).Data(), n.Parent, n.End)
		}
		for c := i + 1; c < int(n.End); c++ {
			if !isAncestor(tr, int32(i), int32(c)) {
				t.Errorf("node %d in [%d, %d) is not a descendant", c, i, n.End)
			}
		}
	}
	a := byID(t, tr, "a")
	aID := tr.ID(tr.DOMOf(a))
	var got []string
	next := aID + 1
	for c := range dom.Elements(tr.DOMOf(a)) {
		id := tr.ChildID(next, c)
		if id < 0 {
			t.Fatalf("child <%s> not labelled", c.Data())
		}
		got = append(got, c.Data())
		next = tr.Nodes[id].End
	}
	if strings.Join(got, " ") != "p svg p" {
		t.Errorf("children = %v", got)
	}
	// The inside of a dropped element is not labelled.
	for n := range doc.Descendants() {
		if dom.Attr(n, "id") == "skipped" && tr.ID(n) != -1 {
			t.Error("a node inside <svg> is labelled")
		}
	}
}

func isAncestor(tr *Tree, a, b int32) bool {
	for p := tr.Nodes[b].Parent; p >= 0; p = tr.Nodes[p].Parent {
		if p == a {
			return true
		}
	}
	return false
}

func TestLabelDoesNotChangeTheTree(t *testing.T) {
	page := `<div class="hidden"><p style="display:none">a</p></div><nav>b</nav>`
	doc := parse(t, page)
	dump := func() string {
		var b strings.Builder
		for n := range doc.Descendants() {
			fmt.Fprintf(&b, "%d %q %v %d|", n.Type(), n.Data(), slices.Collect(n.Attrs()), n.Parent().ID())
		}
		return b.String()
	}
	before := dump()
	Label(doc).Release()
	if dump() != before {
		t.Error("Label changed the tree")
	}
}

// TestReleaseDropsHugeTables: after a huge page the pooled tables are
// not kept, so that clearing them for each later page stays cheap (a map
// is cleared in time proportional to its capacity and never shrinks).
func TestReleaseDropsHugeTables(t *testing.T) {
	doc := parse(t, "<div>"+strings.Repeat("<b>x</b>", maxPooledNodes+1000)+"</div>")
	tr := Label(doc)
	tr.Release()
	small := Label(parse(t, "<p>x</p>"))
	defer small.Release()
	if cap(small.Nodes) > maxPooledNodes {
		t.Errorf("a small page got the huge tables back (cap %d)", cap(small.Nodes))
	}
	if len(small.Nodes) != 5 { // document, html, head, body, p
		t.Errorf("small page has %d nodes", len(small.Nodes))
	}
}

// prose is a paragraph long enough to count as prose for a contested mark.
const prose = `<p>The council voted on Tuesday to extend the cycle lanes along the river, after a year in which the number of people riding to work doubled. Residents who had opposed the plan said the consultation had been too short, and several shop owners asked for more loading bays. The works start in the spring and should take about four months to finish, the council said in a statement.</p><p>Cyclists welcomed the decision, and the mayor promised a second stretch of lanes on the east bank if the first one works.</p>`

// TestContestedMarks checks that a chrome word in a class or id is
// weighed against what the element wraps: taxonomy and state names,
// page-builder widgets and a content name beside the chrome word keep an
// element that holds prose, while chrome that holds links or no prose is
// still marked.
func TestContestedMarks(t *testing.T) {
	for _, tc := range []struct {
		name, el string
		want     article.Reason
	}{
		// kept: the element holds prose
		{"taxonomy class on the post", `<div id=x class="post tag-sidebar">` + prose + `</div>`, ""},
		{"taxonomy classes on an article", `<article id=x class="entry hentry category-ads tag-sharing author-jane-doe">` + prose + `</article>`, ""},
		{"entry-author class on the post", `<div id=x class="entry-author-jane-doe">` + prose + `</div>`, ""},
		{"entry-author byline", `<span id=x class="entry-author-name">Jane Doe</span>`, article.ReasonByline},
		{"namespaced taxonomy", `<div id=x class="s-tag-comments">` + prose + `</div>`, ""},
		{"state class", `<div id=x class="layout no-sidebar">` + prose + `</div>`, ""},
		{"state class, has", `<div id=x class="main-wrap has-rail-right">` + prose + `</div>`, ""},
		{"state class, hide", `<aside id=x class="hide-on-print">` + prose + `</aside>`, article.ReasonSidebar},
		{"utility variant", `<p id=x class="print:break-inside-avoid">The council voted.</p>`, ""},
		{"page-builder text widget", `<div id=x class="elementor-widget elementor-widget-text-editor">` + prose + `</div>`, ""},
		{"blogger post widget", `<div id=x class="widget Blog">` + prose + `</div>`, ""},
		{"testimonial slider", `<div id=x class="testimonials-slider">` + prose + `</div>`, ""},
		{"slug id", `<section id="x" class="menu-how-to-plan-a-dinner"><h2>How to plan</h2>` + prose + `</section>`, ""},
		{"hash in an id", `<section id=x class="component-1ad269af0d">` + prose + `</section>`, ""},
		{"accordion as a tablist", `<div id=x role=tablist>` + prose + `</div>`, ""},
		{"signature dishes with prose", `<section id=x class="signature-dishes"><h2>Our dishes</h2>` + prose + `</section>`, ""},
		{"category hero named as a banner", `<div id=x class="collection__banner"><h1>Throws &amp; Blankets</h1><div class="rte">Woven in small mills in Wales, our throws are made from natural fibres that get softer with every wash. Drape one over the sofa in autumn.</div></div>`, ""},
		// removed: chrome that holds no prose, or a strong chrome word alone
		{"promo banner without the page's h1", `<div id=x class="banner"><h2>Winter sale</h2><div>Up to forty per cent off bedding, towels and throws, this week only, while stocks last in store.</div></div>`, article.ReasonAd},
		{"banner around the h1 alone", `<div id=x class="hero-banner"><h1>Throws &amp; Blankets</h1><div>Shop now</div></div>`, article.ReasonAd},
		{"banner of links around a linked h1", `<div id=x class="banner"><h1><a href=/>The Harbour Gazette</a></h1><div>Local news, sport and culture from the harbour, the town and all the islands around.</div></div>`, article.ReasonAd},
		{"banner after the page's h1", `<h1>Throws</h1><div id=x class="banner"><h1>Winter sale</h1><div>Up to forty per cent off bedding, towels and throws, this week only, while stocks last in store.</div></div>`, article.ReasonAd},
		{"sidebar with links", `<div id=x class="sidebar"><ul><li><a href=/a>One story</a><li><a href=/b>Another story</a></ul></div>`, article.ReasonSidebar},
		{"sidebar with prose", `<div id=x class="sidebar">` + prose + `</div>`, article.ReasonSidebar},
		{"content word in the chrome name", `<div id=x class="post-sidebar">` + prose + `</div>`, article.ReasonSidebar},
		{"widget of links", `<div id=x class="widget widget_recent_entries"><ul><li><a href=/a>One story here</a><li><a href=/b>Another story here</a></ul></div>`, article.ReasonSidebar},
		{"short widget", `<div id=x class="widget"><p>Follow us for more.</p></div>`, article.ReasonSidebar},
		{"post wrapper of teasers", `<div id=x class="post tag-list"><h3><a href=/a>A linked headline</a></h3><h3><a href=/b>Another linked headline</a></h3>` + prose + `</div>`, article.ReasonMeta},
		{"tags box", `<div id=x class="tags"><a href=/t/a>Cycling</a> <a href=/t/b>Council</a></div>`, article.ReasonMeta},
		{"comments with a content name", `<div id=x class="comment post">` + prose + `</div>`, ""},
		{"comments alone", `<div id=x class="comments">` + prose + `</div>`, article.ReasonComments},
		{"modal is no weak word", `<div id=x class="modal">` + prose + `</div>`, article.ReasonBoilerplate},
		{"forum post signature", `<div id=x class="message-signature"><p>Ryzen 5 7600, 32 GB, RX 7800 XT. Quote me to get a reply.</p></div>`, article.ReasonByline},
		{"signature of links", `<div id=x class="ipsSignature"><a href=/u/1>My build log</a> | <a href=/u/2>My photos</a></div>`, article.ReasonByline},
		{"ad word, not a hash", `<div id=x class="ad300">` + prose + `</div>`, article.ReasonAd},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body>`+tc.el+`</body>`))
			defer tr.Release()
			if m := byID(t, tr, "x").Mark.Reason(); m != tc.want {
				t.Errorf("mark = %q, want %q", m, tc.want)
			}
		})
	}
}

// TestRevealHidden checks that a hidden element holding the page's prose
// (a wrapper a script unhides) is shown, and that hidden menus, dialogs
// and panels beside a visible article stay hidden.
func TestRevealHidden(t *testing.T) {
	story := strings.Repeat(prose, 3)
	for _, tc := range []struct {
		name, body string
		want       article.Reason
	}{
		{"page wrapper hidden until a script runs", `<nav><a href=/>Home</a></nav><div id=x class="root hide">` + story + `</div>`, ""},
		{"hidden attribute on the wrapper", `<div id=x hidden><h1>Title</h1>` + story + `</div><footer>© Site</footer>`, ""},
		{"shown, then read as a modal", `<div id=x class="modal hidden">` + story + `</div>`, article.ReasonBoilerplate},
		{"hidden copy beside the visible story", `<article>` + story + `</article><div id=x class="hidden">` + story + `</div>`, article.ReasonHidden},
		{"hidden menu", `<p>Short visible text.</p><div id=x class="hidden"><ul><li><a href=/a>One</a><li><a href=/b>Two</a></ul></div>`, article.ReasonHidden},
		{"small hidden note", `<div id=x class="hidden"><p>Thanks for signing up.</p></div>`, article.ReasonHidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body>`+tc.body+`</body>`))
			defer tr.Release()
			if m := byID(t, tr, "x").Mark.Reason(); m != tc.want {
				t.Errorf("mark = %q, want %q", m, tc.want)
			}
		})
	}
}

// TestDisclosurePanels checks that the hidden panels of accordions and
// tabs are read as the page's text, while a collapsed menu and other
// hidden boxes stay hidden.
func TestDisclosurePanels(t *testing.T) {
	for _, tc := range []struct {
		name, el string
		want     article.Reason
	}{
		{"accordion panel", `<div id=x class="accordion__content accordion--closed" hidden>` + prose + `</div>`, ""},
		{"tab panel by role", `<div id=x role=tabpanel hidden>` + prose + `</div>`, ""},
		{"region by role", `<div id=x role=region class="is-hidden">` + prose + `</div>`, ""},
		{"faq answer by class", `<div id=x class="faq__answer" style="display:none"><p>Yes, returns are free within thirty days.</p></div>`, ""},
		{"tab panel by class", `<div class="content-tabs"><div id=x class="tab__content" hidden>` + prose + `</div></div>`, ""},
		{"tab of links by class", `<div id=x class="tab__content" hidden><a href=/a>Most read story of the day</a> <a href=/b>Second most read story</a> <a href=/c>Third</a></div>`, article.ReasonHidden},
		{"collapse by id", `<div id=x class="hidden" data-x="collapse-3"><p>Hidden.</p></div>`, article.ReasonHidden},
		{"carousel slide", `<ul><li id=x class="carousel__cell" hidden>` + prose + `</li></ul>`, ""},
		{"carousel of teasers", `<ul><li id=x class="carousel__cell" hidden><a href=/a>A story of the week, in full detail here</a></li></ul>`, article.ReasonHidden},
		{"collapsed menu", `<div id=x class="navbar-collapse collapse" hidden><a href=/a>Home</a> <a href=/b>News</a> <a href=/c>Sport</a></div>`, article.ReasonHidden},
		{"shown panel still read for tokens", `<div id=x class="collapse sidebar" hidden>` + prose + `</div>`, article.ReasonSidebar},
		{"hidden box", `<div id=x class="hidden">` + prose + `</div>`, article.ReasonHidden},
		{"hidden modal", `<div id=x class="modal" hidden>` + prose + `</div>`, article.ReasonHidden},
		{"answer after its question's button", `<div><button type=button><h5>How much does it cost?</h5></button><div id=x class="text-sm hidden"><p>The final cost depends on many factors, and we give an estimate after a call.</p></div></div>`, ""},
		{"rest after an expanding link", `<div><a href=#more aria-expanded=false>Read more</a><div id=x style="display:none">` + prose + `</div></div>`, ""},
		{"tooltip after an icon button", `<div><button aria-label="About shipping weight"><svg><use href=#i></use></svg></button><div id=x style="display:none"><p>The shipping weight includes the packaging and the box.</p></div></div>`, article.ReasonHidden},
		{"menu after its button", `<div><button>Menu</button><div id=x class="hidden"><a href=/a>Home</a> <a href=/b>News</a> <a href=/c>Sport</a></div></div>`, article.ReasonHidden},
		{"hidden box after a paragraph", `<div><p>Some words.</p><div id=x class="hidden">` + prose + `</div></div>`, article.ReasonHidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body><article>`+prose+prose+`</article>`+tc.el+`</body>`))
			defer tr.Release()
			if m := byID(t, tr, "x").Mark.Reason(); m != tc.want {
				t.Errorf("mark = %q, want %q", m, tc.want)
			}
		})
	}
}

// TestSectionsOfTheBody checks that elements sharing a marked class that
// together hold the page's prose (the body set in sections) keep no
// mark, while a row of teaser cards or comments sharing a class stays
// marked.
func TestSectionsOfTheBody(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       article.Reason
	}{
		{"body in nav-named sections", `<div id=x class="content-nav-section">` + prose + `</div><div><div class="content-nav-section">` + prose + `</div></div><aside><p>About us.</p></aside>`, ""},
		{"one such section among more prose", `<div id=x class="content-nav-section">` + prose + `</div><article>` + prose + prose + prose + prose + `</article>`, article.ReasonNav},
		{"teaser cards", `<div id=x class="related-card"><h3><a href=/a>A linked headline</a></h3>` + prose + `</div><div class="related-card"><h3><a href=/b>Another linked headline</a></h3>` + prose + `</div>`, article.ReasonTeaser},
		{"comments", `<div id=x class="comment">` + prose + `</div><div class="comment">` + prose + `</div>`, article.ReasonComments},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body>`+tc.body+`</body>`))
			defer tr.Release()
			if m := byID(t, tr, "x").Mark.Reason(); m != tc.want {
				t.Errorf("mark = %q, want %q", m, tc.want)
			}
		})
	}
}

// TestInPageHeadingLinks checks that a heading whose only link points
// into the page (an accordion's toggle, a section's anchor) is not a
// linked headline, so an accordion of questions and answers reads as
// prose, while a heading linked to another page still counts.
func TestInPageHeadingLinks(t *testing.T) {
	panel := func(href string) string {
		return `<div class="panel"><h4 class="panel-title"><a role="button" data-toggle="collapse" href="` + href + `">What does the course cover, and who is it for?</a></h4><div class="panel-collapse">` + prose + `</div></div>`
	}
	for _, tc := range []struct {
		name, body string
		heads      int32
		want       article.Reason
	}{
		{"accordion of toggles", `<div id=x class="panel-group" role="tablist">` + panel("#collapse-1") + panel("#collapse-2") + `</div>`, 0, ""},
		{"anchored section heading", `<div id=x><h2><a href="#pricing">Pricing</a></h2>` + prose + `</div>`, 0, ""},
		{"headings linked to other pages", `<div id=x class="panel-group" role="tablist">` + panel("/courses/a") + panel("/courses/b") + `</div>`, 2, article.ReasonNav},
		{"a heading with an in-page and an outside link", `<div id=x><h2><a href="#top">Top</a> <a href="/story">A story elsewhere</a></h2>` + prose + `</div>`, 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body><article>`+prose+`</article>`+tc.body+`</body>`))
			defer tr.Release()
			x := byID(t, tr, "x")
			if x.Heads != tc.heads || x.Mark.Reason() != tc.want {
				t.Errorf("heads = %d, mark = %q; want %d, %q", x.Heads, x.Mark.Reason(), tc.heads, tc.want)
			}
		})
	}
}

// TestTablistPanels checks that an element marked only by the weak
// "tablist" role keeps no mark when it holds its panels' text, set in
// <div>s rather than <p>, while a list of tabs, of links or of short
// labels, stays marked.
func TestTablistPanels(t *testing.T) {
	answer := `<div class="answer">Every plan includes unlimited projects, daily backups and support by email; the larger plans add single sign-on, audit logs and a named account manager who answers within a day.</div>`
	question := func(q string) string {
		return `<div class="item"><button aria-expanded="true">` + q + `</button>` + answer + `</div>`
	}
	for _, tc := range []struct {
		name, el string
		want     article.Reason
	}{
		{"accordion of answers in divs", `<div id=x class="accordion" role="tablist">` + question("What is in every plan?") + question("Can I change plans later?") + question("Is there a discount for charities?") + `</div>`, ""},
		{"tabs of links", `<div id=x class="tabs" role="tablist"><a href=/a role=tab>Overview of the product and its features</a> <a href=/b role=tab>Pricing plans and the discounts for yearly billing</a> <a href=/c role=tab>Reviews from the customers who use it</a></div>`, article.ReasonNav},
		{"tabs of labels", `<div id=x class="tabs" role="tablist"><button role=tab>Overview</button><button role=tab>Pricing</button><button role=tab>Reviews</button><span>Compare</span></div>`, article.ReasonNav},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body><article>`+prose+`</article>`+tc.el+`</body>`))
			defer tr.Release()
			if m := byID(t, tr, "x").Mark.Reason(); m != tc.want {
				t.Errorf("mark = %q, want %q", m, tc.want)
			}
		})
	}
}

// TestNamedSectionsOfTheBody checks that prose sections whose class
// values differ but share the name that marks them (a name for the menu
// that scrolls to each) keep no mark, while the same name on short rows,
// on a single section beside more prose, or on an overlay stays marked.
func TestNamedSectionsOfTheBody(t *testing.T) {
	section := func(id, own, shared, inner string) string {
		return `<div id="` + id + `" class="` + own + `_section ` + shared + `">` + inner + `</div>`
	}
	short := `<p>Free for three users.</p>`
	for _, tc := range []struct {
		name, body string
		want       article.Reason
	}{
		{"prose sections named as a menu's sources", section("x", "pricing", "lm_navSource", prose) + section("b", "email", "lm_navSource", prose) + section("c", "faq", "lm_navSource", prose), ""},
		{"short rows named so", section("x", "pricing", "lm_navSource", short) + section("b", "email", "lm_navSource", short) + section("c", "faq", "lm_navSource", short) + `<article>` + prose + `</article>`, article.ReasonNav},
		{"one such section among more prose", section("x", "pricing", "lm_navSource", prose) + section("b", "email", "other", prose) + `<article>` + prose + prose + prose + prose + `</article>`, article.ReasonNav},
		{"sections of linked headlines", section("x", "pricing", "lm_navSource", `<h3><a href=/a>A linked headline over its summary</a></h3>`+prose) + section("b", "email", "lm_navSource", `<h3><a href=/b>Another linked headline</a></h3>`+prose), article.ReasonNav},
		{"pop-ups that share a name", `<div id=x class="offer ad-modal">` + prose + `</div><div class="exit ad-modal">` + prose + `</div>`, article.ReasonAd},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body>`+tc.body+`</body>`))
			defer tr.Release()
			if m := byID(t, tr, "x").Mark.Reason(); m != tc.want {
				t.Errorf("mark = %q, want %q", m, tc.want)
			}
		})
	}
}

// TestPageOfWidgets checks that a page built of weakly named blocks (a
// page builder's heading and text widgets) keeps them when together
// they hold the page's prose, while the same widgets beside an article
// that holds most of the prose, and widgets of links on a built page,
// stay marked.
func TestPageOfWidgets(t *testing.T) {
	widget := func(id, kind, inner string) string {
		// Each widget's class holds its own hash, as the builder's do.
		return `<div id="` + id + `" class="elementor-element elementor-element-` + id + `0f3a elementor-widget elementor-widget-` + kind + `"><div class="elementor-widget-container">` + inner + `</div></div>`
	}
	short := `<p>Bookkeeping that is done before you ask: we reconcile your accounts every week, so your figures are always up to date.</p>`
	built := `<div class="e-con">` + widget("x", "heading", `<h2>What we do</h2>`) + widget("t1", "text-editor", short) + `</div>` +
		`<div class="e-con">` + widget("h2", "heading", `<h2>Why clients stay</h2>`) + widget("t2", "text-editor", short) + `</div>` +
		`<div class="e-con">` + widget("t3", "text-editor", short) + widget("t4", "text-editor", short) + `</div>` +
		`<div class="e-con">` + widget("t5", "text-editor", short) + widget("t6", "text-editor", short) + `</div>`
	// Testimonials in <div>s: the builder's text holds no <p>.
	quote := `<div class="quote">“Our drummer improved more in three months than in two years on his own; the lessons are planned, patient and fun.”</div><div class="name">A parent</div>`
	quotes := widget("x", "testimonial", quote) + widget("q2", "testimonial", quote) + widget("q3", "testimonial", quote) + widget("q4", "testimonial", quote)
	card := `<div class="card"><div>Floral blouse, size 10, pre-owned, in very good condition</div><div>+ $23.93 delivery</div></div>`
	carousel := func(id string) string {
		return `<div id="` + id + `" class="carousel carousel--slides">` + strings.Repeat(card, 6) + `</div>`
	}
	carousels := carousel("x") + carousel("c2") + carousel("c3")
	links := widget("y", "nav-menu", `<ul><li><a href=/a>Services</a><li><a href=/b>Pricing</a><li><a href=/c>About us</a></ul>`)
	for _, tc := range []struct {
		name, body string
		want       article.Reason
	}{
		{"a heading widget on a page of widgets", built, ""},
		{"a text widget on a page of widgets", strings.Replace(strings.Replace(built, `id="x"`, `id="h1"`, 1), `id="t1"`, `id="x"`, 1), ""},
		{"one text widget beside an article", `<article>` + prose + prose + prose + `</article>` + widget("x", "text-editor", short), article.ReasonSidebar},
		{"a blog's text widgets beside a post its taxonomy classes name", `<article class="post tag-widgets category-sidebar">` + prose + prose + `</article>` +
			`<div class="widget-area">` + widget("x", "text", short) + widget("w2", "text", short) + widget("w3", "text", short) + `</div>`, article.ReasonSidebar},
		{"testimonial widgets set in divs", quotes, ""},
		{"three carousels of cards set in divs", `<main><p>A short intro to the shop's range.</p>` + carousels + `</main>`, article.ReasonTeaser},
		{"testimonial widgets beside a longer story", `<article>` + prose + prose + prose + prose + prose + `</article>` + quotes, article.ReasonSidebar},
		{"a widget of links on a page of widgets", strings.Replace(strings.Replace(built, `id="x"`, `id="h1"`, 1)+links, `id="y"`, `id="x"`, 1), article.ReasonSidebar},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body><header><nav><a href=/>Home</a></nav></header>`+tc.body+`</body>`))
			defer tr.Release()
			if m := byID(t, tr, "x").Mark.Reason(); m != tc.want {
				t.Errorf("mark = %q, want %q", m, tc.want)
			}
		})
	}
}

// TestControlLabels checks that a link drawn as a button whose whole text
// is a control's label is cut, while a role="button" that holds other
// text (a clickable card, an accordion's question) is not.
func TestControlLabels(t *testing.T) {
	for _, tc := range []struct {
		name, el string
		want     article.Reason
	}{
		// cut: the text is a control's label
		{"quote expander", `<blockquote><p>The first post said so.</p><div><a id=x role="button" tabindex=0>Click to expand...</a></div></blockquote>`, article.ReasonButton},
		{"quote shrinker", `<blockquote><p>The first post said so.</p><span id=x role=button>Click to shrink</span></blockquote>`, article.ReasonButton},
		// kept: other text under the role
		{"accordion question", `<div id=x role=button aria-expanded=false>How long does delivery take?</div>`, ""},
		{"clickable card", `<div id=x role=button>` + prose + `</div>`, ""},
		{"phrase inside a sentence", `<a id=x role=button>Click to expand the map of the new cycle lanes</a>`, ""},
		{"phrase without the role", `<p><a id=x href=/map>Click to expand</a></p>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body><article>`+prose+tc.el+`</article></body>`))
			defer tr.Release()
			if m := byID(t, tr, "x").Mark.Reason(); m != tc.want {
				t.Errorf("mark = %q, want %q", m, tc.want)
			}
		})
	}
}

// TestChoicePickers: a group of choices (a shop's size or colour
// swatches) is a picker, however its options are drawn: a <fieldset> of
// radio buttons or checkboxes, the <label> of one such control, an ARIA
// radiogroup or listbox. A fieldset of text fields is not, nor a label of
// no choice.
func TestChoicePickers(t *testing.T) {
	for _, tc := range []struct {
		name, el string
		want     bool
	}{
		// a picker: the text is the options' names
		{"fieldset of radios", `<fieldset id=x><legend>Size</legend><input type=radio id=s1 name=s><label for=s1>1 lb</label><input type=radio id=s2 name=s><label for=s2>2 lbs</label></fieldset>`, true},
		{"fieldset of checkboxes", `<fieldset id=x><legend>Extras</legend><label><input type=checkbox name=e> Gift wrap</label></fieldset>`, true},
		{"label after its radio", `<div><input type=RADIO id=c1 name=c><label id=x for=c1>Royal Black</label></div>`, true},
		{"label before its checkbox", `<div><label id=x for=c2>Royal Black</label><input type=checkbox id=c2 name=c></div>`, true},
		{"label around its checkbox", `<div><label id=x><input type=checkbox name=c> Add a case</label></div>`, true},
		{"radiogroup", `<div id=x role=radiogroup><span role=radio aria-checked=true>Small</span><span role=radio>Large</span></div>`, true},
		{"listbox", `<ul id=x role="listbox option"><li role=option>Red</li><li role=option>Blue</li></ul>`, true},
		// not a picker: no choice control
		{"fieldset of text fields", `<fieldset id=x><legend>Notes</legend><p>Write what you saw.</p><input type=text name=n></fieldset>`, false},
		{"label of a text field", `<div><label id=x for=q>Your question</label><input type=text id=q></div>`, false},
		{"label of a radio elsewhere", `<div><label id=x for=far>Option</label></div><p>One sentence between.</p><input type=radio id=far>`, false},
		{"paragraph naming a size", `<p id=x>The bag comes in sizes of 1 lb and 2 lbs, ground or whole bean.</p>`, false},
		{"list of sizes", `<ul id=x><li>Small</li><li>Large</li></ul>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := Label(parse(t, `<body><article>`+prose+tc.el+`</article></body>`))
			defer tr.Release()
			if got := ChoicePicker(tr.DOMOf(byID(t, tr, "x"))); got != tc.want {
				t.Errorf("ChoicePicker = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestNodeIndex: the id table finds every labelled element from its
// node, gives -1 for a node it does not hold (a text node, a node of
// another tree), and keeps doing so after it grew past the size it was
// made for.
func TestNodeIndex(t *testing.T) {
	var page strings.Builder
	page.WriteString("<html><body>")
	for i := 0; i < 3000; i++ {
		page.WriteString("<div><p>one <b>two</b></p></div>")
	}
	page.WriteString("</body></html>")
	doc := parse(t, page.String())
	other := parse(t, "<p>x</p>")
	for range 2 {
		tr := Label(doc)
		tr.index.reset(doc.Tree()) // built again, from a table in use
		for i := range tr.Nodes {
			tr.index.add(tr.Nodes, int32(i))
		}
		for i := range tr.Nodes {
			n := &tr.Nodes[i]
			if got := tr.ID(tr.DOMOf(n)); got != int32(i) {
				t.Fatalf("ID of node %d = %d", i, got)
			}
		}
		for n := range doc.Descendants() {
			if n.Type() == html.TextNode && tr.ID(n) != -1 {
				t.Fatalf("a text node has id %d", tr.ID(n))
			}
		}
		for n := range other.Descendants() {
			if tr.ID(n) != -1 || tr.Index(n) != 0 {
				t.Fatalf("a node of another tree has id %d", tr.ID(n))
			}
		}
		tr.Release()
	}
}

// The pass reads what each element's class and id say to the metadata
// stage, on every element it labels: marked, hidden, dropped and
// page-level ones too.
func TestMetaNames(t *testing.T) {
	doc := parse(t, `<html class="byline"><body class="post-date">
<div id="a" class="article-byline">x</div>
<div id="standfirst" class="lead">y</div>
<nav id="b" class="kicker">z</nav>
<div id="c" hidden class="updated">w</div>
<button id="d" class="author">v</button>
<p id="e" class="text">plain</p>
<svg id="f" class="caption"><a xlink:href="#">s</a></svg>
</body></html>`)
	tr := Label(doc)
	defer tr.Release()
	want := map[string]rules.MetaNames{
		"a":          rules.MetaByline,
		"standfirst": rules.MetaSubtitle,
		"b":          rules.MetaKicker,
		"c":          rules.MetaModified,
		"d":          rules.MetaByline,
		"e":          0,
		"f":          rules.MetaMedia,
	}
	for id, w := range want {
		if got := byID(t, tr, id).MetaNames; got != w {
			t.Errorf("#%s: MetaNames %b, want %b", id, got, w)
		}
	}
	for i := range tr.Nodes {
		n := tr.DOM(int32(i))
		var ref rules.MetaNames
		for a := range n.Attrs() {
			if a.Namespace == "" && (a.Key == "class" || a.Key == "id") {
				ref |= rules.MetaNamesOf(a.Val)
			}
		}
		if got := tr.Nodes[i].MetaNames; got != ref {
			t.Errorf("<%s %v>: MetaNames %b, want %b", n.Data(), slices.Collect(n.Attrs()), got, ref)
		}
		switch n.DataAtom() {
		case atom.Html:
			if tr.Nodes[i].MetaNames != rules.MetaByline {
				t.Errorf("<html>: MetaNames %b", tr.Nodes[i].MetaNames)
			}
		case atom.Body:
			if tr.Nodes[i].MetaNames != rules.MetaDate {
				t.Errorf("<body>: MetaNames %b", tr.Nodes[i].MetaNames)
			}
		}
	}
}

// The size the pass is told only sizes its tables: too small (they grow),
// unknown or too big, the labels are the same.
func TestLabelSized(t *testing.T) {
	page := "<table><tr><td class=byline>a</td></tr></table>" + strings.Repeat(`<div class="share"><p>x <a href="/">y</a></p></div>`, 3000) + prose
	doc := parse(t, page)
	want := LabelSized(context.Background(), doc, &rules.DefaultWeights, 0)
	defer want.Release()
	if cap(want.Nodes) < len(want.Nodes) {
		t.Fatal("bad table")
	}
	for _, n := range []int{1, 100, 9000, 1 << 20} {
		got := LabelSized(context.Background(), doc, &rules.DefaultWeights, n)
		if !slices.Equal(got.Nodes, want.Nodes) {
			t.Errorf("size %d: labels differ from those of an unknown size", n)
		}
		if got.ID(want.DOM(int32(len(want.Nodes)-1))) != int32(len(want.Nodes)-1) {
			t.Errorf("size %d: the index lost the last element", n)
		}
		got.Release()
	}
}

// With its tables pooled, the pass allocates nothing per page, the
// groups of marked sections included (it made a map of them per page).
func TestLabelAllocations(t *testing.T) {
	page := strings.Repeat(`<div class="share-box"><p>x <a href="/">y</a></p></div><div class="related-section">`+prose+`</div>`, 50)
	doc := parse(t, page)
	Label(doc).Release()
	if n := testing.AllocsPerRun(20, func() { Label(doc).Release() }); n > 1 {
		t.Errorf("Label allocates %v times per page, want at most 1", n)
	}
}
