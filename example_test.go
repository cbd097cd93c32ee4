package winnow_test

import (
	"errors"
	"fmt"

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
