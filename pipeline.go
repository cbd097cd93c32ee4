package winnow

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/content"
	"github.com/winnow-go/winnow/internal/decode"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/meta"
	"github.com/winnow-go/winnow/internal/pagetype"
	"github.com/winnow-go/winnow/internal/parse"
	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/internal/stop"
	"github.com/winnow-go/winnow/internal/textmode"
	"github.com/winnow-go/winnow/render"
)

// This file is the one place where the stages are chained. Every path
// through winnow — Extract in both modes, Flatten, and through them the
// CLI, the server, batch and the evaluation — goes through these
// functions, so that a fix to a join between stages reaches all of them:
//
//	decodeInput ─▶ (text?) ─ textmode ────────────────────────▶ finish
//	            └▶ parseInput ─┬─ meta ─┐
//	                           │        └─ content ────────────▶ finish
//	                           └─ VisibleText (Flatten)

// ExtractContext is Extract with a context: once it is done (a deadline
// passed, a cancel) the work on the page stops within a few thousand
// nodes or lines of any stage, or 64 KB of parsing, and ExtractContext
// returns the context's error (errors.Is(err, context.DeadlineExceeded)
// after a deadline) and no Article.
func ExtractContext(ctx context.Context, data []byte, opts Options) (*article.Article, error) {
	dec, err := decodeInput(data, opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Weights other than the defaults come only from internal/eval, in
	// the context (rules.WithTuning), so that Options stays free of
	// internal types.
	tuning := rules.TuningFrom(ctx)
	if opts.Input == InputText || opts.Input == InputAuto && !decode.LooksLikeHTML(dec.Text) {
		to := textOptions(opts, tuning)
		to.Check = stop.New(ctx)
		a, detail := textmode.Extract(dec.Text, to)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// Flattened text keeps no markup: the page's address is the only
		// evidence of its kind (article when it says nothing).
		a.PageType = pagetype.Classify(&pagetype.Page{URL: opts.URL})
		return finish(a, detail, opts)
	}
	doc, shared, shape, err := parseInput(ctx, dec.Text, opts)
	if err != nil {
		return nil, err
	}
	defer shared.Release()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a, err := extractTree(ctx, doc, shape, opts, tuning)
	detach(a, err, shared.Holds)
	return a, err
}

// extractTree runs the stages after parse (label, meta, content, page
// type) on doc; none of them changes the tree. shape is what a scan of the
// page's text told of the tree (the zero shape when there was no text).
func extractTree(ctx context.Context, doc dom.Node, shape textShape, opts Options, tuning *rules.Tuning) (*article.Article, error) {
	// One label pass serves both stages, so that they agree on what the
	// page hides. The labels carry ctx's check to the stages that read
	// them, whose walks stop once it is done.
	weights := tuning.HTMLWeights()
	labels := label.LabelSized(ctx, doc, weights, shape.tags)
	defer labels.Release()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	md, kinds := meta.ExtractKinds(labels, opts.URL)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := content.ExtractLabelled(labels, md, content.Options{
		PageURL:      linkBase(doc, shape, opts.URL),
		Focus:        opts.Focus,
		KeepLinks:    opts.KeepLinks,
		Formatting:   opts.Formatting,
		Comments:     opts.Comments,
		DropImages:   opts.DropImages,
		Explain:      opts.Explain,
		ArticlesOnly: opts.ArticlesOnly,
		Weights:      weights,
		Product:      pagetype.DeclaresProduct(kinds),
		Thread:       pagetype.DeclaresThread(kinds),
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &article.Article{Metadata: md, Blocks: res.Blocks, Comments: res.Comments, Removed: res.Removed, Status: res.Status}
	if kinds.Headline != "" {
		useHeadline(a, kinds.Headline, opts.Explain)
	}
	kind, signals := pagetype.Explain(&pagetype.Page{URL: md.URL, Meta: md, Kinds: kinds, Labels: labels, Shape: res.Shape, Blocks: res.Blocks})
	a.PageType = kind
	if opts.Logger != nil {
		opts.Logger.Debug("winnow: page type", "url", opts.URL, "page_type", kind, "signals", signals)
		opts.Logger.Debug("winnow: extracted", "url", opts.URL, "status", a.Status, "page_type", a.PageType, "blocks", len(a.Blocks), "removed", len(res.Removed))
	}
	return finish(a, res.Detail, opts)
}

// Flatten turns an HTML page into the naive "all visible text, one line
// per block" dump that crawlers produce (chrome included), the input of
// text mode. It decodes and parses data as Extract does — any charset,
// gzipped or not, nesting of any depth — and reads opts.ContentType and
// opts.MaxBytes; the other options do not apply. It fails with the same
// errors as Extract on input that cannot be read.
func Flatten(data []byte, opts Options) ([]byte, error) {
	dec, err := decodeInput(data, opts)
	if err != nil {
		return nil, err
	}
	doc, shared, _, err := parseInput(context.Background(), dec.Text, opts)
	if err != nil {
		return nil, err
	}
	defer shared.Release()
	return textmode.VisibleText(doc), nil
}

// decodeInput turns the input bytes into UTF-8.
func decodeInput(data []byte, opts Options) (decode.Result, error) {
	dec, err := decode.Decode(data, decode.Options{ContentType: opts.ContentType, MaxBytes: opts.maxBytes()})
	if err != nil {
		return dec, fmt.Errorf("winnow: %w", err)
	}
	if opts.Logger != nil {
		opts.Logger.Debug("winnow: decoded", "url", opts.URL, "bytes", len(dec.Text),
			"charset", dec.Charset, "charset_from", dec.Source, "gzipped", dec.Gzipped, "truncated", dec.Truncated)
	}
	return dec, nil
}

// parseInput builds the tree the later stages share; nesting too deep for
// the HTML parser is flattened rather than refused. A page with more
// elements than opts allows is refused before it is parsed. The parser
// stops once ctx is done, with ctx's error. It returns the shape of text
// too: the size of the tree, and whether it may hold a <base>.
//
// The tree's strings point into text, the caller's page or the decoder's
// copy of it, or into the parser's copies (ExtractContext detaches what
// it returns), and its memory is reused by the next page once the caller
// releases shared.
func parseInput(ctx context.Context, text []byte, opts Options) (doc dom.Node, shared *parse.Shared, shape textShape, err error) {
	limit := opts.maxElements()
	shape = scanStartTags(text, limit)
	if limit > 0 && shape.tags > limit {
		return dom.Node{}, nil, textShape{}, fmt.Errorf("winnow: %w: more than %d elements", ErrTooComplex, limit)
	}
	tree, shared, err := parse.ParseShared(ctx, text, shape.tags+shape.texts)
	if err != nil {
		return dom.Node{}, nil, textShape{}, fmt.Errorf("winnow: %w", err)
	}
	return tree.Root(), shared, shape, nil
}

// textShape is what one scan of a page's text tells of its tree.
type textShape struct {
	// tags is the number of start tags, which sizes the label tables
	// (0 when unknown).
	tags int
	// texts is the number of tags with text before them: about the
	// number of text nodes, which with tags sizes the tree.
	texts int
	// noBase is true when no start tag of the text is a <base>, so the
	// tree holds none and linkBase need not look for one. The zero
	// shape, of a tree given without its text, says nothing.
	noBase bool
}

// DefaultMaxElements is the element budget used when Options.MaxElements
// is zero. The largest page of the benchmark sets holds about 16,000
// elements; each costs the parsed tree and the later stages some hundreds
// of bytes, so a page of a million tiny paragraphs would take gigabytes.
const DefaultMaxElements = 500_000

// ErrTooComplex is returned for a page holding more elements than
// Options.MaxElements: one that would cost far more memory than its size
// to read.
var ErrTooComplex = errors.New("page too complex")

func (o Options) maxElements() int {
	if o.MaxElements != 0 {
		return o.MaxElements
	}
	return DefaultMaxElements
}

// scanStartTags counts the start tags ('<' and a letter) in text, and
// stops counting past limit when it is positive. It notes whether any of
// them may open a <base>: "<base" in any case, whatever follows (a longer
// name, inside a comment or a script), since the parser makes elements
// only of the tags it reads. It counts the '<' that have text before
// them too, the text nodes to be.
func scanStartTags(text []byte, limit int) textShape {
	if limit <= 0 {
		limit = math.MaxInt - 1
	}
	n, texts := 0, 0
	base := false
	for i := bytes.IndexByte(text, '<'); i >= 0 && n <= limit; {
		if i > 0 && text[i-1] != '>' {
			texts++
		}
		if i+1 < len(text) {
			if c := text[i+1] | 0x20; 'a' <= c && c <= 'z' {
				n++
				if c == 'b' && !base && i+5 <= len(text) && bytes.EqualFold(text[i+1:i+5], []byte("base")) {
					base = true
				}
			}
		}
		j := bytes.IndexByte(text[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return textShape{tags: n, texts: texts, noBase: !base}
}

// finish fills the derived fields the same way for both modes and turns a
// no-article status into an error whose Detail is the stage's reason. The
// language is the declared one if the stage found any, unless the body text
// is confidently in another (meta.DecideLanguage); else detected from the
// body text.
func finish(a *article.Article, detail string, opts Options) (*article.Article, error) {
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
	a.Language, a.DeclaredLanguage = meta.DecideLanguage(a.Language, a.DeclaredLanguage, a.Text)
	if a.Status == "" {
		a.Status = article.StatusOK
	}
	if a.Status != article.StatusOK {
		return a, &NoArticleError{Status: a.Status, Detail: detail}
	}
	return a, nil
}

func textOptions(opts Options, tuning *rules.Tuning) textmode.Options {
	return textmode.Options{Explain: opts.Explain, DropImages: opts.DropImages, Focus: opts.Focus,
		ArticlesOnly: opts.ArticlesOnly, Weights: tuning.TextWeights()}
}

// useHeadline makes the page's <h1> the title of a page whose <title>
// names only the site, once the body is chosen, and takes the heading that
// repeats it out of the body, as the content stage does with the heading
// of a title.
func useHeadline(a *article.Article, headline string, explain bool) {
	a.Title = headline
	a.Sources = maps.Clone(a.Sources)
	if a.Sources == nil {
		a.Sources = map[string]string{}
	}
	a.Sources["title"] = "h1"
	key := rules.Fold(headline)
	for i, b := range a.Blocks {
		if i >= maxBlocksBeforeHeadline {
			break
		}
		if b.Type == article.Heading && rules.Fold(b.Text) == key {
			a.Blocks = append(a.Blocks[:i:i], a.Blocks[i+1:]...)
			if !explain {
				return
			}
			// The removals after it now stand one kept block earlier, and
			// the heading takes its place among them, in page order.
			at := len(a.Removed)
			for j := range a.Removed {
				if a.Removed[j].Before > i {
					a.Removed[j].Before--
					at = min(at, j)
				}
			}
			a.Removed = slices.Insert(a.Removed, at, article.Removal{Text: b.Text, Reason: article.ReasonTitle, Before: i})
			return
		}
	}
}

// maxBlocksBeforeHeadline bounds how far into the body useHeadline looks
// for the headline: a kicker, a byline or a lead figure may come first.
const maxBlocksBeforeHeadline = 4
