package content

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/render"
)

// bodyCase is a page with what its extraction must keep and must cut.
type bodyCase struct {
	name       string
	page       string
	title      string
	keep, drop []string
}

func runBodyCases(t *testing.T, tests []bodyCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extractKeepsAndDrops(t, "<html><body>"+tt.page+"</body></html>", article.Metadata{Title: tt.title}, tt.keep, tt.drop)
		})
	}
}

// card is a teaser card: a linked headline and a one-line summary.
func card(head, summary string) string {
	return `<div class="item"><h3><a href="/s">` + head + `</a></h3><p>` + summary + `</p></div>`
}

// listicleItem is an item of a list article: a linked name and a
// description of several sentences.
func listicleItem(head, desc string) string {
	return `<div class="item"><h3><a href="/s">` + head + `</a></h3><p>` + desc + `</p><ul><li>Open daily from noon until late in the evening</li><li>Walk-ins welcome at the bar</li></ul></div>`
}

func TestCardsAndListicleItems(t *testing.T) {
	desc := func(what string) string {
		return "This " + what + " serves a short menu that changes with the seasons, and the cooks work in full view of the dining room, which is small and often full by eight. Booking a week ahead is wise, and the staff will happily suggest a wine from the short list."
	}
	runBodyCases(t, []bodyCase{
		{
			name: "teaser cards beside the body are cut",
			page: `<article>` + body + `</article><div class="row">` +
				card("Mayor opens new pool", "The pool has a slide.") +
				card("Bridge closes for repairs", "Traffic will be diverted.") +
				card("School wins chess prize", "The team beat ten others.") + `</div>`,
			keep: []string{"branch libraries"},
			drop: []string{"Mayor opens new pool", "Traffic will be diverted"},
		},
		{
			name: "items of a list article with linked names are kept",
			page: `<article><h1>The best small restaurants in town</h1><p>We ate our way around the city this winter, and these are the places we would go back to.</p><div class="items">` +
				listicleItem("The Corner Table", desc("bistro")) +
				listicleItem("Harbour Kitchen", desc("fish restaurant")) +
				listicleItem("Green Door", desc("vegetarian place")) +
				listicleItem("Old Mill", desc("country inn")) + `</div></article>`,
			title: "The best small restaurants in town",
			keep:  []string{"Harbour Kitchen", "This fish restaurant serves", "This country inn serves", "Walk-ins welcome"},
		},
		{
			name: "a linked heading above the body stays cut",
			page: `<article><h2><a href="#top">Permalink to this page</a></h2>` + body + `</article>`,
			keep: []string{"branch libraries"},
			drop: []string{"Permalink to this page"},
		},
	})
}

func TestLabelBoxAboveTheBody(t *testing.T) {
	long := `<p>The council voted on Tuesday to close two branch libraries next spring, after a debate that ran past midnight and drew more than a hundred residents to the chamber to speak for and against.</p>`
	runBodyCases(t, []bodyCase{
		{
			name:  "related box between headline and body cuts only itself",
			page:  `<article><h1>Libraries to close</h1><h3>Related articles</h3><ul><li><a href="/a">Pool opens</a></li><li><a href="/b">Bridge shut</a></li></ul>` + long + body + `</article>`,
			title: "Libraries to close",
			keep:  []string{"drew more than a hundred", "mobile library"},
			drop:  []string{"Pool opens", "Bridge shut"},
		},
		{
			name:  "a comment count link above the body cuts only itself",
			page:  `<article><h1>Libraries to close</h1><p><a href="#comments">12 Comments</a></p>` + long + body + `</article>`,
			title: "Libraries to close",
			keep:  []string{"drew more than a hundred", "mobile library"},
			drop:  []string{"12 Comments"},
		},
		{
			name: "a heading whose id holds a teaser word is kept with its prose",
			page: `<article>` + body + `<h2 id="further-considerations">What comes next</h2>` + long + `</article>`,
			keep: []string{"What comes next", "drew more than a hundred"},
		},
		{
			name: "a related heading over text cards cuts them",
			page: `<article>` + body + `</article><div><h3>You may also like</h3><div class="card"><a href="/s">Share</a><p>` + strings.Repeat("Another short reflection on hope and patience that the site offers to its readers. ", 4) + `</p></div><div class="card"><a href="/s">Share</a><p>` + strings.Repeat("A second reflection, on gratitude and the small joys of an ordinary day. ", 4) + `</p></div></div>`,
			keep: []string{"branch libraries"},
			drop: []string{"hope and patience", "gratitude"},
		},
		{
			name: "a related heading over a teaser paragraph cuts it",
			page: `<article>` + body + `<h3>Related stories</h3><div><p>Another story about libraries in a different town that closed all of its branches last year.</p></div></article>`,
			keep: []string{"branch libraries"},
			drop: []string{"different town"},
		},
	})
}

