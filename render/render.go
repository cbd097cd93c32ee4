package render

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/winnow-go/winnow/article"
)

// Format names an output format.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json"
	FormatJSONL    Format = "jsonl"
)

// ParseFormat checks a format name given by a user.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case FormatText, FormatMarkdown, FormatHTML, FormatJSON, FormatJSONL:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want text, markdown, html, json or jsonl)", s)
}

// Write renders a in format f to w. (stub: markdown and html being written)
func Write(w io.Writer, a *article.Article, f Format) error {
	switch f {
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(a)
	case FormatJSONL:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(a)
	default:
		_, err := io.WriteString(w, a.Text+"\n")
		return err
	}
}
