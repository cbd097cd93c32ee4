package rules

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
)

// TextWeights are the numeric knobs of text mode (internal/textmode),
// gathered like Weights so that an evaluation can sweep them. Lengths are
// in words unless said otherwise; scores are the per-line weights of the
// body search. DefaultTextWeights documents the values in use.
type TextWeights struct {
	// MinBodyWords: a body with less prose is too_short.
	MinBodyWords int

	// Figures.

	// MinAltWords: an alt text shorter than this says too little to pair
	// with a caption.
	MinAltWords int
	// AltCoverShare: the shorter line of a pair must have at least this
	// share of the longer one's words.
	AltCoverShare float64
	// AltWordShare: at least this share of the shorter line's words must
	// be in the longer one for the two to be alt text and caption.
	AltWordShare float64
	// MaxAltWords and MaxCaptionWords bound the two lines of such a pair.
	MaxAltWords     int
	MaxCaptionWords int
	// MinCaptionWords: a line printed once needs this many words to be
	// a caption ending in a credit.
	MinCaptionWords int

	// Line scores of the body search: prose counts its words, the rest
	// costs.

	// ChromeScore is the score of a chrome line; SoftChromeScore that of
	// a duplicate, date or byline, which sit inside articles too.
	ChromeScore     int
	SoftChromeScore int
	// FigureScore is the score of a caption or credit line.
	FigureScore int
	// TeaserScore is the score of a line that looks like a teaser list's
	// (excerpts cut short, headline and summary pairs).
	TeaserScore int
	// OtherScore is the score of a line that is neither prose nor chrome
	// (a headline, a label).
	OtherScore int
	// JoinedDiv divides the words of a headline run into its summary.
	JoinedDiv int
	// IsolatedDiv divides the words of a prose line standing alone, or
	// an excerpt cut short: a teaser's summary.
	IsolatedDiv int
	// ShortSentenceWords and ShortSentenceScore: a sentence of at least
	// this many words that is too short to be prose scores this.
	ShortSentenceWords int
	ShortSentenceScore int
	// SummaryWords and MaxSummaryStops: a teaser's summary runs at most
	// this many words, and this many sentence ends inside it.
	SummaryWords    int
	MaxSummaryStops int
	// ParagraphWords: a prose line of several sentences this long is a
	// paragraph (of a product list or guide, not a teaser summary).
	ParagraphWords int
	// ListGap bounds how many lines part two paragraphs of such a list.
	ListGap int
	// Lookaround bounds how far the neighbour checks look past chrome
	// lines; it also keeps Extract linear on dumps of repeated lines.
	Lookaround int
	// GapCostStep and GapCostCap: each further line of a run of non-prose
	// lines costs GapCostStep more, up to GapCostCap more, so a long run
	// of menus parts two stretches of prose but a subhead does not.
	GapCostStep int
	GapCostCap  int
	// CellMaxWords and CellCost: a line of at most CellMaxWords words with
	// a number in it is a table cell; it costs CellCost and does not
	// lengthen a gap, so a table flattened one cell a line inside the
	// body does not split it.
	CellMaxWords int
	CellCost     int
	// HeadBonus multiplies the mass of a run with a dateline or byline in
	// the HeadLookback lines above it: teaser lists and footers have none.
	HeadBonus    int
	HeadLookback int
	// BarrierMinProse: a comments or footer line ends the body only after
	// this much prose mass; MassMinScore is the least line score counted
	// in it.
	BarrierMinProse int
	MassMinScore    int
	// BarrierGap: prose within this many lines below a comments or footer
	// line means it was a widget inside the article.
	BarrierGap int
	// ItemMaxScore: when a page has no article, a second body search
	// scores each headline, excerpt and prose line by its words, up to
	// this, so that the densest list of items wins.
	ItemMaxScore int
	// MinListItems and MinListItemWords: a closing list of at least this
	// many lines, each this long with a number, joins the body. A page
	// with no article is a list when the items search finds at least
	// MinListItems headlines with a longer line under each.
	MinListItems     int
	MinListItemWords int

	// Head and blocks.

	// TitleReach: how many lines above the first prose line the headline
	// is looked for.
	TitleReach int
	// MinTitleWords: a shorter headline-shaped line is not the headline.
	MinTitleWords int
	// MinStandfirstWords and StandfirstReach: the standfirst has at least
	// this many words and is at most this many lines under the headline.
	MinStandfirstWords int
	StandfirstReach    int
	// StandfirstHeadWords and StandfirstRatio: a line taken for the
	// headline is the standfirst when the headline-shaped line right above
	// it has at least StandfirstHeadWords words and it has StandfirstRatio
	// times as many (a standfirst printed without a full stop).
	StandfirstHeadWords int
	StandfirstRatio     float64
	// MinLineWords: a body line that is neither prose nor a subhead is kept
	// as a paragraph when it has this many words (one less with a number).
	MinLineWords int
	// RecallMinLineWords: with the recall focus, a body line of this many
	// words or more is kept even when it is neither prose nor a subhead.
	RecallMinLineWords int
	// PrecisionMinWords: with the precision focus, a body line shorter than
	// this that is not prose and does not end like a sentence is cut, as
	// HTML mode cuts such a paragraph.
	PrecisionMinWords int

	// Line shapes.

	// MaxURLLineWords: a line this short holding an address is a link.
	MaxURLLineWords int
	// MinMenuItems, MaxMenuItemWords, MenuShortShare: a line of at least
	// MinMenuItems parts joined by a menu separator, MenuShortShare of
	// them at most MaxMenuItemWords long, is a menu or breadcrumb.
	MinMenuItems     int
	MaxMenuItemWords int
	MenuShortShare   float64
	// TitleCaseLetters, TitleCaseWords, TitleCaseShare: text is in title
	// case when TitleCaseShare of its words of TitleCaseLetters letters or
	// more, and at least TitleCaseWords of them, are capitalized.
	TitleCaseLetters int
	TitleCaseWords   int
	TitleCaseShare   float64
	// JoinLowerRun: this many lower-case letters running into a capital
	// mark a headline flattened into its summary.
	JoinLowerRun int
	// ShortLine is the longest line that a label or menu can be.
	ShortLine int
	// ChromeShare: a line at most ShortLine long whose phrases cover this
	// share is chrome; a longer one needs ChromeLongShare.
	ChromeShare     float64
	ChromeLongShare float64
	// StrongPhraseWords: a phrase this long marks even a sentence of at
	// most StrongMaxWords as chrome ("sign up for our newsletter").
	StrongPhraseWords int
	StrongMaxWords    int
	// OfferPhrases and OfferMaxWords: a line of at most OfferMaxWords
	// with this many phrases of one offer kind is that offer.
	OfferPhrases  int
	OfferMaxWords int
	// PromptLabelWords, PromptLabelStart, PromptMaxWords: a label of at
	// least PromptLabelWords words starting within PromptLabelStart words
	// marks a line of at most PromptMaxWords as a prompt.
	PromptLabelWords int
	PromptLabelStart int
	PromptMaxWords   int
	// MaxCopyrightWords: a © line this short is a footer (with a number
	// and at most CopyrightFooterWords) or a credit (at most
	// CopyrightCreditWords).
	MaxCopyrightWords    int
	CopyrightFooterWords int
	CopyrightCreditWords int
	// DatelineOtherDiv: a dateline may hold 1/DatelineOtherDiv of words
	// that are neither date words nor numbers.
	DatelineOtherDiv int
	// MetaWordRunes: a date word this long (a month, "updated") makes a
	// line of date words a dateline even without a number.
	MetaWordRunes int
	// MinBylineFields, MaxBylineFields: a "By ..." line
	// has this many fields, the rest being names (rules.LooksLikeNames).
	MinBylineFields int
	MaxBylineFields int
	// ProseWords: a sentence this long is prose; LongProseWords: so is a
	// capitalized line this long without a closing mark, unless it has
	// ProseCommaShare commas per word or more (a comma-separated tag list).
	ProseWords      int
	LongProseWords  int
	ProseCommaShare float64
	// MaxRepeats and RepeatMinWords: a line that is one string of at
	// least RepeatMinWords (and at most ShortLine) printed two to
	// MaxRepeats times back to back is a label, so chrome.
	MaxRepeats     int
	RepeatMinWords int
	// MarkerTeaserMinWords: a line of at least this many words opening
	// with a rules.TeaserMarker, not prose, with no such line next to it,
	// is an inline teaser.
	MarkerTeaserMinWords int
	// MinHeadlineWords and MaxHeadlineWords bound a headline's length;
	// MinQuestionWords and MaxQuestionWords a subhead asked as a question.
	MinHeadlineWords int
	MaxHeadlineWords int
	MinQuestionWords int
	MaxQuestionWords int
}

