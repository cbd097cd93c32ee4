package label

import "github.com/winnow-go/winnow/article"

// Mark is an article.Reason as a one-byte code, an index into one table
// (marks): the label and content stages keep a mark in a row per
// element, where the reason's string would take 16 bytes. NoMark, the
// zero Mark, is no reason ("").
type Mark uint8

// The marks. Their order is that of marks.
const (
	NoMark Mark = iota
	MarkNav
	MarkHeader
	MarkFooter
	MarkShare
	MarkFollow
	MarkSubscribe
	MarkLogin
	MarkNewsletter
	MarkTeaser
	MarkPaywall
	MarkComments
	MarkAd
	MarkCookie
	MarkSidebar
	MarkByline
	MarkCredit
	MarkCaption
	MarkDuplicate
	MarkHidden
	MarkScript
	MarkForm
	MarkButton
	MarkTitle
	MarkMeta
	MarkLowTextDensity
	MarkLinkDensity
	MarkOutsideArticle
	MarkBoilerplate
	numMarks
)

// marks is the reason of each Mark.
var marks = [numMarks]article.Reason{
	NoMark:             "",
	MarkNav:            article.ReasonNav,
	MarkHeader:         article.ReasonHeader,
	MarkFooter:         article.ReasonFooter,
	MarkShare:          article.ReasonShare,
	MarkFollow:         article.ReasonFollow,
	MarkSubscribe:      article.ReasonSubscribe,
	MarkLogin:          article.ReasonLogin,
	MarkNewsletter:     article.ReasonNewsletter,
	MarkTeaser:         article.ReasonTeaser,
	MarkPaywall:        article.ReasonPaywall,
	MarkComments:       article.ReasonComments,
	MarkAd:             article.ReasonAd,
	MarkCookie:         article.ReasonCookie,
	MarkSidebar:        article.ReasonSidebar,
	MarkByline:         article.ReasonByline,
	MarkCredit:         article.ReasonCredit,
	MarkCaption:        article.ReasonCaption,
	MarkDuplicate:      article.ReasonDuplicate,
	MarkHidden:         article.ReasonHidden,
	MarkScript:         article.ReasonScript,
	MarkForm:           article.ReasonForm,
	MarkButton:         article.ReasonButton,
	MarkTitle:          article.ReasonTitle,
	MarkMeta:           article.ReasonMeta,
	MarkLowTextDensity: article.ReasonLowTextDensity,
	MarkLinkDensity:    article.ReasonLinkDensity,
	MarkOutsideArticle: article.ReasonOutsideArticle,
	MarkBoilerplate:    article.ReasonBoilerplate,
}

// Reason is the article.Reason m stands for.
func (m Mark) Reason() article.Reason { return marks[m] }

// MarkOf is the Mark of r. Every reason winnow gives has one (a test
// checks article.Reasons against the table); MarkOf panics on any other,
// which only a new reason missing from the table can be.
func MarkOf(r article.Reason) Mark {
	if r == "" {
		return NoMark
	}
	if m, ok := markOf[r]; ok {
		return m
	}
	panic("label: no Mark for reason " + string(r))
}

// markOf is the Mark of each reason of marks.
var markOf = func() map[article.Reason]Mark {
	m := make(map[article.Reason]Mark, numMarks)
	for i, r := range marks {
		m[r] = Mark(i)
	}
	return m
}()

// Marks is a set of Marks, for the rules' tables of reasons read per
// element.
type Marks uint32

// MarksOf is the set of the reasons set in table.
func MarksOf(table map[article.Reason]bool) Marks {
	var s Marks
	for r, ok := range table {
		if ok {
			s |= 1 << MarkOf(r)
		}
	}
	return s
}

// Has reports whether m is in s.
func (s Marks) Has(m Mark) bool { return s&(1<<m) != 0 }
