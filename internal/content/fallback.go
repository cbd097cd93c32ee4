package content

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// The fallback reading. A page whose first reading keeps no words at all
// although it holds real unlinked text has lost its body to marks
// that are only names: page-builder widgets each too small to be
// pardoned, a "meta" or "teaser" wrapper around the post, a class that
// hides an element until a script shows it. Such a page is read once
// more with those soft marks lifted, so it gets its best prose region
// instead of nothing. The hard chrome (navigation, header, footer,
// cookie and login dialogs, ads, share bars, comments, and hidden
// modals and drawers) stays cut, so a page that holds only
// chrome stays empty. On a page that declares a discussion
// (Options.Thread) comments are soft too, for a thread of one post named
// as a comment has no body beside it, and so is a <form> element (a
// moderation form around the posts). Pages where the first reading keeps
// anything are never read again.

// wantsFallback reports whether the first reading, res, kept no words on
// a page that holds Weights.FallbackProseText of unlinked text.
func (x *extraction) wantsFallback(res Result) bool {
	if x.relaxed || x.totalPlain < x.weights.FallbackProseText {
		return false
	}
	switch res.Status {
	case article.StatusBlocked, article.StatusNeedsJS, article.StatusPaywalled:
		return false
	}
	return res.Shape.Words == 0
}

// softMark reports whether e is cut only by a soft mark
// (rules.SoftMarks). A hidden
// element counts as soft unless it is a dialog, its class or id names
// an overlay (rules.OverlayNames), or its class keeps it for screen
// readers (rules.ScreenReaderClasses): the body a script would show,
// not a modal waiting for a click or a label no one sees.
func (x *extraction) softMark(e *elem) bool {
	if x.opts.Thread && (e.mark == label.MarkComments || e.mark == label.MarkForm && x.domOf(e).DataAtom() == atom.Form) {
		return true
	}
	if !softMarks.Has(e.mark) {
		return false
	}
	if e.mark != label.MarkHidden {
		return true
	}
	if x.domOf(e).DataAtom() == atom.Dialog || x.domOf(e).DataAtom() == atom.Template {
		return false
	}
	for a := range x.domOf(e).Attrs() {
		switch a.Key {
		case "aria-modal":
			return false
		case "role":
			if strings.Contains(a.Val, "dialog") {
				return false
			}
		case "class", "id":
			if containsAny(strings.ToLower(a.Val), rules.OverlayNames) {
				return false
			}
			if a.Key == "class" && rules.HasScreenReaderClass(a.Val) {
				return false // text for screen readers, never shown
			}
		}
	}
	return true
}