func TestBodySplitAcrossSiblings(t *testing.T) {
	more := `<p>Work on the new building starts in the autumn, and the council expects the first readers to walk through its doors two years later, if the budget holds.</p>
<p>Until then the two branches will lend books from a van parked outside the old buildings every Saturday morning, staffed by the librarians who work there now.</p>`
	runBodyCases(t, []bodyCase{
		{
			name:  "the body continued after an inline box in a sibling",
			page:  `<h1>Libraries to close</h1><div class="story"><div class="article-body">` + body + `</div><div class="ad-slot"><a href="/ad">Advertisement</a></div><div class="more">` + more + `</div></div><div class="footer-links"><a href="/a">About</a></div>`,
			title: "Libraries to close",
			keep:  []string{"branch libraries", "walk through its doors", "from a van"},
			drop:  []string{"Advertisement", "About"},
		},
		{
			name: "text modules of a page builder are one body",
			page: `<h1>Libraries to close</h1><div class="builder"><div class="row"><div class="col"><div class="text-module">` + body + `</div></div></div>` +
				`<div class="row"><div class="col"><div class="button"><a href="/x">Donate</a></div></div></div>` +
				`<div class="row"><div class="col"><div class="text-module">` + more + `</div></div></div></div>`,
			title: "Libraries to close",
			keep:  []string{"branch libraries", "walk through its doors", "from a van"},
			drop:  []string{"Donate"},
		},
		{
			name: "a sidebar with more prose than the story stays out",
			page: `<div class="page"><div class="post"><h2>Libraries to close</h2><div class="content">` + body + `</div></div>` +
				`<div class="side-box"><h3>About the trust</h3>` + more + more + `</div></div>`,
			title: "Libraries to close",
			keep:  []string{"branch libraries"},
			drop:  []string{"walk through its doors"},
		},
		{
			name: "the body continued in a section of its own kind after the headline's",
			page: `<div class="page"><div class="intro"><h1>Libraries to close</h1><div class="content-section"><div class="copy">` + body + `</div></div></div>` +
				`<div class="promo"><a href="/join">Join the trust</a></div>` +
				`<div class="content-section"><div class="copy">` + more + `</div></div></div>`,
			title: "Libraries to close",
			keep:  []string{"branch libraries", "walk through its doors", "from a van"},
			drop:  []string{"Join the trust"},
		},
		{
			name: "a sidebar in classes of its own stays out when the story is narrowed to its headline",
			page: `<div class="page"><div class="intro"><h1>Libraries to close</h1><div class="content-section"><div class="copy">` + body + `</div></div></div>` +
				`<div class="side-box"><div class="widget-text">` + more + more + `</div></div></div>`,
			title: "Libraries to close",
			keep:  []string{"branch libraries"},
			drop:  []string{"walk through its doors"},
		},
	})
}

