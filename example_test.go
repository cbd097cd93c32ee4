package winnow_test

import (
	"errors"
	"fmt"

	"github.com/winnow-go/winnow"
)

// Extract returns the article of a page, or an error saying why there is
// none; input that cannot be read at all gives one of the Err values.
func ExampleExtract() {
	_, err := winnow.Extract(nil, winnow.Options{})
	fmt.Println(errors.Is(err, winnow.ErrEmpty))

	page := []byte(`<html><head><title>Storm hits the coast</title></head>
<body><article><h1>Storm hits the coast</h1><p>Gales closed the harbour on Friday.</p></article></body></html>`)
	a, err := winnow.Extract(page, winnow.Options{URL: "https://example.org/storm"})
	if a == nil {
		fmt.Println("unreadable:", err)
		return
	}
	fmt.Println(a.URL)
	// Output:
	// true
	// https://example.org/storm
}
