// Package parse builds the tree that every later stage shares (a flat
// dom.Tree, built by the package's own HTML5 tokenizer and tree builder:
// tokenize.go, build.go) and copes with the pages nested too deep to
// build.
package parse

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unsafe"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxDepth is how deep the fallback lets elements nest. The tree builder
// refuses documents nested deeper than 512 open elements, as x/net/html
// does (the flattening replays x/net/html's rules); such pages
// (generated or hostile) are flattened below this depth and parsed again
// (see flatten).
const MaxDepth = 400

// ErrParse wraps a failure of the HTML parser.
var ErrParse = errors.New("html parse failed")

// Parse parses UTF-8 HTML into a tree. Scripting is off, so <noscript>
// content is parsed as markup. A page nested too deep for the parser is
// flattened: elements below MaxDepth are taken out, their text kept, a
// block turned into a break so that paragraphs stay apart.
//
// Three kinds of damage are then repaired, as a browser would show the
// page: a <title> left open, which swallows the document as its text, is
// closed and the page parsed again; the segments that React streams in
// hidden containers are moved to the places their scripts move them to;
// and on an empty shell whose text is all inside <noscript>, that text is
// shown.
func Parse(data []byte) (*dom.Tree, error) {
	return ParseContext(context.Background(), data)
}

// ParseContext is Parse, stopped once ctx is done: the tree builder
// reads ctx every readChunk bytes of the page (the flattening of a page
// nested too deep reads it through a reader that does the same), and
// ParseContext returns ctx's error (not ErrParse).
func ParseContext(ctx context.Context, data []byte) (*dom.Tree, error) {
	doc, err := parseRepaired(ctx, data, nil)
	if err != nil {
		return nil, err
	}
	return doc.Tree(), nil
}

// ParseShared is ParseContext without a copy of data, and with the
// tree's memory reused from page to page. The strings of the tree (its
// text, names and attribute values) point into data itself, or into a
// copy the parser made (Shared.Holds tells): the caller must leave data
// unchanged while it uses the tree, and copy any of those strings it
// keeps once data may change or the tree is released (the pipeline
// detaches its result). Shared.Release hands the tree's nodes and
// attributes back for the next page.
//
// nodes is about how many nodes the tree will hold, when the caller
// counted them (0 when not): the tree is sized for them at once, not
// grown as it is built.
func ParseShared(ctx context.Context, data []byte, nodes int) (*dom.Tree, *Shared, error) {
	sh := &Shared{a: arenaPool.Get().(*arena)}
	// The parser adds a few elements of its own (<html>, <head>, <body>,
	// <tbody>).
	sh.a.nodes = nodes + 16
	doc, err := parseRepaired(ctx, data, sh.a)
	if err != nil {
		sh.Release()
		return nil, nil, err
	}
	return doc.Tree(), sh, nil
}

// Shared is what a tree parsed by ParseShared shares with the page and
// with the trees of later pages.
type Shared struct{ a *arena }

// Release hands the tree's memory back for the next page. Nothing may read
// the tree afterwards. A second call does nothing.
func (sh *Shared) Release() {
	if sh == nil || sh.a == nil {
		return
	}
	sh.a.recycle()
	arenaPool.Put(sh.a)
	sh.a = nil
}

// Holds reports whether s points into memory the tree owns: the bytes it
// was built from (the caller's page or a copy the parser made of it: line
// ends normalised, a <title> closed, deep nesting flattened) or the tree's
// own texts (decoded text and attribute values, copied keys). It is false
// once the tree is released.
func (sh *Shared) Holds(s string) bool {
	return sh != nil && sh.a != nil && sh.a.holds(s)
}

var arenaPool = sync.Pool{New: func() any { return new(arena) }}

// parseRepaired parses data and repairs the tree (ParseContext). With an
// arena, the tree's strings point into data (or into the copy a repair
// makes) and its nodes come from a; with none, data is copied and the
// nodes come from the heap.
func parseRepaired(ctx context.Context, data []byte, a *arena) (dom.Node, error) {
	doc, err := parseDeep(ctx, data, a)
	if err != nil {
		return dom.Node{}, err
	}
	if fixed := closeTitle(doc, data); fixed != nil {
		doc2, err := parseDeep(ctx, fixed, a)
		if err == nil {
			doc = doc2
		} else if ctx.Err() != nil {
			return dom.Node{}, err
		}
	}
	// One walk over the elements tells which repairs the page needs,
	// sparing the others' walks and maps: cheaper than scanning the
	// page's bytes for them, whose first letters are common.
	segments, noscript := repairsNeeded(doc)
	if segments {
		placeStreamedSegments(doc)
	}
	if noscript {
		revealNoscript(doc)
	}
	return doc, nil
}

