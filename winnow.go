package winnow

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/content"
	"github.com/winnow-go/winnow/internal/decode"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/meta"
	"github.com/winnow-go/winnow/internal/parse"
	"github.com/winnow-go/winnow/internal/textmode"
	"github.com/winnow-go/winnow/render"
)

// Focus trades precision against recall when the extractor is unsure
// whether a block belongs to the article.
type Focus int

const (
	// Balanced is the default: the setting that scores best overall.
	Balanced Focus = iota
	// Precision drops doubtful blocks: less chrome, perhaps less body.
	Precision
	// Recall keeps doubtful blocks: all of the body, perhaps some chrome.
	Recall
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
const DefaultMaxBytes = 64 << 20

// Options tune one extraction. The zero value means the defaults.
type Options struct {
	// URL is the page's address. It resolves relative links and images and
	// is a weak source of the publication date.
	URL string
	// ContentType is the HTTP Content-Type header, if known; its charset
	// wins over the one declared inside the page.
	ContentType string
	// Focus trades precision against recall.
	Focus Focus
	// Input says whether the bytes are HTML or flattened text.
	Input Input
	// KeepLinks keeps the hyperlinks of each block in Block.Links.
	KeepLinks bool
	// DropImages leaves figures out of the body. Figures are kept by default.
	DropImages bool
	// Explain fills Article.Removed with every piece that was cut and why.
	Explain bool
	// MaxBytes caps the input size (after gunzip); zero means DefaultMaxBytes.
	MaxBytes int64
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

// NoArticleError reports a page on which no article was found, and which
// kind of page it is. The Article returned beside it still carries the
// page's metadata and the same Status.
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
// On success it returns the article and a nil error. When the page holds no
// article it returns the page's metadata in an Article whose Status says
// why, and a *NoArticleError. Input that cannot be read (empty, binary, too
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

// ExtractContext is Extract with a context that is checked between stages,
// so a deadline stops the work on a page early.
func ExtractContext(ctx context.Context, data []byte, opts Options) (*article.Article, error) {
	dec, err := decode.Decode(data, decode.Options{ContentType: opts.ContentType, MaxBytes: opts.maxBytes()})
	if err != nil {
		return nil, fmt.Errorf("winnow: %w", err)
	}
	if opts.Logger != nil {
		opts.Logger.Debug("winnow: decoded", "url", opts.URL, "bytes", len(dec.Text),
			"charset", dec.Charset, "charset_from", dec.Source, "gzipped", dec.Gzipped, "truncated", dec.Truncated)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	switch opts.Input {
	case InputText:
		return finish(textmode.Extract(dec.Text, textOptions(opts)), opts)
	case InputAuto:
		if !decode.LooksLikeHTML(dec.Text) {
			return finish(textmode.Extract(dec.Text, textOptions(opts)), opts)
		}
	}
	doc, err := parse.Parse(dec.Text)
	if err != nil {
		return nil, fmt.Errorf("winnow: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// One label pass serves both stages, so that they agree on what the
	// page hides.
	labels := label.Label(doc)
	defer labels.Release()
	md := meta.ExtractLabelled(labels, opts.URL)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := content.ExtractLabelled(labels, md, content.Options{
		PageURL:    opts.URL,
		Focus:      content.Focus(opts.Focus),
		KeepLinks:  opts.KeepLinks,
		DropImages: opts.DropImages,
		Explain:    opts.Explain,
	})
	a := &article.Article{Blocks: res.Blocks, Removed: res.Removed, Status: res.Status}
	a.SetMetadata(md)
	if a.Language == "" {
		a.Language = meta.DetectLanguage(render.PlainText(a.Blocks))
	}
	if opts.Logger != nil {
		opts.Logger.Debug("winnow: extracted", "url", opts.URL, "status", a.Status, "blocks", len(a.Blocks), "removed", len(res.Removed))
	}
	return finish(a, opts)
}

// finish fills the derived fields and turns a no-article status into an error.
func finish(a *article.Article, opts Options) (*article.Article, error) {
	if a.URL == "" {
		a.URL = opts.URL
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	if a.Blocks == nil {
		a.Blocks = []article.Block{}
	}
	if !opts.Explain {
		a.Removed = nil
	}
	a.Text = render.PlainText(a.Blocks)
	if a.Status == "" {
		a.Status = article.StatusOK
	}
	if a.Status != article.StatusOK {
		return a, &NoArticleError{Status: a.Status}
	}
	return a, nil
}

func textOptions(opts Options) textmode.Options {
	return textmode.Options{Explain: opts.Explain, DropImages: opts.DropImages}
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}