func TestSlideshowCaptions(t *testing.T) {
	slide := func(n, caption string) string {
		return `<div class="slide"><figure><img src="` + n + `.jpg"><figcaption>` + caption + `</figcaption></figure></div>`
	}
	slides := slide("1", "Crowds gather in the main square on New Year's Day to watch the fireworks over the river.") +
		slide("2", "Farmers drive their tractors through the capital in February to protest against new fuel rules.") +
		slide("3", "A firefighter rests after a night spent fighting the forest fires that swept the southern hills.") +
		slide("4", "Children play in the snow outside the cathedral in December, the first white Christmas in years.")
	runBodyCases(t, []bodyCase{
		{
			name:  "a slideshow's captions are its text",
			page:  `<nav><a href="/">Home</a></nav><div class="gallery"><h1>The year in pictures</h1>` + slides + `</div><footer>Copyright 2024</footer>`,
			title: "The year in pictures",
			keep:  []string{"Crowds gather", "first white Christmas"},
			drop:  []string{"Copyright"},
		},
		{
			name: "an article's captions stay figures",
			page: `<article>` + body + slides + `</article>`,
			keep: []string{"branch libraries"},
			drop: []string{"Crowds gather"},
		},
		{
			name: "short captions do not make a body",
			page: `<div class="gallery">` + slide("1", "Photo one") + slide("2", "Photo two") + slide("3", "Photo three") + `</div>`,
			drop: []string{"Photo one"},
		},
	})
	res := extract(t, `<html><body><div class="gallery">`+slides+`</div></body></html>`, article.Metadata{})
	if res.Status != article.StatusOK {
		t.Errorf("slideshow status = %s, want ok", res.Status)
	}
}

