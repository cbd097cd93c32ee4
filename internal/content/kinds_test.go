package content

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/render"
)

// posts are the replies of a thread, each a sentence long enough to be a post.
var posts = []string{
	"I had the same problem with the new firmware and rolling back to the previous release fixed it for me within minutes.",
	"Check that the config file is the one under the firmware folder now, the old path is only a link and edits there are ignored.",
	"Thanks, that was it: the settings were in the wrong file all along and the lights are finally off at night.",
	"For the record the same trick works on the older boards too, though the option names differ a little between versions.",
	"Mine still blinks once at boot, which I gather is the bootloader and cannot be changed from the config file at all.",
	"Black tape over the lights is the answer nobody wants, but it has worked on every board I have owned since the first one.",
}

// items renders one element per text with the tag and class given, each
// holding a byline and the text; open is put before each item's text.
func items(tag, class string, texts []string, open func(i int) string) string {
	var b strings.Builder
	for i, t := range texts {
		fmt.Fprintf(&b, `<%s class="%s"><div class="author">user%d</div>%s<p>%s</p></%s>`, tag, class, i, open(i), t, tag)
	}
	return b.String()
}

func noOpen(int) string { return "" }

// entries renders one entry per text with f.
func entries(texts []string, f func(i int, text string) string) string {
	var b strings.Builder
	for i, t := range texts {
		b.WriteString(f(i, t))
	}
	return b.String()
}

func TestRunsOfItems(t *testing.T) {
	question := `<p>How do I turn off all the lights on the new board? I followed the tutorials for the old one and set every option, but the lights stay on.</p>`
	cards := []string{
		"The council opens a new library branch with longer hours and a room for study groups on weekdays.",
		"A local bakery wins the regional prize for its rye bread, baked to a recipe from the owner's grandmother.",
		"Road works on the bridge will close one lane for three weeks from Monday, the transport office said.",
		"The swimming pool reopens after repairs to its roof, with a new timetable for school classes and clubs.",
		"Volunteers plant two hundred trees along the river path, the first part of a plan to shade the whole walk.",
		"The town hall clock is fixed after two years of showing the wrong time, thanks to a retired watchmaker.",
		"A new bus line links the station with the hospital every twenty minutes, starting with the winter timetable.",
		"The football club signs a young goalkeeper from the academy, who has played every match of the youth league.",
	}
	linkedTitle := func(i int) string {
		return fmt.Sprintf(`<h3><a href="/story/%d">Story headline number %d</a></h3>`, i, i)
	}
	tests := []struct {
		name string
		page string
		keep []string // texts that must be kept
		drop []string // texts that must be cut
	}{
		{"forum posts named as comments, no body beside them",
			`<h1>Lights on the new board</h1><form><div class="topic">` +
				items("article", "comment post-entry", append([]string{question[3 : len(question)-4]}, posts...), noOpen) + `</div></form>`,
			append([]string{"turn off all the lights"}, posts...), nil},
		{"thread whose first post the article rules pick alone",
			`<h1>Lights on the new board</h1><div class="thread">` +
				items("article", "message message--post", append([]string{question[3 : len(question)-4]}, posts...), noOpen) + `</div>`,
			append([]string{"turn off all the lights"}, posts...), nil},
		{"phpBB-style posts each under a linked title",
			`<h1>Lights on the new board</h1><div class="topic">` +
				items("div", "post bg1", posts, func(i int) string { return fmt.Sprintf(`<h3><a href="#p%d">Re: Lights on the new board</a></h3>`, i) }) + `</div>`,
			posts, nil},
		{"a thread's first post in its replies' markup, the replies swept under their count",
			`<div class="entry-content-wrap"><h1>Lights on the new board</h1><div class="forum-thread">` +
				`<div class="forum-post forum-post-original"><div class="forum-post-header"><span class="forum-post-author">user</span><time>Jun 7, 2017</time></div>` +
				`<div class="forum-post-content">` + question + `<p>I also tried the reset button on the back twice, and unplugged the board overnight, and read the manual from cover to cover without finding a word about them.</p></div></div>` +
				`<h2 class="forum-replies-heading">6 Replies</h2>` + items("div", "forum-post forum-post-reply", posts, noOpen) + `</div></div>`,
			append([]string{"turn off all the lights"}, posts...), nil},
		{"comments swept under their count beside a story in the same wrapper stay cut",
			`<div class="entry-content-wrap"><article class="story"><h1>Council closes libraries</h1>` + body + `</article>` +
				`<h2>6 Comments</h2><div class="comment-list">` + items("div", "comment", posts, noOpen) + `</div></div>`,
			[]string{"branch libraries", "mobile library"}, posts},
		{"replies swept under their count beside a story in the same wrapper stay cut",
			`<div class="entry-content-wrap"><div class="post-body"><h1>Council closes libraries</h1>` + body + `</div>` +
				`<h2 class="forum-replies-heading">6 Replies</h2><div class="forum-thread">` + items("div", "forum-post forum-post-reply", posts, noOpen) + `</div></div>`,
			[]string{"branch libraries", "mobile library"}, posts},
		// The hidden rules box holds most of the page's prose, as a
		// sidebar does, so the forms alike are not the body set in
		// sections (label's unmarkSections).
		{"posts whose bodies each sit in a form, each with a reply form",
			`<h1>Lights on the new board</h1><div class="sitetable">` +
				entries(append([]string{question[3 : len(question)-4]}, posts...), func(i int, p string) string {
					return fmt.Sprintf(`<div class="thing comment"><p class="tagline"><a href="/u/%d">user%d</a> 12 points</p><form class="usertext"><div class="md"><p>%s</p></div></form>`+
						`<form class="reply"><p>Your email address will not be published.</p><p><label>Write a reply as user%d</label><textarea></textarea></p><button>save</button></form></div>`, i, i, p, i)
				}) + `</div><div class="rules" hidden>` + strings.Repeat(body, 4) + `</div>`,
			append([]string{"turn off all the lights"}, posts...), []string{"Write a reply", "will not be published"}},
		{"comments under a news article stay cut",
			`<article><h1>Council closes libraries</h1>` + body + `</article><ol class="comment-list">` +
				items("li", "comment", posts, noOpen) + `</ol>`,
			[]string{"branch libraries", "mobile library"}, posts},
		{"a listing's cards are its content",
			`<h1>Local news</h1><div class="results">` + items("div", "card", cards, linkedTitle) + `</div>`,
			append([]string{"Story headline number 0", "Story headline number 3"}, cards...), nil},
		{"entries whose text sits in a wrapper named meta, each alike",
			`<h1>Recent papers</h1><p>The newest submissions to the archive, listed every weekday evening with the papers announced that day.</p><dl class="papers">` +
				entries(cards, func(i int, c string) string {
					return fmt.Sprintf(`<dt><a href="/abs/%d">paper %d</a></dt><dd><div class="meta"><div class="title">Title: Paper number %d</div><div class="abstract">%s</div></div></dd>`, i, i, i, c)
				}) + `</dl>`,
			append([]string{"Title: Paper number 0", "Title: Paper number 5"}, cards...), nil},
		{"entries whose small meta line is their furniture, not a wrapper",
			`<h1>Recent papers</h1><p>The newest submissions to the archive, listed every weekday evening with the papers announced that day.</p><dl class="papers">` +
				entries(cards, func(i int, c string) string {
					return fmt.Sprintf(`<dt><a href="/abs/%d">paper %d</a></dt><dd><div class="meta"><div class="title">Title: Paper number %d</div><div class="abstract">%s</div></div><div class="meta">Filed under archive %d</div></dd>`, i, i, i, c, i)
				}) + `</dl>`,
			[]string{"Title: Paper number 0", cards[5]}, []string{"Filed under archive"}},
		{"a blog index whose long posts are pardoned and the short ones cut by their taxonomy classes",
			`<h1>News</h1><section class="blog-list">` + entries(cards, func(i int, c string) string {
				text := "<p>" + c + " " + c + "</p>"
				if i == 1 || i == 5 {
					// Long enough to be the page's prose, which lifts the mark.
					text = ""
					for _, p := range posts[i%3 : i%3+4] {
						text += "<p>" + p + " " + p + "</p>"
					}
				}
				return fmt.Sprintf(`<article class="entry hentry category-news tag-ai author-jane-doe article-index-%d"><h2><a href="/s/%d">Story headline number %d</a></h2><div class="entry-content">%s</div></article>`, i, i, i, text)
			}) + `</section>`,
			[]string{"Story headline number 0", "Story headline number 3", posts[2], cards[0], cards[3], cards[7]}, nil},
		{"a listing whose items set their summary in a link",
			`<h1>Science</h1><div class="list">` + entries(cards[:6], func(i int, c string) string {
				return fmt.Sprintf(`<article class="item"><h2><a href="/s/%d">Story headline number %d</a></h2><p class="teaser"><a href="/s/%d">%s</a></p><p class="note">%s %s</p></article>`, i, i, i, c, posts[i], posts[(i+1)%len(posts)])
			}) + `</div>`,
			append([]string{"Story headline number 2"}, cards[:6]...), nil},
		{"a teaser row under an article stays cut",
			`<article><h1>Council closes libraries</h1>` + body + `<h2>Related stories</h2><div class="row">` +
				items("div", "card", cards, linkedTitle) + `</div></article>`,
			[]string{"branch libraries", "mobile library"}, append([]string{"Story headline number 0"}, cards...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, "<html><body>"+tt.page+"</body></html>", article.Metadata{}, tt.keep, tt.drop)
		})
	}
}