// DefaultTextWeights are the text-mode weights winnow uses.
var DefaultTextWeights = TextWeights{
	MinBodyWords: 40,

	MinAltWords:     3,
	AltCoverShare:   0.3,
	AltWordShare:    0.8,
	MaxAltWords:     60,
	MaxCaptionWords: 80,
	MinCaptionWords: 4,

	ChromeScore:        -6,
	SoftChromeScore:    -2,
	FigureScore:        -1,
	TeaserScore:        -3,
	OtherScore:         -3,
	JoinedDiv:          5,
	IsolatedDiv:        3,
	ShortSentenceWords: 4,
	ShortSentenceScore: 2,
	SummaryWords:       30,
	MaxSummaryStops:    1,
	ParagraphWords:     40,
	ListGap:            8,
	Lookaround:         40,
	GapCostStep:        2,
	GapCostCap:         12,
	CellMaxWords:       4,
	CellCost:           1,
	HeadBonus:          2,
	HeadLookback:       8,
	BarrierMinProse:    80,
	MassMinScore:       2,
	BarrierGap:         3,
	ItemMaxScore:       30,
	MinListItems:       3,
	MinListItemWords:   3,

	TitleReach:          40,
	MinTitleWords:       3,
	MinStandfirstWords:  6,
	StandfirstReach:     8,
	StandfirstHeadWords: 4,
	StandfirstRatio:     1.5,
	MinLineWords:        4,
	RecallMinLineWords:  2,
	PrecisionMinWords:   8,

	MaxURLLineWords:      6,
	MinMenuItems:         3,
	MaxMenuItemWords:     4,
	MenuShortShare:       0.75,
	TitleCaseLetters:     4,
	TitleCaseWords:       3,
	TitleCaseShare:       0.7,
	JoinLowerRun:         3,
	ShortLine:            12,
	ChromeShare:          0.5,
	ChromeLongShare:      0.75,
	StrongPhraseWords:    3,
	StrongMaxWords:       40,
	OfferPhrases:         2,
	OfferMaxWords:        30,
	PromptLabelWords:     2,
	PromptLabelStart:     2,
	PromptMaxWords:       20,
	MaxCopyrightWords:    20,
	CopyrightFooterWords: 8,
	CopyrightCreditWords: 4,
	DatelineOtherDiv:     3,
	MetaWordRunes:        3,
	MinBylineFields:      2,
	MaxBylineFields:      8,
	ProseWords:           8,
	LongProseWords:       25,
	ProseCommaShare:      0.2,
	MaxRepeats:           4,
	RepeatMinWords:       2,
	MarkerTeaserMinWords: 3,
	MinHeadlineWords:     2,
	MaxHeadlineWords:     25,
	MinQuestionWords:     2,
	MaxQuestionWords:     8,
}

