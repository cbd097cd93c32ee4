package textmode

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/parse"
)

func TestVisibleText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"blocks break lines, inline joins", `<div>Hello <b>bold</b> <a href="#">world</a></div><p>Next</p>`, "Hello bold world\nNext\n"},
		{"script style noscript template dropped", `<p>a</p><script>x()</script><style>p{}</style><noscript>enable js</noscript><template><p>t</p></template><p>b</p>`, "a\nb\n"},
		{"head dropped", `<html><head><title>T</title></head><body><p>body</p></body></html>`, "body\n"},
		{"img alt on its own line", `<figure><img src="x.jpg" alt="A harbour"><figcaption>A harbour at dawn</figcaption></figure>`, "A harbour\nA harbour at dawn\n"},
		{"br breaks", `<p>one<br>two</p>`, "one\ntwo\n"},
		{"whitespace collapsed", "<p>  a \n\t b&nbsp; c </p>", "a b c\n"},
		{"nav and footer kept", `<nav><a>Home</a> | <a>News</a></nav><footer>© 2024 Example</footer>`, "Home | News\n© 2024 Example\n"},
		{"list items", `<ul><li>one</li><li>two</li></ul>`, "one\ntwo\n"},
		{"empty", ``, ""},
		// Characters that print nothing are dropped, as the HTML
		// stages drop them: a byte-order mark makes no line, and a
		// zero-width joiner does not split "iPhone" from its neighbours.
		{"invisible characters dropped", "<p>\ufeff</p><p>the \u200ciPhone\u200c 11 and\u200b\u200b other</p>", "the iPhone 11 and other\n"},
		{"unicode spaces collapsed", "<p>a\u2028b\u200ac</p>", "a b c\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(VisibleText(dom.FromHTML(doc, "").Root())); got != tt.want {
				t.Errorf("VisibleText = %q, want %q", got, tt.want)
			}
		})
	}
	if VisibleText(dom.Node{}) != nil {
		t.Error("VisibleText(nil) is not nil")
	}
}

// TestVisibleTextNoscript: an application shell that serves its posts in
// <noscript> to clients without scripts is dumped with them (parse shows
// them, for both modes); on any other page <noscript> stays out.
func TestVisibleTextNoscript(t *testing.T) {
	posts := `<noscript><div class="post"><p>I would not mind a brief discussion about valuation and how others think about it. The last three quarters have shown a steady rise in margins, and the new plant should add to that once it is running at full speed next spring, which the board expects by April.</p></div>` +
		`<div class="post"><p>I merely try to think about reasonable expectations for the next few years. Nobody can see that far ahead with any confidence, so I keep my estimates modest and revisit them every time the company reports its results to the market.</p></div><div class="post"><p>A third reader adds that the dividend was raised twice in the past two years and that the balance sheet carries almost no debt, which leaves room for the expansion the managers have promised to shareholders.</p></div></noscript>`
	tests := []struct{ name, in, want string }{
		{"empty shell", `<body><div id="app"></div>` + posts + `</body>`,
			"I would not mind a brief discussion about valuation and how others think about it. The last three quarters have shown a steady rise in margins, and the new plant should add to that once it is running at full speed next spring, which the board expects by April.\nI merely try to think about reasonable expectations for the next few years. Nobody can see that far ahead with any confidence, so I keep my estimates modest and revisit them every time the company reports its results to the market.\nA third reader adds that the dividend was raised twice in the past two years and that the balance sheet carries almost no debt, which leaves room for the expansion the managers have promised to shareholders.\n"},
		{"shell with a header", `<body><header>Community Forum</header><div id="app"></div>` + posts + `</body>`,
			"Community Forum\nI would not mind a brief discussion about valuation and how others think about it. The last three quarters have shown a steady rise in margins, and the new plant should add to that once it is running at full speed next spring, which the board expects by April.\nI merely try to think about reasonable expectations for the next few years. Nobody can see that far ahead with any confidence, so I keep my estimates modest and revisit them every time the company reports its results to the market.\nA third reader adds that the dividend was raised twice in the past two years and that the balance sheet carries almost no debt, which leaves room for the expansion the managers have promised to shareholders.\n"},
		{"page with text", `<body><p>The council met on Tuesday and voted to rebuild the wall before the winter storms.</p><noscript>Please enable JavaScript to see the comments.</noscript></body>`,
			"The council met on Tuesday and voted to rebuild the wall before the winter storms.\n"},
		{"tracking pixel", `<body><p>Short page.</p><noscript><img src="pixel.gif" alt=""></noscript></body>`, "Short page.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse.Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(VisibleText(doc.Root())); got != tt.want {
				t.Errorf("VisibleText = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestVisibleTextDeep checks that pathological nesting, parsed as winnow
// parses it (internal/parse flattens what x/net/html refuses), neither
// panics nor loses the text before and inside it.
func TestVisibleTextDeep(t *testing.T) {
	for _, depth := range []int{600, 20000} {
		in := "<p>top</p>" + strings.Repeat("<div>", depth) + "deep" + strings.Repeat("</div>", depth)
		doc, err := parse.Parse([]byte(in))
		if err != nil {
			t.Fatalf("depth %d: %v", depth, err)
		}
		if got := string(VisibleText(doc.Root())); !strings.HasPrefix(got, "top\n") || !strings.Contains(got, "deep") {
			t.Errorf("depth %d: VisibleText = %.40q", depth, got)
		}
	}
}
