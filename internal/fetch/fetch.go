// Package fetch gets pages over HTTP safely. (stub: being written)
package fetch

import (
	"context"
	"errors"
	"time"
)

// Options for a Fetcher. The zero value means the defaults.
type Options struct {
	MaxBytes     int64         // body cap; 0 = 10 MB
	Timeout      time.Duration // whole-request deadline; 0 = 20s
	MaxRedirects int           // 0 = 5
	UserAgent    string        // "" = winnow's own
	AllowPrivate bool          // allow loopback/private/link-local targets
}

// Page is a fetched response.
type Page struct {
	URL         string // final URL after redirects
	StatusCode  int
	ContentType string
	Body        []byte
}

// Fetcher gets pages. It is safe for concurrent use.
type Fetcher struct{ opts Options }

// New returns a Fetcher.
func New(opts Options) *Fetcher { return &Fetcher{opts: opts} }

// Fetch gets rawURL.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	return nil, errors.New("fetch: not implemented yet")
}
