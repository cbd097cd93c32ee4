package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/netip"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/fetch"
)

// Fetch a page someone gave you and extract its article. Addresses that
// are not public are refused, after DNS and at every redirect.
func Example() {
	f := fetch.New(fetch.Options{}) // defaults: 10 MB, 20 s, 5 redirects, public addresses only
	page, err := f.Fetch(context.Background(), "https://example.com/news/1")
	if err != nil {
		log.Fatalf("%s: %v", fetch.Kind(err), err)
	}
	a, err := winnow.Extract(page.Body, winnow.Options{URL: page.URL, ContentType: page.ContentType})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
}

// A URL that leads to the machine's own network fails before any request
// is sent.
func ExampleFetcher_Fetch_forbidden() {
	f := fetch.New(fetch.Options{})
	for _, u := range []string{"http://127.0.0.1/admin", "http://169.254.169.254/latest/meta-data/", "http://0x7f.1/", "file:///etc/passwd"} {
		_, err := f.Fetch(context.Background(), u)
		var fe *fetch.ForbiddenAddressError
		switch {
		case errors.As(err, &fe):
			fmt.Println(u, "->", fe.Class)
		default:
			fmt.Println(u, "->", fetch.Kind(err))
		}
	}
	// Output:
	// http://127.0.0.1/admin -> loopback
	// http://169.254.169.254/latest/meta-data/ -> link-local
	// http://0x7f.1/ -> loopback
	// file:///etc/passwd -> scheme
}

func ExampleCheckAddr() {
	for _, s := range []string{"93.184.215.14", "10.0.0.8", "::ffff:192.168.1.1"} {
		fmt.Println(s, fetch.CheckAddr(netip.MustParseAddr(s)) == nil)
	}
	// Output:
	// 93.184.215.14 true
	// 10.0.0.8 false
	// ::ffff:192.168.1.1 false
}