// TestLinkedCards: cards that are links, title and summary inside the
// link, are a listing's content when nothing else is; the same cards
// beside a story shown whole (the next stories of an endless page) stay
// cut.
func TestLinkedCards(t *testing.T) {
	var cards strings.Builder
	for i := range 12 {
		fmt.Fprintf(&cards, `<li class="result"><a href="/job/%d"><h3>Job opening number %d</h3><p>Role %d is a full-time job in the city office, working with a small team on the public records archive and its users. The role includes training, some weekend shifts and a pension plan from the first month. Applications close at the end of the month and interviews follow a week later.</p></a></li>`, i, i, i)
	}
	page := `<html><body><h1>Jobs</h1><ul class="results">` + cards.String() + `</ul></body></html>`
	text := render.PlainText(extract(t, page, article.Metadata{}).Blocks)
	if !strings.Contains(text, "Job opening number 5") || !strings.Contains(text, "public records archive") {
		t.Errorf("lost the listing's cards; text:\n%s", text)
	}

	var next strings.Builder
	next.WriteString(`<div class="story"><h1>Council closes libraries</h1>` + body + `</div>`)
	for i := range 6 {
		fmt.Fprintf(&next, `<div class="story"><a href="/s/%d"><h2>Next story number %d</h2><p>Story %d is another from the city desk about buses, schools and the new river path, told in a short summary. It runs to two sentences, as the cards of such pages often do, with a date.</p></a></div>`, i, i, i)
	}
	page = `<html><body><div class="stream">` + next.String() + `</div></body></html>`
	text = render.PlainText(extract(t, page, article.Metadata{}).Blocks)
	if !strings.Contains(text, "branch libraries") || strings.Contains(text, "Next story number") {
		t.Errorf("want the story without the next ones; text:\n%s", text)
	}

	// The same cards beside an item of a few unlinked words (an episode
	// card's description, which the page's title repeats) are the page:
	// a card so short is no story shown whole.
	var short strings.Builder
	short.WriteString(`<div class="story"><h2>This week on the river path</h2><p>Why the path took four years, and who rides the night buses.</p></div>`)
	for i := range 6 {
		fmt.Fprintf(&short, `<div class="story"><a href="/s/%d"><h2>Next story number %d</h2><p>Story %d is another from the city desk about buses, schools and the new river path, told in a short summary. It runs to two sentences, as the cards of such pages often do, with a date.</p></a></div>`, i, i, i)
	}
	page = `<html><body><div class="stream">` + short.String() + `</div></body></html>`
	text = render.PlainText(extract(t, page, article.Metadata{Title: "This week on the river path"}).Blocks)
	if !strings.Contains(text, "Next story number 4") || !strings.Contains(text, "who rides the night buses") {
		t.Errorf("lost the cards beside a short card; text:\n%s", text)
	}
}