// Tuning holds the weights of both modes: what `winnow eval --weights`
// reads and `--print-weights` prints, as {"html": {...}, "text": {...}}.
type Tuning struct {
	HTML Weights     `json:"html"`
	Text TextWeights `json:"text"`
}

// DefaultTuning returns the weights winnow uses.
func DefaultTuning() Tuning {
	return Tuning{HTML: DefaultWeights, Text: DefaultTextWeights}
}

// ParseTuning reads weights as JSON over the defaults: fields left out
// keep their default value, and an unknown field name is an error.
func ParseTuning(data []byte) (Tuning, error) {
	t := DefaultTuning()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return Tuning{}, fmt.Errorf("weights: %w", err)
	}
	if dec.More() {
		return Tuning{}, fmt.Errorf("weights: more than one JSON value")
	}
	return t, nil
}

type tuningKey struct{}

// WithTuning returns a context that carries t to the extraction pipeline,
// which uses it instead of the defaults. It is how an evaluation tries
// other weights without the public Options exposing them.
func WithTuning(ctx context.Context, t *Tuning) context.Context {
	return context.WithValue(ctx, tuningKey{}, t)
}

// TuningFrom returns the weights carried by ctx, or nil for the defaults.
func TuningFrom(ctx context.Context) *Tuning {
	t, _ := ctx.Value(tuningKey{}).(*Tuning)
	return t
}

// HTMLWeights returns the weights of the label pass and the content stage
// of t, or the defaults when t is nil.
func (t *Tuning) HTMLWeights() *Weights {
	if t == nil {
		return &DefaultWeights
	}
	return &t.HTML
}

// TextWeights returns text mode's weights of t, or nil (the defaults)
// when t is nil.
func (t *Tuning) TextWeights() *TextWeights {
	if t == nil {
		return nil
	}
	return &t.Text
}
