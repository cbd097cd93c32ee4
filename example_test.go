package winnow_test

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow"
)

// Extract returns the article of a page without the page's chrome, and
// says what it cut.
func ExampleExtract() {
	page := []byte(`<html><head><title>Storm closes the harbour | Coast News</title></head><body>
<nav><a href="/">Home</a> <a href="/weather">Weather</a></nav>
<article>
  <h1>Storm closes the harbour</h1>
  <div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
  <p>Gales of up to 90 km/h closed the harbour on Friday morning, and the ferry to the islands was cancelled for the rest of the day.</p>
  <p>The coastguard asked people to keep away from the sea front until the wind drops, which forecasters expect on Saturday evening.</p>
  <p>Read also: <a href="/flood">Flood defences to be raised</a></p>
</article>
<footer>© Coast News</footer>
</body></html>`)
	a, err := winnow.Extract(page, winnow.Options{URL: "https://example.org/storm", Explain: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Text)
	for _, r := range a.Removed {
		fmt.Printf("cut %s: %s\n", r.Reason, r.Text)
	}
	// Output:
	// Storm closes the harbour
	// Gales of up to 90 km/h closed the harbour on Friday morning, and the ferry to the islands was cancelled for the rest of the day.
	//
	// The coastguard asked people to keep away from the sea front until the wind drops, which forecasters expect on Saturday evening.
	// cut nav: Home Weather
	// cut title: Storm closes the harbour
	// cut share: Facebook Twitter
	// cut teaser: Read also: Flood defences to be raised
	// cut footer: © Coast News
}

// A page already parsed with golang.org/x/net/html is read as it is; the
// caller's tree is not changed.
func ExampleExtractDocument() {
	doc, err := html.Parse(strings.NewReader(`<html><head><base href="https://example.org/news/"></head><body>
<article><h1>Harbour reopens</h1>
<p>The harbour reopened on Sunday after two days of gales, and the first ferry left for the islands at noon.</p>
<p>Repairs to the <a href="pier.html">north pier</a> will take until the spring, the port authority said.</p>
</article></body></html>`))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := winnow.ExtractDocument(doc, winnow.Options{KeepLinks: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Blocks[len(a.Blocks)-1].Links[0].Href)
	// Output:
	// Harbour reopens
	// https://example.org/news/pier.html
}

// Input that is not a page gives an error to branch on.
func ExampleExtract_errors() {
	_, err := winnow.Extract([]byte("   "), winnow.Options{})
	fmt.Println(errors.Is(err, winnow.ErrEmpty))
	page := []byte("<html><body><p>Hi.</p></body></html>")
	a, err := winnow.Extract(page, winnow.Options{})
	fmt.Println(a.Status, err)
	_, err = winnow.Extract(page, winnow.Options{ArticlesOnly: true})
	fmt.Println(errors.Is(err, winnow.ErrNoArticle), err)
	_, err = winnow.Extract([]byte("<html><body><div></div></body></html>"), winnow.Options{})
	fmt.Println(errors.Is(err, winnow.ErrNoArticle), err)
	// Output:
	// true
	// ok <nil>
	// true no article: too_short: body word count 1, under the 25 of an article
	// true no article: empty: no main content
}