// repairsNeeded reports whether doc holds a hidden streamed segment
// (a <div hidden id="S:…">) and whether it holds a <noscript>.
func repairsNeeded(doc dom.Node) (segments, noscript bool) {
	for n := range doc.Descendants() {
		if n.Type() != html.ElementNode {
			continue
		}
		switch n.DataAtom() {
		case atom.Noscript:
			noscript = true
		case atom.Div:
			if id := attr(n, "id"); len(id) > 2 && id[:2] == "S:" && hasAttr(n, "hidden") {
				segments = true
			}
		}
		if segments && noscript {
			return
		}
	}
	return
}

// parseDeep parses data, flattening nesting too deep for the parser
// (a as in parseRepaired).
func parseDeep(ctx context.Context, data []byte, a *arena) (dom.Node, error) {
	doc, err := parseCtx(ctx, data, a)
	if err == nil {
		return doc, nil
	}
	for _, limit := range flatLimits {
		if !tooDeep(err) {
			break
		}
		flat, ferr := flatten(ctx, data, limit)
		if ferr != nil {
			return dom.Node{}, ferr
		}
		doc, err = parseCtx(ctx, flat, a)
		if err == nil {
			return doc, nil
		}
	}
	if se := (stoppedError{}); errors.As(err, &se) {
		return dom.Node{}, se.err
	}
	if tooDeep(err) {
		return dom.Node{}, fmt.Errorf("%w: after flattening deep nesting: %v", ErrParse, err)
	}
	return dom.Node{}, fmt.Errorf("%w: %v", ErrParse, err)
}

// tooDeep reports the parser's refusal of a page nested too deep.
func tooDeep(err error) bool {
	return strings.Contains(err.Error(), "open stack of elements exceeds")
}

// parse parses data with the package's own tree builder (build.go).
func parse(data []byte) (dom.Node, error) {
	return parseCtx(context.Background(), data, nil)
}

// parseCtx is parse, stopped once ctx is done: the builder reads ctx
// once per readChunk bytes of the page, and fails with errStopped.
// With an arena, the tree's strings point into data and its nodes come
// from a; with none, data is copied and the nodes come from the heap.
func parseCtx(ctx context.Context, data []byte, a *arena) (dom.Node, error) {
	if reference.Load() {
		doc, err := parseReference(data)
		if err != nil {
			return dom.Node{}, err
		}
		return dom.FromHTML(doc, "").Root(), nil
	}
	var text string
	if a != nil {
		text = unsafe.String(unsafe.SliceData(data), len(data))
	} else {
		text = string(data)
	}
	doc, err := build(ctx, text, a)
	if err != nil && ctx.Err() != nil {
		return dom.Node{}, stoppedError{ctx.Err()}
	}
	return doc, err
}

// readChunk is the most a ctxReader hands out in one read, so that ctx
// is read at least once per readChunk bytes however large a buffer the
// tokenizer asks to fill (a long text node grows it).
const readChunk = 64 << 10

// errStopped ends a read once the context is done.
var errStopped = errors.New("parse stopped: context done")

// stoppedError is what parseCtx returns when its reader stopped: it
// matches errStopped and carries the context's error.
type stoppedError struct{ err error }

func (e stoppedError) Error() string        { return "parse stopped: " + e.err.Error() }
func (e stoppedError) Is(target error) bool { return target == errStopped }

// ctxReader reads data, at most readChunk bytes at a time, and fails with
// errStopped once ctx is done. One read of ctx costs a lock, against the
// tens of microseconds the parser spends on a chunk.
type ctxReader struct {
	ctx  context.Context
	data []byte
}

func newCtxReader(ctx context.Context, data []byte) *ctxReader {
	return &ctxReader{ctx: ctx, data: data}
}

func (r *ctxReader) Read(p []byte) (int, error) {
	if r.ctx.Err() != nil {
		return 0, errStopped
	}
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), readChunk)], r.data)
	r.data = r.data[n:]
	return n, nil
}