func TestItemLabels(t *testing.T) {
	long := make([]string, len(posts))
	for i, p := range posts {
		long[i] = p + " " + posts[(i+1)%len(posts)] + " " + posts[(i+2)%len(posts)]
	}
	box := func(i int) string {
		return fmt.Sprintf(`<dl><dt>Joined</dt><dd>Mar %d, 2015</dd><dt>Messages</dt><dd>%d</dd></dl>`, i+1, 100*i+7)
	}
	page := `<html><body><h1>Lights on the new board</h1><div class="thread">` +
		items("article", "message", long, box) + `</div></body></html>`
	text := render.PlainText(extract(t, page, article.Metadata{}).Blocks)
	if strings.Contains(text, "Joined") || strings.Contains(text, "Messages") {
		t.Errorf("kept the author box labels; text:\n%s", text)
	}
	if !strings.Contains(text, posts[3]) {
		t.Errorf("lost a post; text:\n%s", text)
	}

	// On cards, short repeated lines are the items' fields.
	cards := make([]string, 8)
	for i := range cards {
		cards[i] = fmt.Sprintf("Trail shoe model %d with a grippy sole and a roomy toe box for long days on rough ground.", i)
	}
	field := func(int) string { return `<p>Cushioning:</p><p>Maximum</p>` }
	page = `<html><body><h1>Running shoes</h1><div class="grid">` + items("div", "product-card", cards, field) + `</div></body></html>`
	text = render.PlainText(extract(t, page, article.Metadata{}).Blocks)
	if !strings.Contains(text, "Cushioning:") || !strings.Contains(text, "Trail shoe model 5") {
		t.Errorf("lost the cards' fields; text:\n%s", text)
	}
}

func TestFirstClass(t *testing.T) {
	tests := []struct{ html, want string }{
		{`<div class="post bg1">`, "post"},
		{`<div class="post2 bg2">`, "post"},
		{`<div id="p1">`, ""},
		{`<article class="  message message--post ">`, "message"},
		{`<div class="odd">`, ""},
		{`<div class="even row">`, "row"},
		{`<li class="alt entry3">`, "entry"},
		{`<div class="oddity">`, "oddity"},
		{`<li class="entry odd">`, "entry"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.html))
		if err != nil {
			t.Fatal(err)
		}
		n := dom.FromHTML(doc, "").Root().FirstChild().LastChild().FirstChild() // html > body > element
		if got := firstClass(n); got != tt.want {
			t.Errorf("firstClass(%s) = %q, want %q", tt.html, got, tt.want)
		}
	}
}

// TestAppendItemSig: an item's kind read in a buffer is the tag, a dot
// and firstClass, as it was first built, with strings.Map's reading of
// invalid UTF-8 and digits anywhere in the name.
func TestAppendItemSig(t *testing.T) {
	for _, h := range []string{
		`<div class="post bg1">`, `<li class="post2 bg2">`, `<div id="p1">`, `<article class="  message message--post ">`,
		`<div class="">`, `<div class="1a2b3 c">`, "<div class=\"caf\xe9-12 x\">", "<div class=\"\xff9a\">", `<my-card class="x9y">`,
		`<div class="odd">`, `<div class="even row">`, "<li class=\"alt caf\xe9\">",
	} {
		doc, err := html.Parse(strings.NewReader(h))
		if err != nil {
			t.Fatal(err)
		}
		n := dom.FromHTML(doc, "").Root().FirstChild().LastChild().FirstChild()
		want := n.Data() + "." + firstClass(n)
		if got := string(appendItemSig([]byte("old"), n)[3:]); got != want {
			t.Errorf("appendItemSig(%s) = %q, want %q", h, got, want)
		}
	}
}

// TestShapeItems: the shape says when the body was read as a run of
// items, how many, and of what kind; an article body reports none.
func TestShapeItems(t *testing.T) {
	prose := strings.Repeat(`<p>The council voted on Tuesday to close two of the town's branch libraries next spring, saying the money saved would keep the central library open on Sundays.</p>`, 10)
	tests := []struct {
		name   string
		page   string
		items  bool // a run of items, at least three
		lifted bool
	}{
		{"a listing's cards, cut as teasers and lifted", `<h1>Local news</h1><div class="results">` +
			items("div", "card", posts, func(i int) string {
				return fmt.Sprintf(`<h3><a href="/story/%d">Story headline number %d</a></h3>`, i, i)
			}) + `</div>`, true, true},
		{"posts the article root holds", `<h1>Lights on the new board</h1><div class="topic">` +
			items("article", "comment post-entry", posts, noOpen) + `</div>`, true, false},
		{"article body", `<article><h1>Libraries to close</h1>` + prose + `</article>`, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh := extract(t, `<html><body>`+tt.page+`</body></html>`, article.Metadata{}).Shape
			if got := sh.Items >= 3; got != tt.items {
				t.Errorf("Items = %d, want a run: %v", sh.Items, tt.items)
			}
			if sh.ItemsLifted != tt.lifted {
				t.Errorf("ItemsLifted = %v, want %v", sh.ItemsLifted, tt.lifted)
			}
			if tt.items && sh.ItemPlain < 60 {
				t.Errorf("ItemPlain = %d, want the posts' average text", sh.ItemPlain)
			}
		})
	}
}

