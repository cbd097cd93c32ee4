package winnow

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/decode"
	"github.com/winnow-go/winnow/internal/parse"
	"github.com/winnow-go/winnow/internal/rules"
)

// Focus trades precision against recall when the extractor is unsure
// whether a block belongs to the article, in HTML and in text mode.
type Focus = rules.Focus

const (
	// Balanced is the default: the setting that scores best overall.
	Balanced = rules.Balanced
	// Precision drops doubtful blocks: less chrome, perhaps less body.
	Precision = rules.Precision
	// Recall keeps doubtful blocks: all of the body, perhaps some chrome.
	Recall = rules.Recall
)

// Input says how to read the bytes handed to Extract.
type Input int

const (
	// InputAuto reads HTML as HTML and anything else that is text as a
	// flattened page dump.
	InputAuto Input = iota
	// InputHTML always parses the input as HTML.
	InputHTML
	// InputText always reads the input as flattened page text, one block a line.
	InputText
)

// DefaultMaxBytes is the input size cap used when Options.MaxBytes is zero.
// It caps the page as decoded (after gunzip), so a small gzip bomb stops at
// it. 16 MB is three times the largest page of the test sets; extraction
// needs many times a page's size in memory, so a larger cap lets a small
// upload cost gigabytes.
const DefaultMaxBytes = 16 << 20

// Options tune one extraction. The zero value means the defaults.
type Options struct {
	// URL is the page's address. It resolves relative links and images and
	// is a weak source of the publication date.
	URL string
	// ContentType is the HTTP Content-Type header, if known; its charset
	// wins over the one declared inside the page.
	ContentType string
	// Focus trades precision against recall, in HTML and in text mode.
	Focus Focus
	// Input says whether the bytes are HTML or flattened text.
	Input Input
	// KeepLinks keeps the hyperlinks of each block in Block.Links. It has
	// no effect on flattened text (text mode, and InputAuto on input that is
	// not HTML): such text holds no links, so Block.Links stays empty.
	KeepLinks bool
	// Formatting keeps the inline formatting of the blocks' text (bold,
	// italic, inline code) in Block.Marks and the language of code
	// blocks in Block.Lang, for the Markdown and HTML writers. Plain text
	// is the same with it or without. Like KeepLinks it has no effect on
	// flattened text.
	Formatting bool
	// Comments keeps the page's comment sections in Article.Comments,
	// still cut from the body. A forum thread's posts are its body, not
	// comments. It has no effect on flattened text.
	Comments bool
	// DropImages leaves figures out of the body. Figures are kept by default.
	DropImages bool
	// Explain fills Article.Removed with every piece that was cut and why.
	Explain bool
	// ArticlesOnly refuses pages that are not articles, for callers who
	// want stories only: a listing, home or search page gets the status
	// not_article and a page with too little text too_short, each with a
	// *NoArticleError. Without it such pages are ok, with their main
	// content and their Article.PageType, and only a page with no main
	// content at all is refused (empty, blocked, needs_js, paywalled).
	ArticlesOnly bool
	// MaxBytes caps the input size, compressed and after gunzip: a gzip
	// stream stops inflating as soon as it passes the cap and the page
	// gives ErrTooLarge. Zero means DefaultMaxBytes.
	MaxBytes int64
	// MaxElements caps the start tags an HTML page may hold before it is
	// parsed; a page over it fails with ErrTooComplex. Zero means
	// DefaultMaxElements, a negative value no cap.
	MaxElements int
	// Logger receives debug notes about decisions; nil logs nothing.
	Logger *slog.Logger
}

// Errors an extraction may return. Test for them with errors.Is.
var (
	// ErrEmpty is returned for input with no content at all.
	ErrEmpty = decode.ErrEmpty
	// ErrBinary is returned for input that is not text (images, PDFs, ...).
	ErrBinary = decode.ErrBinary
	// ErrTooLarge is returned for input over Options.MaxBytes.
	ErrTooLarge = decode.ErrTooLarge
	// ErrTruncatedGzip is returned for gzip input that ends early.
	ErrTruncatedGzip = decode.ErrTruncatedGzip
	// ErrParse is returned when the HTML parser gives up on the input.
	ErrParse = parse.ErrParse
	// ErrNoArticle is matched by every *NoArticleError.
	ErrNoArticle = errors.New("no article on the page")
)

// NoArticleError reports a page whose status is not ok: one with no main
// content (empty, blocked, needs_js, paywalled) or, with
// Options.ArticlesOnly, one that is no article (not_article, too_short).
// The Article returned beside it still carries the page's metadata, its
// PageType and the same Status.
type NoArticleError struct {
	Status article.Status
	Detail string
}

func (e *NoArticleError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("no article: %s", e.Status)
	}
	return fmt.Sprintf("no article: %s: %s", e.Status, e.Detail)
}

// Is makes errors.Is(err, ErrNoArticle) true.
func (e *NoArticleError) Is(target error) bool { return target == ErrNoArticle }

// Extract finds the article in one page. data may be HTML in any charset,
// gzipped HTML, or flattened page text.
//
// On success it returns the article and a nil error: the main content of
// any kind of page (Article.PageType says which). When the page holds no
// main content (or, with Options.ArticlesOnly, no article) it returns the
// page's metadata in an Article whose Status says why, and a
// *NoArticleError. Input that cannot be read (empty, binary, too
// large) gives a nil Article and one of the Err values.
//
// Extract is safe for concurrent use.
func Extract(data []byte, opts Options) (*article.Article, error) {
	return ExtractContext(context.Background(), data, opts)
}

// ExtractReader is Extract over a reader. It reads at most Options.MaxBytes
// (plus one byte, to tell that the cap was passed).
func ExtractReader(ctx context.Context, r io.Reader, opts Options) (*article.Article, error) {
	max := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("winnow: read: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("winnow: %w: more than %d bytes", ErrTooLarge, max)
	}
	return ExtractContext(ctx, data, opts)
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}
