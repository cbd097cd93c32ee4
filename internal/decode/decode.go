// Package decode turns the bytes of a page into UTF-8 text. (stub: being written)
package decode

import "errors"

var (
	ErrEmpty         = errors.New("empty input")
	ErrBinary        = errors.New("binary input, not text")
	ErrTooLarge      = errors.New("input too large")
	ErrTruncatedGzip = errors.New("truncated gzip input")
)

// Options for Decode.
type Options struct {
	ContentType string // HTTP Content-Type header, may be empty
	MaxBytes    int64  // cap on decoded size; 0 = no cap
}

// Result of Decode.
type Result struct {
	Text    []byte // UTF-8, valid, BOM stripped
	Charset string // IANA name of the source charset, e.g. "utf-8", "windows-1251"
	Source  string // how it was found: "bom", "header", "meta", "detected", "default"
}

// Decode gunzips (if gzip), checks, and converts data to UTF-8.
func Decode(data []byte, opts Options) (Result, error) {
	if len(data) == 0 {
		return Result{}, ErrEmpty
	}
	return Result{Text: data, Charset: "utf-8", Source: "default"}, nil
}

// LooksLikeHTML reports whether UTF-8 text is HTML markup rather than plain text.
func LooksLikeHTML(text []byte) bool { return true }
