package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/winnow-go/winnow/article"
)

// Format names an output format.
type Format string

// The output formats, by the names users type.
const (
	// FormatText is the body as plain text (Article.Text).
	FormatText Format = "text"
	// FormatMarkdown is the title, subtitle and body as CommonMark with GFM tables.
	FormatMarkdown Format = "markdown"
	// FormatHTML is a clean, self-contained HTML5 document.
	FormatHTML Format = "html"
	// FormatJSON is the Article as indented JSON.
	FormatJSON Format = "json"
	// FormatJSONL is the Article as JSON on one line.
	FormatJSONL Format = "jsonl"
)

// ParseFormat checks a format name given by a user. "md" is accepted as a
// short name for markdown.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatText, FormatMarkdown, FormatHTML, FormatJSON, FormatJSONL:
		return f, nil
	case "md":
		return FormatMarkdown, nil
	}
	return "", fmt.Errorf("unknown format %q (want text, markdown, html, json or jsonl)", s)
}

// Write renders a in format f to w. It is safe for concurrent use on
// different writers.
func Write(w io.Writer, a *article.Article, f Format) error {
	if a == nil {
		return fmt.Errorf("render: nil article")
	}
	switch f {
	case FormatText:
		return writeText(w, a)
	case FormatMarkdown:
		return writeMarkdown(w, a)
	case FormatHTML:
		return writeHTML(w, a)
	case FormatJSON:
		return writeJSON(w, a, "  ")
	case FormatJSONL:
		return writeJSON(w, a, "")
	}
	return fmt.Errorf("render: unknown format %q", f)
}

func writeJSON(w io.Writer, v any, indent string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	return enc.Encode(v)
}

// writeText writes the body's text and then, when the article holds
// comments, a "Comments" line and their text.
func writeText(w io.Writer, a *article.Article) error {
	text := a.Text
	if c := PlainText(a.Comments); c != "" {
		if text != "" {
			text += "\n\n"
		}
		text += commentsHeading + "\n\n" + c
	}
	if text == "" {
		return nil
	}
	_, err := io.WriteString(w, text+"\n")
	return err
}
