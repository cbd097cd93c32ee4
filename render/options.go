package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
)

// Options change what Write writes. The zero value is Write's output.
type Options struct {
	// WithMetadata starts text and Markdown output with a YAML front
	// matter block (title, authors, date, url, site, page_type; a field
	// left empty is left out). The other formats carry the metadata
	// already and are unchanged.
	WithMetadata bool
	// NoTables leaves table blocks out, in every format (and out of the
	// text field of JSON).
	NoTables bool
}

// WriteWith is Write with options.
func WriteWith(w io.Writer, a *article.Article, f Format, o Options) error {
	if a == nil {
		return fmt.Errorf("render: nil article")
	}
	if o.NoTables {
		a = WithoutTables(a)
	}
	if o.WithMetadata && (f == FormatText || f == FormatMarkdown) {
		if _, err := io.WriteString(w, FrontMatter(a)); err != nil {
			return err
		}
	}
	return Write(w, a, f)
}

// WithoutTables returns a copy of a without its table blocks (in the body
// and in the comments), its text made again from the blocks left; a
// itself is not changed.
func WithoutTables(a *article.Article) *article.Article {
	keep, comments := withoutTables(a.Blocks), withoutTables(a.Comments)
	if len(keep) == len(a.Blocks) && len(comments) == len(a.Comments) {
		return a
	}
	c := *a
	c.Blocks, c.Comments = keep, comments
	c.Text = PlainText(keep)
	return &c
}

func withoutTables(blocks []article.Block) []article.Block {
	if blocks == nil {
		return nil
	}
	keep := make([]article.Block, 0, len(blocks))
	for _, bl := range blocks {
		if bl.Type != article.Table {
			keep = append(keep, bl)
		}
	}
	return keep
}

// FrontMatter returns a's metadata as a YAML front matter block, between
// "---" lines: title, authors (a list), date (the publication date),
// url, site and page_type, each string double-quoted and escaped so that
// any YAML reader gets the text back as it was. Empty fields are left out.
func FrontMatter(a *article.Article) string {
	var b strings.Builder
	b.WriteString("---\n")
	field := func(key, val string) {
		if val != "" {
			b.WriteString(key + ": " + yamlQuote(val) + "\n")
		}
	}
	field("title", oneLine(a.Title))
	if len(a.Authors) > 0 {
		b.WriteString("authors:\n")
		for _, au := range a.Authors {
			b.WriteString("  - " + yamlQuote(au) + "\n")
		}
	}
	field("date", a.Published)
	field("url", a.URL)
	field("site", a.SiteName)
	field("page_type", string(a.PageType))
	b.WriteString("---\n")
	return b.String()
}

// yamlQuote writes s as a YAML double-quoted scalar: the quote and the
// backslash escaped, and every character YAML does not allow as is (C0 and
// C1 controls, DEL, the byte-order mark, U+FFFE/U+FFFF, invalid UTF-8 (as
// U+FFFD), and the line
// and paragraph separators, which some readers take as line breaks)
// written as an escape.
func yamlQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\uFFFD`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