// TestGridRuns: a run of many short items (a shop's product cards, a
// category's titled links) is a page's content when nothing else is;
// the same grid under an article body, a short menu or a row of a few
// cards stays cut.
func TestGridRuns(t *testing.T) {
	grid := func(n int, class string) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<ul class="%s">`, class)
		for i := range n {
			fmt.Fprintf(&b, `<li class="product"><a href="/p/%d">Walnut desk lamp model %d</a><span class="price">$%d.00</span></li>`, i, i, 40+i)
		}
		b.WriteString(`</ul>`)
		return b.String()
	}
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{"a shop's grid of product cards is its content",
			`<h1>Desk lamps</h1><p>Lamps for the desk.</p>` + grid(60, "grid"),
			[]string{"Walnut desk lamp model 0", "Walnut desk lamp model 59", "$45.00"}, nil},
		{"a category page of titled links is its content",
			`<h1>Category: Rivers</h1><p>This category lists the rivers of the northern plain.</p>` + func() string {
				var b strings.Builder
				b.WriteString(`<div class="groups">`)
				for i := range 24 {
					fmt.Fprintf(&b, `<div class="group"><h3>%c</h3><ul>`, 'A'+i)
					for j := range 4 {
						fmt.Fprintf(&b, `<li><a href="/r/%d">River number %d of the northern plain</a></li>`, 4*i+j, 4*i+j)
					}
					b.WriteString(`</ul></div>`)
				}
				b.WriteString(`</div>`)
				return b.String()
			}(),
			[]string{"River number 0 of the northern plain", "River number 95 of the northern plain"}, nil},
		{"a shop's cards whose text is named as a caption keep it",
			`<h1>Desk lamps</h1><p>Lamps for the desk.</p><div class="products">` + func() string {
				var b strings.Builder
				for i := range 12 {
					fmt.Fprintf(&b, `<div class="product"><a href="/p/%d"><img src="/i/%d.jpg"></a><div class="product-caption"><h3><a href="/p/%d">Walnut desk lamp model %d</a></h3><p>Brass arm, linen shade, warm light for reading at night. Price: $%d.00</p></div></div>`, i, i, i, i, 40+i)
				}
				return b.String()
			}() + `</div>`,
			[]string{"Walnut desk lamp model 0", "Walnut desk lamp model 11", "linen shade", "$45.00"}, nil},
		{"a caption-named line in an article body stays cut",
			`<article><h1>Council closes libraries</h1>` + body + `<div class="caption">Photo of the old reading room, by the city archive.</div>` + body + `</article>`,
			[]string{"branch libraries"}, []string{"old reading room"}},
		{"a grid under a news article stays cut",
			`<article><h1>Council closes libraries</h1>` + body + body + body + `</article><h2>You may also like</h2>` + grid(12, "related"),
			[]string{"branch libraries"}, []string{"Walnut desk lamp model 3"}},
		{"a dozen short product cards under a promo bar are the page",
			`<div class="announcement"><p>Winter sale now on, up to forty per cent off bedding</p></div><nav><a href="/">Home</a> <a href="/beds">Beds</a> <a href="/bath">Bath</a></nav><main><h1>Throws</h1><ul class="grid">` + func() string {
				var b strings.Builder
				for i := range 12 {
					fmt.Fprintf(&b, `<li class="grid__item"><div class="card"><h3><a href="/p/%d">Herringbone wool throw %d</a></h3><span>£%d.00 GBP</span></div></li>`, i, i, 60+i)
				}
				return b.String()
			}() + `</ul></main><footer><a href="/help">Help</a> <a href="/returns">Returns</a></footer>`,
			[]string{"Herringbone wool throw 0", "Herringbone wool throw 11", "£65.00 GBP"}, []string{"Returns"}},
		{"a few event cards that are links whole are the page",
			`<header><a href="/">Whats on</a></header><p class="date">Updated Friday 13 June</p><div class="events">` + func() string {
				var b strings.Builder
				for i := range 6 {
					fmt.Fprintf(&b, `<div class="event"><a href="/e/%d"><h3>Harbour festival evening number %d</h3><p>Saturday %d June, 7pm, Harbour Green, free entry</p></a></div>`, i, i, 10+i)
				}
				return b.String()
			}() + `</div>`,
			[]string{"Harbour festival evening number 0", "Harbour festival evening number 5"}, nil},
		{"a category's intro and its grid of short cards are both kept",
			`<main><nav><a href="/">Home</a> / <a href="/lamps">Lamps</a></nav><h1>Table lamps</h1><p class="intro">A warm light by the sofa or on the desk changes a room. Our table lamps are drawn in our studio and made by small workshops.</p><div class="plp__grid">` + func() string {
				var b strings.Builder
				for i := range 12 {
					fmt.Fprintf(&b, `<article class="tile"><a href="/p/%d"><img src="/i/%d.jpg"><h3>Opal glass lamp %d</h3></a><p>%d,00 €</p></article>`, i, i, i, 60+i)
				}
				return b.String()
			}() + `</div></main>`,
			[]string{"made by small workshops", "Opal glass lamp 0", "Opal glass lamp 11", "65,00 €"}, nil},
		{"cards beside a short story marked up as an article stay cut",
			`<article><h1>Ferry cancelled</h1><p>The morning ferry to the islands was cancelled on Monday after a fault in one engine, the operator said, and the afternoon sailing will run late.</p></article><div class="row">` + func() string {
				var b strings.Builder
				for i := range 8 {
					fmt.Fprintf(&b, `<div class="card"><a href="/s/%d">Next story number %d from the desk today</a><p>Monday %d June</p></div>`, i, i, i+1)
				}
				return b.String()
			}() + `</div>`,
			[]string{"fault in one engine"}, []string{"Next story number 1"}},
		{"cards whose wrappers all bear a chrome word keep them",
			`<h1>Coffee</h1><ul class="product-grid">` + func() string {
				var b strings.Builder
				for i := range 16 {
					fmt.Fprintf(&b, `<li class="grid__item"><div class="card-wrapper subscription-eligible"><h3><a href="/p/%d">Dark roast coffee blend %d</a></h3><p>Whole bean, a 340 g bag roasted on Monday</p><span>$%d.99</span></div></li>`, i, i, 10+i)
				}
				return b.String()
			}() + `</ul>`,
			[]string{"Dark roast coffee blend 0", "Dark roast coffee blend 15", "$15.99"}, nil},
		{"cards whose wrappers are all hidden stay cut",
			`<h1>Coffee</h1><p>Our roasts are made in small batches every morning and sent out the same day, so that every bag arrives fresh at your door.</p><ul class="product-grid">` + func() string {
				var b strings.Builder
				for i := range 12 {
					fmt.Fprintf(&b, `<li class="grid__item"><div class="card-wrapper" hidden><h3><a href="/p/%d">Dark roast coffee blend %d</a></h3><span>$%d.99</span></div></li>`, i, i, 10+i)
				}
				return b.String()
			}() + `</ul>`,
			[]string{"small batches"}, []string{"Dark roast coffee blend 1"}},
		{"six teaser cards under a short news story stay cut",
			`<article><h1>Council closes libraries</h1>` + body + `</article><div class="row">` + func() string {
				var b strings.Builder
				for i := range 6 {
					fmt.Fprintf(&b, `<div class="card"><a href="/s/%d">Next story number %d from the desk</a><p>Monday 9 June</p></div>`, i, i)
				}
				return b.String()
			}() + `</div>`,
			[]string{"branch libraries"}, []string{"Next story number 1"}},
		{"a teaser row of a few cards under a news article stays cut",
			`<article><h1>Council closes libraries</h1>` + body + `</article><div class="row">` + func() string {
				var b strings.Builder
				for i := range 4 {
					fmt.Fprintf(&b, `<div class="card"><a href="/s/%d">Next story number %d from the desk</a></div>`, i, i)
				}
				return b.String()
			}() + `</div>`,
			[]string{"branch libraries"}, []string{"Next story number 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, "<html><body>"+tt.page+"</body></html>", article.Metadata{}, tt.keep, tt.drop)
		})
	}
}

// TestTableOfLinkedItems: an index laid out as a table, a row per item
// with its linked title (and a row of linked details under it), is read
// row by row, each title kept; a data table that is not such a run
// stays one table.
func TestTableOfLinkedItems(t *testing.T) {
	var rows strings.Builder
	for i := range 30 {
		fmt.Fprintf(&rows, `<tr class="athing"><td class="title">%d.</td><td class="title"><a href="/jobs/%d">Company number %d is hiring engineers for its platform team</a> (<a href="/from">example.com</a>)</td></tr>`+
			`<tr><td></td><td class="subtext"><a href="/item/%d">%d hours ago</a></td></tr><tr class="spacer"></tr>`, i+1, i, i, i, i+1)
	}
	page := `<html><body><table id="main"><tr><td><a href="/">Home</a> | <a href="/jobs">jobs</a></td></tr><tr><td>` +
		`<div>These are jobs at startups of the program. See more on the jobs page.</div><table>` + rows.String() + `</table></td></tr></table></body></html>`
	text := render.PlainText(extract(t, page, article.Metadata{}).Blocks)
	for _, k := range []string{"Company number 0 is hiring", "Company number 7 is hiring", "Company number 29 is hiring"} {
		if !strings.Contains(text, k) {
			t.Errorf("lost %q; text:\n%s", k, text)
		}
	}

	stats := `<html><body><h1>League table</h1><p>The standings after the tenth round of the season, with the points of each club and the goals they scored and let in.</p><table><tr><th>Club</th><th>Points</th></tr>`
	for i := range 10 {
		stats += fmt.Sprintf(`<tr><td>Club %d</td><td>%d</td></tr>`, i, 30-i)
	}
	res := extract(t, stats+`</table></body></html>`, article.Metadata{})
	tables := 0
	for _, b := range res.Blocks {
		if b.Type == article.Table {
			tables++
		}
	}
	if tables != 1 {
		t.Errorf("want the standings as one table, got %d tables; blocks: %+v", tables, res.Blocks)
	}
}

// TestCardBadges: a shop's grid whose cards open with a badge ("Top
// Rated", "Compare") keeps each card's linked title after it, as it keeps
// the title of a card without one; a discount, a rank or a "Most Read"
// label over a list of links is no badge.
func TestCardBadges(t *testing.T) {
	card := func(i int, badge string) string {
		return fmt.Sprintf(`<div class="tile">%s<a href="/product/%d"><span role="heading">Trail Bottle %d - 32 fl. oz.</span></a>`+
			`<div>$%d.95</div><div>Liquid capacity: 32 fl. oz. Cap type: screw cap. Bottle opening: wide and easy to fill.</div></div>`, badge, i, i, 10+i)
	}
	grid := func(badge func(i int) string) string {
		var b strings.Builder
		b.WriteString(`<html><body><h1>Water Bottles</h1><div class="grid">`)
		for i := range 10 {
			b.WriteString(card(i, badge(i)))
		}
		b.WriteString(`</div></body></html>`)
		return b.String()
	}
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{"cards with and without a badge",
			grid(func(i int) string {
				if i%2 == 0 {
					return `<div class="flag"><span>Top Rated</span></div>`
				}
				return ""
			}),
			[]string{"Trail Bottle 0 - 32", "Trail Bottle 1 - 32", "Trail Bottle 4 - 32", "Trail Bottle 9 - 32"}, nil},
		{"a compare box before each title",
			grid(func(int) string { return `<div><span>Compare</span></div>` }),
			[]string{"Trail Bottle 2 - 32", "Trail Bottle 7 - 32"}, nil},
		{"a discount is no badge: the category links after it stay cut",
			grid(func(int) string {
				return `<div><span>-30%</span></div><div><a href="/c/outdoor">Outdoor Gear</a> / <a href="/c/sale">On Sale</a></div>`
			}),
			[]string{"Liquid capacity"}, []string{"Outdoor Gear / On Sale"}},
		{"a linked date after a label is no title",
			grid(func(i int) string {
				return fmt.Sprintf(`<div><span>Posted by</span></div><div><a href="/p/%d">07/03/24 03:44 PM</a></div>`, i)
			}),
			[]string{"Liquid capacity"}, []string{"03:44 PM"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, tt.page, article.Metadata{}, tt.keep, tt.drop)
		})
	}
}

// TestItemHeadingTitles: a listing's card that opens with its topic and
// format and names itself in a linked heading further down keeps that
// heading as its title, beside its summary; a linked line after it that
// is no heading (the course's tags) stays cut.
func TestItemHeadingTitles(t *testing.T) {
	card := func(i int, extra string) string {
		return fmt.Sprintf(`<article class="teaser"><div class="topic"><a href="/subject/data">Data Science</a></div><div class="format">Online</div>`+
			`<div class="title"><h3><a href="/course/%d">Course number %d in statistics</a></h3></div>%s`+
			`<div class="summary">Learn how to read a data set and test an idea against it, with case studies from public health and finance, week %d.</div></article>`, i, i, extra, i)
	}
	page := func(extra func(i int) string) string {
		var b strings.Builder
		b.WriteString(`<html><body><h1>Data science courses</h1><div class="results">`)
		for i := range 10 {
			b.WriteString(card(i, extra(i)))
		}
		b.WriteString(`</div></body></html>`)
		return b.String()
	}
	tests := []struct {
		name       string
		page       string
		keep, drop []string
	}{
		{"a card's heading after its topic",
			page(func(int) string { return "" }),
			[]string{"Course number 0 in statistics", "Course number 9 in statistics", "Learn how to read a data set"}, nil},
		{"a linked line after the heading is no title",
			page(func(i int) string {
				return fmt.Sprintf(`<div class="tags"><a href="/tag/%d">Statistics</a> <a href="/tag/p">Probability</a></div>`, i)
			}),
			[]string{"Course number 3 in statistics"}, []string{"Statistics Probability"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, tt.page, article.Metadata{}, tt.keep, tt.drop)
		})
	}
}

// TestCousinRuns: a home page of several runs of cards alike (a "Latest"
// row and topic sections, each a heading over its cards) keeps them all,
// not the largest alone; a news article with a run of "More stories"
// cards under its body still cuts them, and a run of the same cards in
// a sidebar stays cut.
func TestCousinRuns(t *testing.T) {
	cards := []string{
		"The council opens a new library branch with longer hours and a room for study groups on weekdays.",
		"A local bakery wins the regional prize for its rye bread, baked to a recipe from the owner's grandmother.",
		"Road works on the bridge will close one lane for three weeks from Monday, the transport office said.",
		"The swimming pool reopens after repairs to its roof, with a new timetable for school classes and clubs.",
		"Volunteers plant two hundred trees along the river path, the first part of a plan to shade the whole walk.",
		"The town hall clock is fixed after two years of showing the wrong time, thanks to a retired watchmaker.",
		"A new bus line links the station with the hospital every twenty minutes, starting with the winter timetable.",
		"The football club signs a young goalkeeper from the academy, who has played every match of the youth league.",
		"The museum lends its oldest map to a national exhibition, the first time it has left the town in a century.",
		"Farmers bring the first apples of the season to the market square, a week earlier than in most years.",
	}
	stories := func(from, to int) string {
		return entries(cards[from:to], func(i int, c string) string {
			return fmt.Sprintf(`<article class="item"><h2><a href="/s/%d">Story %d of the section</a></h2><p>%s %s</p></article>`, from+i, from+i, c, posts[(from+i)%len(posts)])
		})
	}
	section := func(title string, from, to int) string {
		return `<section class="topic"><h2>` + title + `</h2><ul class="cards">` + entries(cards[from:to], func(i int, c string) string {
			return fmt.Sprintf(`<li class="card"><h3><a href="/s/%d%d">Headline %s %d</a></h3><p>%s</p></li>`, from, i, title, i, c)
		}) + `</ul></section>`
	}
	tests := []struct {
		name       string
		page       string
		keep, drop []string
	}{
		{"a home page's sections of cards are all its content",
			`<h1>Technology</h1><div class="home">` + section("Latest", 0, 5) + section("Personal", 5, 8) + section("Science", 8, 10) + `</div>`,
			append([]string{"Headline Personal 1", "Headline Science 1"}, cards...), nil},
		{"a section page's first stories and the ones after its ad, in two lists",
			`<h1>Science</h1><section><div class="featured">` + stories(0, 4) + `</div><div class="ad-slot">Advertisement</div><h2>More science</h2><div class="river">` + stories(4, 10) + `</div></section>`,
			append([]string{"Story 1 of the section", "Story 8 of the section"}, cards...), nil},
		{"the same stories in a sidebar stay cut",
			`<h1>Science</h1><section><div class="river">` + stories(0, 7) + `</div><aside><h2>Trending</h2><div class="trending">` + stories(7, 10) + `</div></aside></section>`,
			append([]string{"Story 1 of the section"}, cards[:7]...), append([]string{"Story 8 of the section"}, cards[7:]...)},
		{"more stories under an article stay cut",
			`<main><article><h1>Council closes libraries</h1>` + body + `</article>` + section("More stories", 0, 5) + section("Most read", 5, 8) + `</main>`,
			[]string{"branch libraries", "mobile library"}, append([]string{"Headline More stories 0", "Headline Most read 1"}, cards[:8]...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"+tt.page+"</body></html>", article.Metadata{}, tt.keep, tt.drop)
		})
	}
}

// On a page that declares a discussion, the replies join the first post
// printed in a container of its own beside them, even when they are named
// as comments; an article with comments under it, which declares no
// discussion, keeps only its body.
func TestThreadRepliesBesideFirstPost(t *testing.T) {
	first := `<p>` + strings.Repeat("I bought the new board last month and followed every step of the guide to turn its lights off at night, yet they stay on. ", 6) + `</p>`
	page := `<html><body><nav><a href="/">Home</a> <a href="/f">Forums</a> <a href="/s">Search</a></nav>` +
		`<div class="thread"><main><h1>Lights stay on</h1><article class="first-post"><div class="author">starter</div>` + first + `</article></main>` +
		`<div class="comments">` + items("div", "comment", posts, noOpen) + `</div></div>` +
		`<footer><p>Copyright 2026 Example Forum. All rights reserved.</p></footer></body></html>`
	tests := []struct {
		name    string
		thread  bool
		replies bool // the replies are kept
	}{
		{"a declared thread keeps its replies", true, true},
		{"an undeclared page keeps its body alone", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.ParseWithOptions(strings.NewReader(page), html.ParseOptionEnableScripting(false))
			if err != nil {
				t.Fatal(err)
			}
			res := Extract(dom.FromHTML(doc, "").Root(), article.Metadata{}, Options{Thread: tt.thread})
			got := render.PlainText(res.Blocks)
			if !strings.Contains(got, "guide to turn its lights off") {
				t.Fatalf("the first post was lost: %q", got)
			}
			for _, p := range posts {
				if strings.Contains(got, p) != tt.replies {
					t.Errorf("reply %q kept = %v, want %v; text %q", p[:30], !tt.replies, tt.replies, got)
				}
			}
			if strings.Contains(got, "All rights reserved") {
				t.Errorf("the footer was kept: %q", got)
			}
		})
	}
}

// In a declared discussion, a reply that holds a long pasted log (and so
// most of the page's text; each post's body is named itemprop="text") is
// one post among the others: the question and every reply are kept with
// it. Undeclared, the same page keeps the long post alone.
func TestThreadPostWithLongLog(t *testing.T) {
	texts := []string{
		"<p>Since the update the dashboard stays on its starting screen after every reboot, and nothing I try gets it past that point.</p>",
		"<p>This is part of the log, I hope it is enough:</p><pre><code>" +
			strings.Repeat("2024-05-03 10:09:38 ERROR (MainThread) [core] Error doing job: Future exception was never retrieved\n", 60) + "</code></pre>",
		"<p>Looks like one of the custom integrations. Try disabling it and restarting, then open an issue with its author.</p>",
		"<p>Disabling it fixed the start. There is already an issue open about it, so I will follow that one. Thanks for the help!</p>",
	}
	var b strings.Builder
	for i, text := range texts {
		fmt.Fprintf(&b, `<div id="post_%d" class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator"><a href="/u/user%d">user%d</a></span> <time class="post-time">May 3, 2024</time> <span>%d</span></div><div class="post" itemprop="text">%s</div></div>`, i+1, i, i, i+1, text)
	}
	page := `<html><body><header><a href="/">Home</a> <a href="/c">Categories</a></header><div id="main-outlet" class="wrap" role="main">` +
		`<h1>Stuck on starting after the update</h1>` + b.String() + `</div>` +
		`<footer><p>Copyright 2026 Example Forum. All rights reserved.</p></footer></body></html>`
	for _, thread := range []bool{true, false} {
		t.Run(fmt.Sprintf("declared %v", thread), func(t *testing.T) {
			doc, err := html.ParseWithOptions(strings.NewReader(page), html.ParseOptionEnableScripting(false))
			if err != nil {
				t.Fatal(err)
			}
			got := render.PlainText(Extract(dom.FromHTML(doc, "").Root(), article.Metadata{}, Options{Thread: thread}).Blocks)
			if !strings.Contains(got, "Future exception was never retrieved") || !strings.Contains(got, "part of the log") {
				t.Fatalf("the post with the log was lost: %.200q", got)
			}
			for i, want := range []string{"stays on its starting screen", "", "custom integrations", "Disabling it fixed the start"} {
				if want != "" && strings.Contains(got, want) != thread {
					t.Errorf("post %d kept = %v, want %v", i+1, !thread, thread)
				}
			}
			if strings.Contains(got, "All rights reserved") {
				t.Errorf("the footer was kept: %q", got)
			}
		})
	}
}

