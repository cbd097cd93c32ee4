package textmode

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/rules"
)

// line is one non-blank line of the dump with the numbers every later step
// reads. They are computed once, in one pass over the line.
type line struct {
	w     *rules.TextWeights
	text  string   // the line, whitespace collapsed and trimmed
	words []string // lower-cased words of letters and digits
	key   string   // words joined by one space: the duplicate key
	runes int
	// sentence is true when the line ends like prose: . ! ? … (or the
	// full stops of Chinese, Japanese and Devanagari) or one of them
	// followed by a closing quote or bracket.
	sentence bool
	// colon is true when the line ends with a colon, as a label does.
	colon bool
	// upper is true when the first letter is upper case (or the script has
	// no case).
	upper bool
	// digits counts the words made only of digits.
	digits int
	// linkLike is true for URLs and for "A | B | C" menus and breadcrumbs.
	linkLike bool
	// copyright is true when the line holds a © sign.
	copyright bool
	// joined is true when a lower-case word runs straight into a
	// capitalized one ("SteakhouseA party"): a headline and its summary
	// flattened without a break, as teaser lists are.
	joined bool
	// stops counts the sentence ends inside the line: a full stop, ! or ?
	// followed by a space and a capital letter.
	stops int
	// truncated is true when the line ends with an ellipsis right after
	// a word ("... the council said on..."): an excerpt cut short, as
	// teaser lists print them.
	truncated bool
	// unit is the string the line repeats back to back ("Send by
	// e-mailSend by e-mail"), or "".
	unit string
	// marker is the arrow or pointer the line opens with (">>", "»",
	// rules.TeaserMarkers), or "".
	marker  string
	matches []rules.LineMatch
}

// newLine computes the features of one trimmed line.
func newLine(text string, w *rules.TextWeights) line {
	l := line{w: w, text: text, runes: utf8.RuneCountInString(text)}
	l.words = rules.LineWords(text)
	l.key = strings.Join(l.words, " ")
	l.sentence, l.colon = lineEnding(text)
	for _, r := range text {
		if unicode.IsLetter(r) {
			l.upper = !unicode.IsLower(r)
			break
		}
	}
	for _, w := range l.words {
		if isNumber(w) {
			l.digits++
		}
	}
	l.linkLike = isLinkLike(text, len(l.words), w)
	l.copyright = strings.ContainsRune(text, '©')
	l.joined = hasJoin(text, w)
	l.stops = innerStops(text)
	l.truncated = isTruncated(text)
	l.unit = repeatedUnit(text, w.MaxRepeats)
	l.marker = rules.TeaserMarker(text)
	l.matches = rules.Vocab.MatchLine(l.words)
	return l
}

// lineEnding reports whether text ends like a sentence, and whether it ends
// with a colon. Closing quotes and brackets after the mark are skipped.
func lineEnding(text string) (sentence, colon bool) {
	for len(text) > 0 {
		r, size := utf8.DecodeLastRuneInString(text)
		switch r {
		case '"', '\'', '”', '’', '»', '«', '“', ')', ']', '*':
			text = text[:len(text)-size]
			continue
		case '.', '!', '?', '…', '。', '！', '？', ';', '।', '॥':
			return true, false
		case ':':
			return false, true
		}
		return false, false
	}
	return false, false
}

// hasJoin reports whether a headline in title case runs straight into the
// sentence after it ("Bill At Troy SteakhouseA party of six left"): a
// teaser's headline and summary flattened without a break. Brand names
// like "LinkedIn" inside ordinary sentences do not count, because the
// words before them are not in title case.
func hasJoin(text string, w *rules.TextWeights) bool {
	lower := 0
	var prev rune
	for k, r := range text {
		if unicode.IsUpper(r) && unicode.IsLower(prev) && lower >= w.JoinLowerRun && titleCase(text[:k], w) {
			return true
		}
		if unicode.IsLower(r) {
			lower++
		} else {
			lower = 0
		}
		prev = r
	}
	return false
}

