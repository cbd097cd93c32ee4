package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/winnow-go/winnow/article"
)

// Record is one JSON line of output, the same for "winnow extract" with
// several inputs (or --format jsonl), "winnow batch" and the Beam pipeline:
// the Article found in one input and where that input came from, or why
// there is no Article.
//
// Its JSON is "source" first, then the Article's fields in their usual
// order (a nil Article gives "url" and "status" only), then "markdown",
// "html", "warc_date", "filter" and "error" when set.
type Record struct {
	// Source says where the input came from.
	Source Source
	*article.Article
	// URL is the page's address on a line without an Article; a line with
	// one uses the Article's URL.
	URL string
	// Status, when set, replaces the Article's status: "error" for an input
	// that could not be read or extracted (Error says why), "filtered" for
	// an article a batch filter dropped (Filter says which).
	Status string
	// WARCDate is the WARC-Date of the record, for WARC and WET inputs.
	WARCDate string
	// Filter names the batch filter that dropped the article.
	Filter string
	// Error is the message of an input that failed.
	Error string
	// Markdown and HTML, when set, hold the article rendered in that
	// format, as "winnow extract --format markdown|html" prints it (winnow
	// batch --format).
	Markdown, HTML string
}

// StatusError is the Status of a Record whose input could not be read or
// extracted.
const StatusError = "error"

// Source locates a record's input.
type Source struct {
	// File is the input as named: a path, "-" for standard input, or a
	// URL; for a folder input, the page's own file.
	File string `json:"file"`
	// Offset is the record's byte offset in File (compressed, for .gz), or
	// its line's offset for JSONL. It is absent for whole-file inputs.
	Offset *int64 `json:"offset,omitempty"`
	// RecordID is the WARC-Record-ID.
	RecordID string `json:"record_id,omitempty"`
}

// MarshalJSON writes the record's fields in the documented order.
func (r Record) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	field := func(name string, v any) error {
		buf.WriteString(`,"` + name + `":`)
		if err := enc.Encode(v); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // the encoder's newline
		return nil
	}
	if err := field("source", r.Source); err != nil {
		return nil, err
	}
	if r.Article != nil {
		a := *r.Article
		if r.Status != "" {
			a.Status = article.Status(r.Status)
		}
		start := buf.Len()
		if err := enc.Encode(&a); err != nil {
			return nil, err
		}
		// Splice the article's fields in: its "{" becomes a comma, its
		// closing "}\n" goes.
		buf.Bytes()[start] = ','
		buf.Truncate(buf.Len() - 2)
	} else {
		if err := field("url", r.URL); err != nil {
			return nil, err
		}
		if err := field("status", r.Status); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct{ name, v string }{{"markdown", r.Markdown}, {"html", r.HTML}, {"warc_date", r.WARCDate}, {"filter", r.Filter}, {"error", r.Error}} {
		if f.v != "" {
			if err := field(f.name, f.v); err != nil {
				return nil, err
			}
		}
	}
	buf.WriteByte('}')
	out := buf.Bytes()
	out[0] = '{'
	return out, nil
}

// WriteRecord writes r to w as JSON on one line.
func WriteRecord(w io.Writer, r Record) error {
	return writeJSON(w, r, "")
}

// Bytes returns r as one line of JSON with its newline.
func (r Record) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	err := WriteRecord(&buf, r)
	return buf.Bytes(), err
}