// TestGridBesideProse: a category page's grid of product cards beside its
// buying guide, a page of no date, keeps both; the same grid beside a
// dated story, or beside a body named as the article's, stays cut.
func TestGridBesideProse(t *testing.T) {
	grid := func(class string) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<div class="%s">`, class)
		for i := range 16 {
			fmt.Fprintf(&b, `<div class="tile"><a href="/p/%d"><h3>Oak bookcase model %d</h3></a><p>Five shelves, %d cm tall, oiled solid oak</p><p>$%d.00</p></div>`, i, i, 100+i, 80+i)
		}
		b.WriteString(`</div>`)
		return b.String()
	}
	guide := `<h2>How to choose a bookcase</h2>
<p>Measure the wall first and leave a hand's width on each side, so that the bookcase does not crowd the room and the doors around it still open without scraping its sides.</p>
<p>Deep shelves suit art books and boxes, shallow ones paperbacks; a bookcase with doors below keeps the clutter out of sight while the open shelves above show what you like best.</p>
<p>Tall bookcases must be fixed to the wall. Every model comes with a strap, but the screws depend on your wall, so ask at the store which ones suit brick, concrete or plaster.</p>
<p>Solid wood can be sanded and oiled again after years of use, while a foil finish is wiped clean with a damp cloth and should never be soaked or scrubbed with a brush.</p>`
	tests := []struct {
		name string
		page string
		md   article.Metadata
		keep []string
		drop []string
	}{
		{"a category's grid and its buying guide are both kept",
			`<main><h1>Bookcases</h1>` + grid("product-list") + `<div class="category-guide">` + guide + `</div></main>`,
			article.Metadata{},
			[]string{"Oak bookcase model 0", "Oak bookcase model 15", "$85.00", "Measure the wall first", "sanded and oiled"}, nil},
		{"a guide named as the body below the grid is the category's too",
			`<main><h1>Bookcases</h1>` + grid("product-list") + `<div class="supporting-rich-text">` + guide + `</div></main>`,
			article.Metadata{},
			[]string{"Oak bookcase model 0", "Oak bookcase model 15", "Measure the wall first"}, nil},
		{"the same grid under a dated story stays cut",
			`<main><h1>Bookcases</h1>` + grid("product-list") + `<div class="category-guide">` + guide + `</div></main>`,
			article.Metadata{Published: "2025-03-01T10:00:00Z"},
			[]string{"Measure the wall first"}, []string{"Oak bookcase model 3"}},
		{"a grid beside a body named as the article's stays cut",
			`<main><h1>Bookcases</h1><div class="article-body">` + guide + `</div>` + grid("carousel") + `</main>`,
			article.Metadata{},
			[]string{"Measure the wall first"}, []string{"Oak bookcase model 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, "<html><body>"+tt.page+"</body></html>", tt.md, tt.keep, tt.drop)
		})
	}
}

// TestGridInNamedNav: a shop's product grid inside a container its class
// names as navigation ("filtering-and-pagination") is the page's content;
// a menu of link columns or a pager under that name stays cut.
func TestGridInNamedNav(t *testing.T) {
	cards := func(n int) string {
		var b strings.Builder
		b.WriteString(`<div class="product-grid" role="list">`)
		for i := range n {
			fmt.Fprintf(&b, `<article class="product-card" role="listitem"><a href="/p/%d"><h4>Seamless training tee %d</h4></a><p>slim fit, sweat-wicking knit</p><p>Storm blue</p><span>$%d</span></article>`, i, i, 30+i)
		}
		b.WriteString(`</div>`)
		return b.String()
	}
	columns := func(n int) string {
		var b strings.Builder
		b.WriteString(`<div class="columns">`)
		for i := range n {
			fmt.Fprintf(&b, `<div class="column"><span>Section %d</span><a href="/c/%d/a">Training tops and tees</a><a href="/c/%d/b">Shorts and joggers</a><a href="/c/%d/c">Hoodies and jackets</a></div>`, i, i, i, i)
		}
		b.WriteString(`</div>`)
		return b.String()
	}
	intro := `<h1>Training tops</h1><p>Tops for the gym and the track, cut to move with you and made of fabrics that dry fast.</p>`
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{"a product grid in a filtering-and-pagination container is kept",
			`<main>` + intro + `<div class="filtering-and-pagination_container"><div class="filters"><label>Price: $20 - $30</label><label>Price: $30 - $50</label></div><div class="pagination_wrapper">` + cards(30) + `</div></div><div class="seo-copy">` + body + body + body + body + `</div></main>`,
			[]string{"Seamless training tee 0", "Seamless training tee 29", "Storm blue", "$45", "branch libraries"}, nil},
		{"a menu of link columns named as navigation stays cut",
			`<main>` + intro + body + `<div class="mega-menu">` + columns(10) + `</div></main>`,
			[]string{"branch libraries"}, []string{"Shorts and joggers", "Section 3"}},
		{"a pager stays cut",
			`<main>` + intro + body + `<div class="pagination">` + func() string {
				var b strings.Builder
				for i := range 12 {
					fmt.Fprintf(&b, `<div class="page"><a href="/p/%d">Page %d of the results</a> next</div>`, i, i)
				}
				return b.String()
			}() + `</div></main>`,
			[]string{"branch libraries"}, []string{"Page 3 of the results"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, "<html><body>"+tt.page+"</body></html>", article.Metadata{}, tt.keep, tt.drop)
		})
	}
}

// TestGridAboveTitle: a shop that prints the category's headline and
// intro under its grid keeps the grid's cards; what a story's root holds
// above its headline (a kicker) is still cut.
func TestGridAboveTitle(t *testing.T) {
	var grid strings.Builder
	grid.WriteString(`<ol class="products">`)
	for i := range 20 {
		fmt.Fprintf(&grid, `<li class="item"><a href="/p/%d">Tournament chess pieces in boxwood, set %d</a><span>Special price $%d.00</span></li>`, i, i, 120+i)
	}
	grid.WriteString(`</ol>`)
	intro := `<h1>Tournament chess pieces</h1><div class="category-description"><p>Our tournament pieces are turned from seasoned boxwood and weighted with steel, so that they stand firm on the board through a long game and feel right in the hand.</p><p>Every set is checked piece by piece before it leaves the workshop, and each comes in a lined box with two extra queens for promotions.</p></div>`
	tests := []struct {
		name string
		page string
		md   article.Metadata
		keep []string
		drop []string
	}{
		{"a grid above the category's headline and intro is kept",
			`<main><div class="column">` + grid.String() + intro + `</div></main>`,
			article.Metadata{Title: "Tournament chess pieces"},
			[]string{"set 0", "set 19", "$125.00", "seasoned boxwood"}, nil},
		{"a kicker above a story's headline stays cut",
			`<main><article><p class="kicker">Local news</p><h1>Council closes libraries</h1>` + body + `</article></main>`,
			article.Metadata{Title: "Council closes libraries"},
			[]string{"branch libraries"}, []string{"Local news"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, "<html><body>"+tt.page+"</body></html>", tt.md, tt.keep, tt.drop)
		})
	}
}

// TestEntryHeadlines: on a news index read as a run of sections, a
// linked headline with no summary under it is an entry and is kept; in a
// story, a heading left with nothing under it is still cut.
func TestEntryHeadlines(t *testing.T) {
	var idx strings.Builder
	idx.WriteString(`<div class="sections">`)
	for s := range 4 {
		fmt.Fprintf(&idx, `<section class="topic"><h2>Topic number %d</h2>`, s)
		fmt.Fprintf(&idx, `<div class="lead"><h3><a href="/n/%d/0">Lead story of topic %d about the harbour works</a></h3><p>Works close quay %d for a month.</p></div>`, s, s, s)
		for i := 1; i <= 5; i++ {
			fmt.Fprintf(&idx, `<div class="more"><h3><a href="/n/%d/%d">Short headline %d of topic %d</a></h3></div>`, s, i, i, s)
		}
		idx.WriteString(`</section>`)
	}
	idx.WriteString(`</div>`)
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{"a news index keeps its headlines without summaries",
			`<main><h1>Technology</h1>` + idx.String() + `</main>`,
			[]string{"Lead story of topic 0", "Short headline 1 of topic 0", "Short headline 5 of topic 3"}, nil},
		{"a topic page's sections of summarised stories keep each linked headline",
			`<main><h1>Science</h1><div class="sections">` + func() string {
				var b strings.Builder
				for s := range 4 {
					fmt.Fprintf(&b, `<section class="topic"><h2>Topic number %d</h2>`, s)
					for i := range 3 {
						fmt.Fprintf(&b, `<div class="card"><h3><a href="/s/%d/%d">Story %d of topic %d</a></h3><p>Researchers in lab %d of group %d measured how the river sediment settles after a flood, and found it settles twice as fast as models said.</p></div>`, s, i, i, s, i, s)
					}
					b.WriteString(`</section>`)
				}
				return b.String()
			}() + `</div></main>`,
			[]string{"Story 0 of topic 0", "Story 2 of topic 3", "lab 1 of group 2"}, nil},
		{"a story's heading with nothing under it is cut",
			`<article><h1>Council closes libraries</h1>` + body + `<h2><a href="/more">More from the council</a></h2></article>`,
			[]string{"branch libraries"}, []string{"More from the council"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, "<html><body>"+tt.page+"</body></html>", article.Metadata{}, tt.keep, tt.drop)
		})
	}
}