// innerStops counts the sentence ends inside text: . ! or ? after a
// lower-case word or a number, then a space and an upper-case letter, as
// between two sentences of a paragraph. Abbreviations of titles and names
// ("Lt. Col. Smith", "U.S. Army") start upper-case and do not count.
func innerStops(text string) int {
	n := 0
	state := 0 // 1 after a mark ending a sentence, 2 after it and a space
	wordStart := true
	var first rune // the first rune of the current word
	for _, r := range text {
		switch {
		case r == '.' || r == '!' || r == '?':
			if state == 0 && (unicode.IsLower(first) || unicode.IsDigit(first)) && !wordStart {
				state = 1
			} else {
				state = -1
			}
		case r == ' ':
			if state == 1 {
				state = 2
			} else {
				state = 0
			}
			wordStart = true
			continue
		case state == 2 && unicode.IsUpper(r):
			n++
			state = 0
		default:
			state = 0
		}
		if wordStart {
			first = r
			wordStart = false
		}
	}
	return n
}

// isTruncated reports whether text ends with "..." or "…" straight after
// a letter, a digit or a comma, with no sentence mark before it.
func isTruncated(text string) bool {
	var rest string
	switch {
	case strings.HasSuffix(text, "..."):
		rest = strings.TrimRight(text, ".")
	case strings.HasSuffix(text, "…"):
		rest = strings.TrimSuffix(text, "…")
	default:
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ','
}

// repeatedUnit returns the string that text is made of, printed two to
// max times back to back, with or without a space between the copies
// ("Send by e-mailSend by e-mail": a button's label and its copy for
// another screen size, flattened together), or "".
func repeatedUnit(text string, max int) string {
	for k := 2; k <= max; k++ {
		for _, sep := range []string{"", " "} {
			n := len(text) - (k-1)*len(sep)
			if n <= 0 || n%k != 0 {
				continue
			}
			u := text[:n/k]
			if strings.Repeat(u+sep, k-1)+u == text {
				return u
			}
		}
	}
	return ""
}

// titleCase reports whether most words of s of four or more letters are
// capitalized, and there are at least three of them (TitleCase weights).
func titleCase(s string, w *rules.TextWeights) bool {
	long, caps := 0, 0
	for _, f := range strings.Fields(s) {
		if utf8.RuneCountInString(f) < w.TitleCaseLetters {
			continue
		}
		long++
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return long >= w.TitleCaseWords && float64(caps) >= w.TitleCaseShare*float64(long)
}

// isNumber reports whether w is a number, or an English ordinal ("19th").
func isNumber(w string) bool {
	digits := 0
	for _, r := range w {
		if !unicode.IsDigit(r) {
			break
		}
		digits++
	}
	switch w[digits:] {
	case "":
		return digits > 0
	case "st", "nd", "rd", "th":
		return digits > 0 && digits <= 2
	}
	return false
}

// menuSeparators split the items of a flattened menu or breadcrumb.
var menuSeparators = []string{" | ", " • ", " · ", " › ", " > ", " » ", " / ", " :: "}

// isLinkLike reports whether a line is a bare address or a run of short
// items joined by a menu separator.
func isLinkLike(text string, nwords int, w *rules.TextWeights) bool {
	if nwords <= w.MaxURLLineWords && (strings.Contains(text, "://") || strings.HasPrefix(text, "www.")) {
		return true
	}
	for _, sep := range menuSeparators {
		if strings.Count(text, sep) < w.MinMenuItems-1 {
			continue
		}
		parts := strings.Split(text, sep)
		if len(parts) < w.MinMenuItems {
			continue
		}
		short := 0
		for _, p := range parts {
			if len(rules.LineWords(p)) <= w.MaxMenuItemWords {
				short++
			}
		}
		if float64(short) >= w.MenuShortShare*float64(len(parts)) {
			return true
		}
	}
	return false
}

// coverage returns how many words of the line the phrases of the given
// reasons cover (each word counted once). With no reasons every phrase
// counts. Matches come in order of their first word, so the union of their
// spans is one pass.
func (l *line) coverage(reasons ...article.Reason) int {
	n, end := 0, 0
	for _, m := range l.matches {
		if len(reasons) > 0 && !hasReason(reasons, m.Reason) {
			continue
		}
		n += max(0, m.Start+m.Len-max(m.Start, end))
		end = max(end, m.Start+m.Len)
	}
	return n
}

func hasReason(rs []article.Reason, r article.Reason) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// openerReasons are the kinds of chrome whose label may open a longer line
// ("Read more: <headline>", "Photo: <name>", "By <name>").
var openerReasons = []article.Reason{
	article.ReasonTeaser, article.ReasonCredit, article.ReasonByline, article.ReasonShare,
	article.ReasonFollow, article.ReasonSubscribe, article.ReasonLogin, article.ReasonNewsletter,
	article.ReasonComments, article.ReasonAd, article.ReasonPaywall, article.ReasonCookie,
}

// reasonMeta marks dates, times and reading-time notes (the [meta] section
// of rules.Vocab). It is kept apart from the chrome reasons because a
// date word alone ("May", "Monday") says nothing; only a line made of such
// words and numbers is a dateline.
const reasonMeta = article.ReasonMeta

// chromeReasons are all reasons of the phrase tables but the date words.
var chromeReasons = []article.Reason{
	article.ReasonShare, article.ReasonFollow, article.ReasonTeaser, article.ReasonComments,
	article.ReasonSubscribe, article.ReasonLogin, article.ReasonNewsletter, article.ReasonPaywall,
	article.ReasonAd, article.ReasonCookie, article.ReasonFooter, article.ReasonNav,
	article.ReasonCredit, article.ReasonByline,
}

// chrome says whether the line is page furniture by itself, from its
// phrases and shape alone, and why. It returns "" for a line that may be
// article text.
func (l *line) chrome() article.Reason {
	n, w := len(l.words), l.w
	if n == 0 {
		return article.ReasonBoilerplate
	}
	if l.linkLike {
		return article.ReasonNav
	}
	if r := l.repeatedLabel(); r != "" {
		return r
	}
	if l.copyright && n <= w.MaxCopyrightWords {
		// "© 2019 Example Media. All rights reserved." is a footer; "©
		// Jane Doe" is a photo credit; "© Jane Doe Crowds in the square"
		// is a caption with its credit, left for the figure finder.
		switch {
		case l.coverage(article.ReasonFooter) > 0 || (l.digits > 0 && n <= w.CopyrightFooterWords):
			return article.ReasonFooter
		case n <= w.CopyrightCreditWords:
			return article.ReasonCredit
		}
	}
	if l.isDateline() {
		return reasonMeta
	}
	if len(l.matches) == 0 {
		return ""
	}
	// A line made mostly of chrome phrases: "Share on Facebook", "Home News
	// Sport", "Photo: Reuters".
	if cov := float64(l.coverage(chromeReasons...)); cov >= w.ChromeShare*float64(n) && (n <= w.ShortLine || cov >= w.ChromeLongShare*float64(n)) {
		return l.topReason()
	}
	// A label opening a short line that is not prose.
	if n <= w.ShortLine && !l.sentence {
		for _, m := range l.matches {
			if m.Start == 0 && hasReason(openerReasons, m.Reason) && (m.Reason != article.ReasonByline || l.looksLikeByline()) {
				return m.Reason
			}
		}
	}
	// An offer or prompt that strings several phrases of one kind together:
	// "Subscribe now: three months for 0.99 a month, cancel anytime."
	if n <= w.OfferMaxWords {
		for _, r := range offerReasons {
			if l.count(r) >= w.OfferPhrases {
				return r
			}
		}
	}
	// A two-word label near the start of a short prompt: "Our comment
	// policy: ...", "Already a subscriber? Log in".
	if n <= w.PromptMaxWords {
		for _, m := range l.matches {
			if m.Len >= w.PromptLabelWords && m.Start <= w.PromptLabelStart && hasReason(promptReasons, m.Reason) {
				return m.Reason
			}
		}
	}
	// A long, specific phrase that only page furniture uses.
	if n <= w.StrongMaxWords {
		for _, m := range l.matches {
			if m.Len >= w.StrongPhraseWords && m.Reason != reasonMeta && m.Reason != article.ReasonNav {
				return m.Reason
			}
		}
	}
	return ""
}

// repeatedLabel returns why a line that is one short string printed twice
// or more back to back is chrome: the reason of that string when it is
// chrome by itself ("Share by e-mail" twice is share), else boilerplate,
// since only buttons, labels and menu items are printed that way. A line
// that repeats no string of RepeatMinWords to ShortLine words gives "".
func (l *line) repeatedLabel() article.Reason {
	if l.unit == "" {
		return ""
	}
	u := newLine(strings.TrimSpace(l.unit), l.w)
	if n := len(u.words); n < l.w.RepeatMinWords || n > l.w.ShortLine {
		return ""
	}
	if r := u.chrome(); r != "" {
		return r
	}
	return article.ReasonBoilerplate
}

// topReason is the chrome reason whose phrases cover most of the line; the
// first one found wins a tie.
func (l *line) topReason() article.Reason {
	type span struct{ n, end int }
	cover := map[article.Reason]*span{}
	var order []article.Reason
	for _, m := range l.matches {
		if m.Reason == reasonMeta {
			continue
		}
		c := cover[m.Reason]
		if c == nil {
			c = &span{}
			cover[m.Reason] = c
			order = append(order, m.Reason)
		}
		c.n += max(0, m.Start+m.Len-max(m.Start, c.end))
		c.end = max(c.end, m.Start+m.Len)
	}
	best, bestN := article.Reason(article.ReasonBoilerplate), 0
	for _, r := range order {
		if cover[r].n > bestN {
			best, bestN = r, cover[r].n
		}
	}
	return best
}

// isDateline reports whether the line is a date, a time or a reading-time
// note: short, and made of date words and numbers only.
func (l *line) isDateline() bool {
	n := len(l.words)
	if n == 0 || n > l.w.ShortLine {
		return false
	}
	covered := l.coverage(reasonMeta)
	if l.digits == 0 && !l.hasLongMetaWord() {
		// "de", "le" and "в" alone are not a date.
		return false
	}
	// Numbers count as date words; a dateline may carry one more word
	// (a place or "by").
	rest := n - covered - l.digits
	if l.digits > 0 && covered == 0 {
		// "12.03.2020 14:35" has only numbers.
		return rest == 0
	}
	return rest <= n/l.w.DatelineOtherDiv
}

// looksLikeByline reports whether a short line opening with a byline
// label ("By", "Reporter:") continues with names (rules.LooksLikeNames).
func (l *line) looksLikeByline() bool {
	n := len(strings.Fields(l.text))
	_, rest, _ := strings.Cut(l.text, " ")
	return n >= l.w.MinBylineFields && n <= l.w.MaxBylineFields && rules.LooksLikeNames(rest)
}

// isProse reports whether the line reads as a paragraph of the article:
// long enough and ending like a sentence, or simply long.
func (l *line) isProse() bool {
	n, w := len(l.words), l.w
	if l.sentence && n >= w.ProseWords {
		return true
	}
	// A long line without a closing mark is prose when it starts like a
	// sentence and is not a comma-separated tag list.
	return n >= w.LongProseWords && l.upper && float64(strings.Count(l.text, ",")) < w.ProseCommaShare*float64(n)
}

// isHeadline reports whether the line has the shape of a headline or
// subhead: a few words, no closing full stop.
func (l *line) isHeadline() bool {
	n := len(l.words)
	return n >= l.w.MinHeadlineWords && n <= l.w.MaxHeadlineWords && !l.sentence && !l.colon && !l.linkLike && l.upper
}

// hasLongMetaWord reports whether a date phrase of three or more letters
// (a month, a weekday, "updated") occurs in the line.
func (l *line) hasLongMetaWord() bool {
	for _, m := range l.matches {
		if m.Reason == reasonMeta && utf8.RuneCountInString(l.words[m.Start]) >= l.w.MetaWordRunes {
			return true
		}
	}
	return false
}

// isQuestionHead reports whether the line is a subhead asked as a question
// ("What happens next?"): a few words ending with a question mark.
func (l *line) isQuestionHead() bool {
	n := len(l.words)
	return n >= l.w.MinQuestionWords && n <= l.w.MaxQuestionWords && l.upper && strings.HasSuffix(strings.TrimRight(l.text, "\"'”’»"), "?")
}

// offerReasons are the kinds of chrome whose prompts name themselves more
// than once in a sentence; share is left out, as "shares" and "share
// price" meet in business news.
var offerReasons = []article.Reason{
	article.ReasonSubscribe, article.ReasonLogin, article.ReasonNewsletter,
	article.ReasonPaywall, article.ReasonCookie,
}

// count returns how many phrases of reason r occur in the line without
// overlapping.
func (l *line) count(r article.Reason) int {
	n, next := 0, 0
	for _, m := range l.matches {
		if m.Reason == r && m.Start >= next {
			n++
			next = m.Start + m.Len
		}
	}
	return n
}

// promptReasons are the kinds of chrome whose two-word labels ("comment
// policy", "log in") near the start of a line mark it as a prompt.
var promptReasons = []article.Reason{
	article.ReasonComments, article.ReasonCookie, article.ReasonPaywall,
	article.ReasonNewsletter, article.ReasonLogin, article.ReasonSubscribe,
}
