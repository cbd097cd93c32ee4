package batch

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/render"
)

// Line statuses besides the article.Status values.
const (
	// StatusError is the status of a record that could not be read or
	// extracted; the line's Error says why.
	StatusError = render.StatusError
	// StatusFiltered is the status of an article dropped by a filter, when
	// the caller chose to emit filtered lines; the line's Filter says which.
	StatusFiltered = "filtered"
)

// Filter names, as in a line's Filter and the run's counters.
const (
	FilterLang      = "lang"
	FilterMinWords  = "min_words"
	FilterDuplicate = "duplicate"
)

// BodyHash identifies a line's article text for exact-duplicate
// detection: the first 16 bytes of the SHA-256 of the text with its
// whitespace collapsed. It is zero for lines with no article text.
func BodyHash(l *render.Record) [16]byte {
	var h [16]byte
	if l.Article == nil || l.Status != string(article.StatusOK) {
		return h
	}
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(l.Article.Text), " ")))
	copy(h[:], sum[:16])
	return h
}

// ProcessOptions tune Process.
type ProcessOptions struct {
	// Extract is the base for each record's winnow.Options; URL,
	// ContentType and Input are set per record.
	Extract winnow.Options
	// Langs keeps only articles whose language is one of these (ISO 639-1,
	// matched on the primary subtag); empty keeps all.
	Langs []string
	// MinWords keeps only articles with at least this many words.
	MinWords int
	// Timeout bounds one extraction; zero means none.
	Timeout time.Duration
	// Format, when render.FormatMarkdown or render.FormatHTML, adds the
	// article rendered in that format to its line, as a field of that
	// name ("markdown" or "html"), for lines with an article (status ok
	// or filtered). Empty or render.FormatText adds nothing: the line's
	// "text" is the plain text already.
	Format render.Format
}

// Process extracts one record into its line of output, a render.Record
// (the type of every JSON line winnow writes). It never panics: a panic in
// the extractor becomes the line's error. Records with Skip set give a line
// with no article and the zero Status; callers count them and write nothing.
//
// The filters (Langs, MinWords) apply to found articles only: a record with
// no article or an error is always reported as such. A filtered article
// comes back with Status "filtered" and Filter set, the article kept.
//
// Process is safe for concurrent use.
func Process(ctx context.Context, rec *Record, opts ProcessOptions) render.Record {
	l := render.Record{URL: rec.URL, WARCDate: rec.Date, Source: sourceOf(rec)}
	if rec.Skip != "" {
		return l
	}
	if rec.Err != nil {
		l.Status, l.Error = StatusError, rec.Err.Error()
		return l
	}
	a, err := extract(ctx, rec, opts)
	if err != nil && !errors.Is(err, winnow.ErrNoArticle) || a == nil {
		if err == nil {
			err = errors.New("extractor returned no article")
		}
		l.Status, l.Error = StatusError, err.Error()
		return l
	}
	l.Article = a
	if a.URL != "" {
		l.URL = a.URL
	}
	l.Status = string(a.Status)
	if l.Status == "" {
		l.Status = string(article.StatusOK)
	}
	if l.Status == string(article.StatusOK) {
		if f := filter(a, opts); f != "" {
			l.Status, l.Filter = StatusFiltered, f
		}
		if err := rendered(&l, opts.Format); err != nil {
			l.Article, l.Status, l.Filter, l.Error = nil, StatusError, "", err.Error()
		}
	}
	return l
}

// rendered adds the article rendered in format f to its line.
func rendered(l *render.Record, f render.Format) error {
	var b strings.Builder
	switch f {
	case render.FormatMarkdown, render.FormatHTML:
		if err := render.Write(&b, l.Article, f); err != nil {
			return fmt.Errorf("rendering %s: %w", f, err)
		}
	case "", render.FormatText:
		return nil
	default:
		return fmt.Errorf("batch lines cannot hold format %q", f)
	}
	if f == render.FormatMarkdown {
		l.Markdown = b.String()
	} else {
		l.HTML = b.String()
	}
	return nil
}

// extract runs the extractor with a recover, so one page cannot stop a run.
func extract(ctx context.Context, rec *Record, opts ProcessOptions) (a *article.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("extractor panic: %v", p)
		}
	}()
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	o := opts.Extract
	o.URL = rec.URL
	o.ContentType = rec.ContentType
	if rec.Text {
		o.Input = winnow.InputText
	}
	return winnow.ExtractContext(ctx, rec.Body, o)
}

// filter returns the name of the first filter that drops a, or "".
func filter(a *article.Article, opts ProcessOptions) string {
	if len(opts.Langs) > 0 && !langIn(a.Language, opts.Langs) {
		return FilterLang
	}
	if opts.MinWords > 0 && len(strings.Fields(a.Text)) < opts.MinWords {
		return FilterMinWords
	}
	return ""
}

func langIn(lang string, langs []string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(lang)), "-")
	primary, _, _ = strings.Cut(primary, "_")
	if primary == "" {
		return false
	}
	for _, l := range langs {
		if strings.EqualFold(strings.TrimSpace(l), primary) {
			return true
		}
	}
	return false
}

func sourceOf(rec *Record) render.Source {
	if rec.File != "" {
		return render.Source{File: rec.File}
	}
	off := rec.Offset
	return render.Source{File: rec.Input, Offset: &off, RecordID: rec.ID}
}