func TestLeadFigure(t *testing.T) {
	head := `<header><h1>Libraries to close</h1><p>By Jane Roe, 3 March 2024</p></header>`
	fig := `<figure><img src="library.jpg"><figcaption>The branch library on Mill Road.</figcaption></figure>`
	tests := []struct {
		name string
		page string
		want bool
	}{
		{"between the headline and the body", `<div class="page">` + head + fig + `<div class="article-body">` + body + `</div></div>`, true},
		{"past a long block under the headline", `<div class="page">` + head + `<p>` + strings.Repeat("word ", 70) + `</p>` + fig + `<div class="article-body">` + body + `</div></div>`, false},
		{"in a sidebar after the body", `<div class="page">` + head + `<div class="article-body">` + body + `</div><div class="rail">` + fig + `</div></div>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extract(t, "<html><body>"+tt.page+"</body></html>", article.Metadata{Title: "Libraries to close"})
			got := false
			for _, b := range res.Blocks {
				if b.Type == article.Figure && b.Src == "library.jpg" {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("lead figure kept = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestItemRowInsideTheBody(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{
			name: "a roundup's short items inside the named body are kept",
			page: `<div class="article-body"><p>Spring is here, and these are ten weekend projects for the garden that need only a few boards, a saw and an afternoon of work.</p><div class="list">` +
				card("Cedar planter box", "A simple planter with solid sides that you can stain any colour.") +
				card("Hanging plant holder", "A modern holder that adds style to any room of the house.") +
				card("Outdoor coffee table", "Build a low table and add a fun stencil to its top.") +
				card("Window cornice", "Dress up a window without curtains using one board.") + `</div></div>`,
			keep: []string{"solid sides", "fun stencil", "Dress up a window", "Cedar planter box", "Window cornice"},
		},
		{
			name: "a teaser row that is a small part of the named body is cut",
			page: `<div class="article-body">` + body + body + `<div class="row">` +
				card("Mayor opens new pool", "The pool has a slide.") +
				card("Bridge closes for repairs", "Traffic will be diverted.") +
				card("School wins chess prize", "The team beat ten others.") + `</div></div>`,
			keep: []string{"branch libraries"},
			drop: []string{"Mayor opens new pool", "Traffic will be diverted"},
		},
	})
}

func TestFillerText(t *testing.T) {
	filler := strings.Repeat("word ", 60)
	cjk := `<p>市议会周二投票决定明年春天关闭两家分馆图书馆，辩论一直持续到午夜之后，吸引了一百多名居民前往会议厅旁听。支持者表示节省下来的资金将使中央图书馆在周日继续开放。</p>`
	var items strings.Builder
	for range 12 {
		items.WriteString("<li>Opening hours and opening days</li>")
	}
	runBodyCases(t, []bodyCase{
		{
			name: "a font-metrics probe after the story is cut",
			page: `<article><h1>Libraries to close</h1>` + body + `</article><div>` + filler + `</div><span>mmMwWLliI0fiflO&amp;1</span>`,
			keep: []string{"branch libraries"},
			drop: []string{"word word word"},
		},
		{
			name: "a probe longer than the story does not become the root",
			page: `<div class="listing"><h2><a href="/a">Mayor opens new pool</a></h2><p>The pool has a slide and a café, and opens every day of the week from spring.</p></div><div>` + filler + filler + filler + `</div>`,
			keep: []string{"The pool has a slide"},
			drop: []string{"word word word"},
		},
		{
			name: "unspaced script is not filler",
			page: `<article><h1>图书馆</h1>` + cjk + cjk + `</article>`,
			keep: []string{"市议会周二投票决定"},
		},
		{
			name: "a list repeating its words is not filler",
			page: `<article><h1>Libraries to close</h1>` + body + `<ul>` + items.String() + `</ul></article>`,
			keep: []string{"branch libraries", "Opening hours and opening days"},
		},
	})
}

func TestFlatIndexOfEntries(t *testing.T) {
	entry := func(title, summary string) string {
		return `<p class="entry-title"><a href="/p">` + title + `</a>, <span class="date">27 February 2026</span></p><p class="summary">` + summary + `</p>`
	}
	label := func(tag, text string) string {
		return `<p class="filed">Posted in <a href="/t">` + tag + `</a></p><p>` + text + `</p>`
	}
	s1 := "A description of the recent changes to the compiler that move many small allocations from the heap to the stack, and what they save."
	s2 := "The new release brings a faster garbage collector, a simpler way to write tests that depend on time, and many small fixes."
	s3 := "A new tool rewrites old code to use the language's modern features, one package at a time, and explains every change it makes."
	runBodyCases(t, []bodyCase{
		{
			name: "the titles of a flat index are kept",
			page: `<div class="index"><h1>The Blog</h1>` + entry("Allocating on the Stack", s1) + entry("Release notes for spring", s2) + entry("Modernize your old code with the fixer", s3) + `</div>`,
			keep: []string{"Allocating on the Stack", "Release notes for spring", "Modernize your old code", "heap to the stack"},
		},
		{
			name: "two linked lines are no index",
			page: `<article><h1>Libraries to close</h1>` + body + entry("Allocating on the Stack", s1) + entry("Release notes for spring", s2) + `</article>`,
			keep: []string{"branch libraries"},
			drop: []string{"Allocating on the Stack", "Release notes for spring"},
		},
		{
			name: "label lines that do not open with their link stay cut",
			page: `<article><h1>Libraries to close</h1>` + body + label("Releases and news of the week", s1) + label("Tools and tips for the garden", s2) + label("Events around the valley this month", s3) + `</article>`,
			keep: []string{"branch libraries", "heap to the stack"},
			drop: []string{"Posted in"},
		},
	})
}

// TestSectionsOfMain: a page made of sections inside <main> (a service's
// landing page: features with their calls to action, then a carousel of
// quotes) has all of them as its content, not the one section whose
// paragraphs are longest; a story that holds most of its <main> keeps
// the root, and what <main> adds beside it stays cut.
func TestSectionsOfMain(t *testing.T) {
	features := [][2]string{
		{"Plan every project", "Draw the plan on a shared timeline, assign the work to people and see at a glance what is late."},
		{"Keep your data at home", "Install it on your own servers, so that your files never leave the building and stay yours."},
		{"Work the way you like", "Boards for agile teams, charts for planners, and lists for those who like a plain list of tasks."},
		{"Open to everyone", "The source is open, and the community adds features every month that anyone can use for free."},
		{"Track the time", "Log the hours spent on each task and turn them into reports for your clients and your team."},
		{"Share with clients", "Invite customers to see the progress of their project, comment on it and approve each step online."},
	}
	quotes := []string{
		"The students use the tool for all their group work and the project methods they learn in class are put straight into practice, which made them much faster.",
		"It lets us plan and structure projects quickly and clearly, keep an overview and meet our deadlines, and share the work with our customers every week.",
		"I could see the timeline of the whole project for the first time, and everyone on the team could find the information they needed at any hour of the day.",
		"We value how flexible it is: we made it fit our own needs, and the installation on our own servers gives us the data security that we are required to have.",
	}
	actions := `<ul class="actions"><li><a href="/learn">Learn more about this feature</a></li><li><a href="/trial">Start your free trial today</a></li>` +
		`<li><a href="/demo">Book a demo with our team</a></li><li><a href="/docs">Read the documentation for this</a></li><li><a href="/price">See plans and pricing for teams</a></li></ul>`
	var landing strings.Builder
	landing.WriteString(`<nav><a href="/">Home</a> <a href="/f">Features</a></nav><main><section class="hero"><h1>Project management software</h1><p>Classic, agile or hybrid project management in a secure place.</p></section>`)
	for _, f := range features {
		landing.WriteString(`<section class="feature"><h2>` + f[0] + `</h2><p>` + f[1] + `</p>` + actions + `</section>`)
	}
	landing.WriteString(`<section class="testimonials"><h2>What our customers say</h2><div class="carousel">`)
	for _, q := range quotes {
		landing.WriteString(`<div class="slide"><p class="quote">` + q + `</p><p>A customer</p></div>`)
	}
	landing.WriteString(`</div></section></main><footer>Imprint</footer>`)
	runBodyCases(t, []bodyCase{
		{name: "a landing page's sections around a carousel of quotes",
			page:  landing.String(),
			title: "Project management software",
			keep:  []string{features[0][1], features[3][1], features[5][1], quotes[0], quotes[3]},
			drop:  []string{"Start your free trial today", "Imprint"}},
		{name: "a story in its main keeps its root",
			page: `<main><article><h1>Council closes libraries</h1>` + body + `</article>` +
				`<section class="promo"><p>Our podcast returns on Friday with a new season of interviews.</p></section></main>`,
			title: "Council closes libraries",
			keep:  []string{"branch libraries", "mobile library"},
			drop:  []string{"Our podcast returns"}},
	})
}

// TestSectionsOfBody: a landing page whose sections stand straight under
// <body>, with no <main> around them (hero, overview, FAQ, quotes), has
// all of them as its content, not the FAQ whose answers are longest; its
// header, menu and footer stay cut, and a copy of the FAQ printed again
// for narrow screens adds nothing to widen for. A story under <body> with its own markup,
// or with rows of related links after it, keeps only its body.
func TestSectionsOfBody(t *testing.T) {
	overview := "Our team helps companies of every size with hiring, pay and the people side of the business, from a single question to a whole department."
	steps := "We start by listening to how your business works, then we write a plan with you and stay beside you while it is put into practice."
	faq := []string{
		"Because it is in everybody's interest that people who leave find new work quickly, and the employees who stay see that they are treated fairly by the company.",
		"Every company is different, and the problems range from hiring the right people to choosing vendors, so sometimes all you need is someone to talk the problem through.",
		"Most of our clients start with one project and stay with us for years, because we learn how their business works and we are there when the next question comes.",
	}
	quote := "They rebuilt our whole review process in a month, and our managers finally know what is expected of them and of their teams."
	quote2 := "We called them with one question about a hire and ended up with a hiring plan for the whole year that our board approved at once."
	head := `<header><nav><a href="/">Home</a> <a href="/services">Services</a> <a href="/about">About us</a> <a href="/contact">Contact</a></nav></header>`
	foot := `<footer><p>Copyright 2025 The Consulting Company, all rights reserved.</p></footer>`
	faqSection := func(class string) string {
		s := `<section class="` + class + `"><h2>FAQs</h2>`
		for i, a := range faq {
			s += `<div class="item"><h3>Question ` + string(rune('A'+i)) + `?</h3><p>` + a + `</p></div>`
		}
		return s + `</section>`
	}
	picker := `<section class="picker"><ul>`
	for _, s := range []string{"Payroll services for small firms", "Audit and assurance for banks", "Tax planning for families", "Estate and trust services", "Business software consulting", "Executive search and recruiting", "Retirement plan consulting", "Data analysis for retailers"} {
		picker += `<li><a href="/s">` + s + `</a></li>`
	}
	picker += `</ul></section>`
	hero := `<section class="hero"><h1>HR consulting</h1><p>People solutions for your business.</p></section>`
	landing := head + hero + strings.Repeat(picker, 5) +
		`<section class="overview"><p>` + overview + `</p><p>` + steps + `</p></section>` +
		faqSection("faq") +
		`<section class="quotes"><p>` + quote + `</p><p>` + quote2 + `</p></section>` + foot
	related := `<section class="related"><h2>More from the site</h2><ul>` +
		`<li><a href="/a">Libraries to open late on Thursdays this winter</a></li><li><a href="/b">Council elections set for May</a></li>` +
		`<li><a href="/c">New bus line to the library quarter</a></li><li><a href="/d">Readers pick their book of the year</a></li></ul></section>`
	runBodyCases(t, []bodyCase{
		{name: "a landing page's sections under body",
			page:  landing,
			title: "HR consulting",
			keep:  []string{overview, steps, faq[0], faq[2], quote, quote2},
			drop:  []string{"About us", "Payroll services", "Copyright 2025"}},
		{name: "a short overview beside a longer FAQ under body",
			page: head + hero + strings.Repeat(picker, 5) + `<section class="overview"><p>` + overview + `</p><p>` + steps + `</p></section>` +
				faqSection("faq") + foot,
			title: "HR consulting",
			keep:  []string{overview, steps, faq[0], faq[2]},
			drop:  []string{"Payroll services", "Copyright 2025"}},
		{name: "a copy of the FAQ for narrow screens adds nothing",
			page: head + strings.Repeat(picker, 5) + `<div class="wide">` + faqSection("faq") + `</div><div class="narrow">` + faqSection("faq") + `</div>` +
				`<section class="overview"><p>Call us for a first talk.</p></section>` + foot,
			title: "HR consulting",
			keep:  []string{faq[0], faq[2]},
			drop:  []string{"Call us for a first talk", "Copyright 2025"}},
		{name: "a story in its article markup keeps its root",
			page: head + `<article><h1>Council closes libraries</h1>` + body + `</article>` +
				`<section class="promo"><p>` + overview + `</p><p>` + steps + `</p><p>` + quote + `</p></section>` + foot,
			title: "Council closes libraries",
			keep:  []string{"branch libraries", "mobile library"},
			drop:  []string{overview, quote}},
		{name: "a story with rows of related links under body keeps its body",
			page:  head + `<div class="story"><h1>Council closes libraries</h1>` + body + `</div>` + related + related + foot,
			title: "Council closes libraries",
			keep:  []string{"branch libraries", "mobile library"},
			drop:  []string{"More from the site", "Council elections set for May", "Copyright 2025"}},
	})
}

// The filler test answers as lower-casing every word would.
func TestFillerAgreesWithLowerCasing(t *testing.T) {
	x := &extraction{weights: rules.DefaultWeights}
	reference := func(text string, words int) bool {
		if words < x.weights.FillerWords || text == "" {
			return false
		}
		var seen []string
		fields := 0
		for w := range strings.FieldsSeq(text) {
			fields++
			w = strings.ToLower(w)
			if slices.Contains(seen, w) {
				continue
			}
			if len(seen) == x.weights.FillerDistinct || len(seen) == 8 {
				return false
			}
			seen = append(seen, w)
		}
		return fields >= x.weights.FillerWords
	}
	for _, text := range []string{
		strings.Repeat("word Word WORD ", 30),
		strings.Repeat("Über über ÜBER ", 30),
		strings.Repeat("\u212a k K ", 30),
		strings.Repeat("lorem ipsum Lorem IPSUM ", 20),
		strings.Repeat("lorem ipsum dolor ", 20),
		strings.Repeat("a b c d ", 20),
		strings.Repeat("İ i ", 40),
		"word",
	} {
		words := len(strings.Fields(text))
		b := &block{Block: &article.Block{Type: article.Paragraph, Text: text}, words: int32(words)}
		if got, want := x.filler(b), reference(text, words); got != want {
			t.Errorf("filler(%.30q) = %v, want %v", text, got, want)
		}
	}
}

// extractKeepsAndDrops extracts page with md and checks its plain text
// with keepsAndDrops.
func extractKeepsAndDrops(t *testing.T, page string, md article.Metadata, keep, drop []string) {
	t.Helper()
	keepsAndDrops(t, render.PlainText(extract(t, page, md).Blocks), keep, drop)
}

// keepsAndDrops fails t for each phrase of keep missing from text and
// each phrase of drop in it.
func keepsAndDrops(t *testing.T, text string, keep, drop []string) {
	t.Helper()
	for _, k := range keep {
		if !strings.Contains(text, k) {
			t.Errorf("lost %q; text:\n%s", k, text)
		}
	}
	for _, d := range drop {
		if strings.Contains(text, d) {
			t.Errorf("kept %q; text:\n%s", d, text)
		}
	}
}
