package content

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// filter runs the fourth step: it decides, block by block, what of the
// root's content is kept.
func (x *extraction) filter() {
	maxDensity := x.weights.MaxLinkDensity
	switch x.opts.Focus {
	case rules.Precision:
		maxDensity *= x.weights.PrecisionDensityScale
	case rules.Recall:
		maxDensity = min(x.weights.RecallMaxDensity, maxDensity*x.weights.RecallDensityScale)
	}
	title := rules.Fold(x.md.Title)
	seenBody := false
	seen := map[string]bool{}
	section, sectionReason := int32(-1), label.NoMark
	chk := x.labels.Check()
	for i := range x.blocks {
		if chk.Stop() {
			return
		}
		b := &x.blocks[i]
		if !x.ancestorOf(x.root, b.owner) {
			b.reason = label.MarkOutsideArticle
			if b.Type == article.Heading && title != "" && rules.FoldIs(b.Text, title) {
				b.reason = label.MarkTitle // say which piece it was
			}
			continue
		}
		if section >= 0 {
			if b.Type != article.Heading && x.ancestorOf(section, b.owner) {
				b.reason = sectionReason
				continue
			}
			section = -1
		}
		b.reason = label.MarkOf(x.localReason(b, maxDensity, title, seenBody))
		if b.reason == label.MarkLinkDensity && (x.kinds.titles[i] || x.badgedTitle(i) || b.Type == article.Heading && x.entryHeadline(b) ||
			x.kinds.run.linked && (x.inItem(b.owner) || b.owner == x.kinds.run.parent) || x.linkedSummary(b)) {
			// an item's title in a run of items, or a linked headline
			// in an item of a lifted run (a section's stories), or the
			// run read as one list of linked items, or an item's
			// summary set in its link
			b.reason = label.NoMark
		}
		if b.reason == label.NoMark && x.kinds.labels[i] {
			b.reason = label.MarkMeta // a label printed in every item
		}
		if r := label.MarkOf(sectionOpener(b)); r != label.NoMark {
			// "More stories" set as a paragraph or a styled <div>: cut
			// what follows it in the same container.
			b.reason, sectionReason = r, r
			section = x.nodes[b.owner].Parent
			continue
		}
		if b.reason != label.NoMark {
			continue
		}
		if b.Type == article.Paragraph && len(b.Text) > x.weights.MinDuplicateText {
			if seen[b.Text] {
				b.reason = label.MarkDuplicate
				continue
			}
			seen[b.Text] = true
		}
		b.keep = true
		if x.longParagraph(b) {
			seenBody = true
		}
	}
	if x.opts.Focus != rules.Recall {
		x.dropBeforeTitle()
	}
	x.keepLeadFigure()
	x.dropRepeatedCaptions()
	x.dropProductReviews()
	x.dropProductPickers()
	x.dropProductLabels()
	x.keepLinkedItemHeadings()
	x.keepEntryTitles()
	x.dropTrailingFurniture()
	x.dropTrailingSection()
	x.dropOrphanHeadings()
	if x.captionBody {
		x.captionsToText()
	}
}

// captionsToText turns the kept figures of a slideshow into paragraphs of
// their captions: they are the page's text, and the plain text and the
// word count read paragraphs.
func (x *extraction) captionsToText() {
	for i := range x.blocks {
		b := &x.blocks[i]
		if !b.keep || b.Type != article.Figure || b.Caption == "" {
			continue
		}
		text := b.Caption
		if b.Credit != "" {
			text += " " + b.Credit
		}
		*b.Block = article.Block{Type: article.Paragraph, Text: text}
		b.words, b.fill = clampWords(dom.CountWords(text)), fillUnknown
	}
}

// keepLinkedItemHeadings keeps a heading cut only for being a link when
// a kept sentence (Weights.ShortBlockWords or more) follows it in the
// same container: the name of an
// item in a list article ("1. The Corner Table", linked to the place),
// not a teaser, whose card would have been cut whole. Only headings
// under the body's first paragraph count: a linked heading above it is
// the headline.
func (x *extraction) keepLinkedItemHeadings() {
	seenBody := false
	for i := range x.blocks {
		h := &x.blocks[i]
		if h.keep && x.longParagraph(h) {
			seenBody = true
		}
		if !seenBody || h.Type != article.Heading || h.reason != label.MarkLinkDensity || h.teaser || i+1 >= len(x.blocks) {
			continue
		}
		next := &x.blocks[i+1]
		if !next.keep || next.Type != article.Paragraph && next.Type != article.List || int(next.words) < x.weights.ShortBlockWords {
			continue
		}
		if p := x.nodes[h.owner].Parent; p >= 0 && x.ancestorOf(p, next.owner) {
			h.keep, h.reason = true, label.NoMark
		}
	}
}

// keepEntryTitles keeps the title lines of a flat index of entries (a
// blog's front page set as paragraphs, not as cards): a paragraph cut
// only for being a link, followed within CaptionReach blocks by a kept
// sentence (its summary) that is not inside it, counts when at least
// Weights.MinEntryTitles paragraphs of the same element and class under
// the same parent count. One linked line before a paragraph ("Read
// more: ...") stays cut.
func (x *extraction) keepEntryTitles() {
	type key struct {
		parent int32
		tag    string
		class  string
	}
	var groups map[key][]int
	for i := range x.blocks {
		b := &x.blocks[i]
		if b.reason != label.MarkLinkDensity || b.Type != article.Paragraph || b.teaser || !x.ancestorOf(x.root, b.owner) {
			continue
		}
		class := dom.Attr(x.labels.DOM(b.owner), "class")
		if class == "" || !opensWithLink(x.labels.DOM(b.owner)) {
			continue
		}
		summary := false
		for j := i + 1; j < len(x.blocks) && j <= i+x.weights.CaptionReach; j++ {
			n := &x.blocks[j]
			if n.keep && n.Type == article.Paragraph && int(n.words) >= x.weights.ShortBlockWords && !x.ancestorOf(b.owner, n.owner) {
				summary = true
				break
			}
		}
		if !summary {
			continue
		}
		if groups == nil {
			groups = make(map[key][]int)
		}
		k := key{x.nodes[b.owner].Parent, x.labels.DOM(b.owner).Data(), class}
		groups[k] = append(groups[k], i)
	}
	for _, ids := range groups {
		if len(ids) < x.weights.MinEntryTitles {
			continue
		}
		for _, i := range ids {
			x.blocks[i].keep, x.blocks[i].reason = true, label.NoMark
		}
	}
}

// opensWithLink reports whether n's text opens with a link: an entry's
// title names it first ("<a>Title</a>, date"), a label line does not
// ("Posted in <a>News</a>").
func opensWithLink(n dom.Node) bool {
	for c := n.FirstChild(); !c.Nil(); {
		switch {
		case c.Type() == html.TextNode && strings.TrimSpace(c.Data()) != "":
			return false
		case c.Type() == html.ElementNode && c.DataAtom() == atom.A:
			return true
		case c.Type() == html.ElementNode && !c.FirstChild().Nil():
			c = c.FirstChild()
			continue
		}
		for c.NextSibling().Nil() && c.Parent() != n {
			c = c.Parent()
		}
		c = c.NextSibling()
	}
	return false
}

// keepLeadFigure keeps the lead picture that news templates set between
// the headline and the body container the root was chosen as: the
// first figure in the Weights.LeadReach blocks under the headline, when
// nothing but bylines, dates and the standfirst stands between them.
func (x *extraction) keepLeadFigure() {
	title, start := -1, -1
	for i := range x.blocks {
		b := &x.blocks[i]
		if title < 0 && b.reason == label.MarkTitle && !x.ancestorOf(x.root, b.owner) {
			title = i
		}
		if x.ancestorOf(x.root, b.owner) {
			start = i
			break
		}
	}
	if title < 0 || start < 0 || start-title-1 > x.weights.LeadReach {
		return
	}
	for i := title + 1; i < start; i++ {
		b := &x.blocks[i]
		if b.Type == article.Figure {
			if !b.teaser && b.reason == label.MarkOutsideArticle && b.Src != "" {
				b.keep, b.reason = true, label.NoMark
			}
			return
		}
		if b.Type != article.Paragraph && b.Type != article.Heading || b.teaser || int(b.words) > x.weights.MaxLeadWords {
			return
		}
	}
}

// dropTrailingSection cuts a last section that is about the publisher or
// the author rather than the story ("Media contact", "About the author").
// It must run to the end of the body and be the smaller part of it. An
// "About <company>" section is kept: benchmarks disagree on it.
func (x *extraction) dropTrailingSection() {
	total, opener, after := 0, -1, 0
	for i := range x.blocks {
		b := &x.blocks[i]
		if !b.keep {
			continue
		}
		total += int(b.words)
		switch {
		case isTrailingOpener(b):
			opener, after = i, 0
		case b.Type == article.Heading:
			opener = -1
		}
		if opener >= 0 {
			after += int(b.words)
		}
	}
	if opener < 0 || after*x.weights.TrailingSectionShare > total {
		return
	}
	for i := opener; i < len(x.blocks); i++ {
		if b := &x.blocks[i]; b.keep {
			b.keep, b.reason = false, label.MarkBoilerplate
		}
	}
}

// isTrailingOpener reports a heading or short paragraph that opens a
// contact or author section.
func isTrailingOpener(b *block) bool {
	if b.Type != article.Heading && b.Type != article.Paragraph {
		return false
	}
	first, _, _ := strings.Cut(b.Text, "\n") // "Media contact:" may share a <p> with the contact
	// Folded into a buffer of its own, and only as far as the longest
	// phrase: a long paragraph is not folded whole to miss the table.
	var buf [64]byte
	f, ok := rules.AppendFold(buf[:0], first, maxTrailingPhrase)
	return ok && rules.TrailingSectionPhrases[string(f)]
}

var space = []byte{' '}

// maxTrailingPhrase is the length of the longest TrailingSectionPhrases key.
var maxTrailingPhrase = func() int {
	n := 0
	for k := range rules.TrailingSectionPhrases {
		n = max(n, len(k))
	}
	return n
}()

// isTimestamp reports a block that is nothing but a clock time or a date
// ("16:42", "12.05.2024"), as live blogs print over each entry.
func isTimestamp(text string, w *rules.Weights) bool {
	t := strings.TrimSpace(text)
	if t == "" || len(t) > w.MaxTimestampLen {
		return false
	}
	digits := 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ':' || r == '.' || r == '/' || r == '-' || r == '–' || r == ' ' || r == 'h':
		default:
			return false
		}
	}
	return digits >= w.MinTimestampDigits
}

// dropTrailingFurniture cuts comment policies from the end of the body
// backwards.
func (x *extraction) dropTrailingFurniture() {
	for i := len(x.blocks) - 1; i >= 0; i-- {
		b := &x.blocks[i]
		if !b.keep || b.Type == article.Figure {
			continue
		}
		switch {
		case b.Type == article.Paragraph && int(b.words) <= x.weights.MaxPolicyWords && rules.IsCommentPolicy(b.Text):
			b.keep, b.reason = false, label.MarkComments
		default:
			return
		}
	}
}

// dropBeforeTitle cuts what the root holds above the article's headline:
// kickers, tickers and breadcrumbs come there, the body never does.
func (x *extraction) dropBeforeTitle() {
	title := -1
	for i := range x.blocks {
		if x.blocks[i].reason == label.MarkTitle && x.ancestorOf(x.root, x.blocks[i].owner) {
			title = i
			break
		}
	}
	for i := 0; i < title; i++ {
		// Prose above a second headline (a recipe card's, say) is the
		// article, and the headline is the one that is out of place.
		if b := &x.blocks[i]; b.keep && b.Type == article.Paragraph && int(b.words) >= x.weights.TitleProseWords && endsSentence(b.Text) {
			return
		}
	}
	// The cards of a grid lifted as the page's content are the page's
	// wherever its headline is printed: a shop may set the category's
	// title and intro under its products.
	cards := x.kinds.lifted && x.fieldedCards(x.kinds.run)
	for i := 0; i < title; i++ {
		if b := &x.blocks[i]; b.keep && !(cards && (x.inItem(b.owner) || b.owner == x.kinds.run.parent)) {
			b.keep, b.reason = false, label.MarkOutsideArticle
		}
	}
}

// sectionOpener reports the reason of a short block that announces a
// section of teasers or comments, or "".
func sectionOpener(b *block) article.Reason {
	if b.Type != article.Paragraph && b.Type != article.Heading || int(b.words) > rules.MaxTeaserHeadingWords {
		return ""
	}
	if r := rules.Vocab.MatchBlockExact(b.Text); r == article.ReasonTeaser || r == article.ReasonComments {
		return r
	}
	if rules.IsTeaserHeading(b.Text) {
		return article.ReasonTeaser
	}
	return ""
}

// localReason is the reason to cut a block inside the root, or "".
func (x *extraction) localReason(b *block, maxDensity float64, title string, seenBody bool) article.Reason {
	if b.teaser {
		return article.ReasonTeaser
	}
	switch b.Type {
	case article.Figure:
		return ""
	case article.Heading:
		if title != "" && (b.Level <= x.weights.TitleHeadingLevel || !seenBody) {
			if rules.FoldWithin(b.Text, title, x.weights.MinTitleFragment) {
				return article.ReasonTitle
			}
		}
	case article.List:
		if len(b.Items) == 1 {
			if r := rules.Vocab.MatchBlock(b.Items[0]); r != "" {
				return r
			}
		}
	}
	if r := rules.Vocab.MatchBlock(b.Text); r != "" {
		return r
	}
	if x.filler(b) {
		return article.ReasonBoilerplate
	}
	if b.Type == article.Paragraph && rules.IsCookieNotice(b.Text) {
		return article.ReasonCookie
	}
	if b.Type == article.Paragraph && isTimestamp(b.Text, &x.weights) {
		return article.ReasonByline
	}
	if b.words > 0 && b.Type != article.Code {
		density := float64(b.linkWords) / float64(b.words)
		if density > maxDensity && (int(b.words) < x.weights.LongBlockWords || density > x.weights.MaxLongBlockDensity) {
			return article.ReasonLinkDensity
		}
	}
	if !seenBody && b.Type == article.Paragraph && looksLikeByline(b.Text, int(b.words), &x.weights) {
		return article.ReasonByline
	}
	// With the precision focus a short line that is no sentence (a label,
	// a stray caption, a date) goes too.
	if x.opts.Focus == rules.Precision && b.Type == article.Paragraph && int(b.words) < x.weights.PrecisionMinWords && !endsSentence(b.Text) {
		return article.ReasonLowTextDensity
	}
	return ""
}

// dropRepeatedCaptions cuts a paragraph that repeats the caption or alt
// text of a figure next to it: pages often print a caption twice.
func (x *extraction) dropRepeatedCaptions() {
	for i := range x.blocks {
		fig := &x.blocks[i]
		if fig.Type != article.Figure {
			continue
		}
		// The figure's texts are folded once, when a paragraph is near,
		// not again for every paragraph; a paragraph is folded only when
		// the figure has a text it could repeat.
		var caption, alt, credit string
		foldedFig := false
		for j := max(0, i-x.weights.CaptionReach); j < min(len(x.blocks), i+x.weights.CaptionReach+1); j++ {
			b := &x.blocks[j]
			if j == i || !b.keep || b.Type != article.Paragraph {
				continue
			}
			if rules.FoldIs(b.Text, "") {
				continue
			}
			if !foldedFig {
				caption, alt, credit = rules.Fold(fig.Caption), rules.Fold(fig.Alt), rules.Fold(fig.Credit)
				foldedFig = true
			}
			if caption != "" || alt != "" || credit != "" {
				t := rules.Fold(b.Text)
				if repeatsCaption(t, caption, x.weights.MaxCreditWords) || repeatsCaption(t, alt, x.weights.MaxCreditWords) || t == credit {
					b.keep, b.reason = false, label.MarkDuplicate
					continue
				}
			}
			if fig.Caption == "" && fig.keep && int(b.words) <= x.weights.MaxCaptionLineWords && j == i+1 && !endsSentence(b.Text) && !x.repeatedImage(fig) {
				// An image followed by a short unpunctuated line: that
				// line is its caption.
				fig.Caption = b.Text
				caption = rules.Fold(fig.Caption)
				b.keep, b.reason = false, label.MarkCredit
			}
		}
	}
}

// entryHeadline reports a linked headline inside an item of a run lifted
// as the page's content: an entry of a listing, whole without a summary
// under it (a news index's row of headlines), not a section's heading.
func (x *extraction) entryHeadline(h *block) bool {
	return x.kinds.lifted && h.linkWords > 0 && 2*int(h.linkWords) >= int(h.words) && x.inItem(h.owner)
}

// repeatedImage reports whether the page shows fig's image in at least
// Weights.RepeatedImageFigures figures: a bullet, a check mark or a
// card's background, printed beside each item of a list, whose line is
// the item's text, not the picture's caption.
func (x *extraction) repeatedImage(fig *block) bool {
	if fig.Src == "" || x.weights.RepeatedImageFigures <= 0 {
		return false
	}
	if x.figureSrcs == nil {
		// Counted once per reading, on the first question.
		x.figureSrcs = make(map[string]int)
		for i := range x.blocks {
			if b := &x.blocks[i]; b.Type == article.Figure && b.Src != "" {
				x.figureSrcs[b.Src]++
			}
		}
	}
	return x.figureSrcs[fig.Src] >= x.weights.RepeatedImageFigures
}

// repeatsCaption reports whether the folded paragraph text is the folded
// caption, alone or followed by a credit of at most creditWords words
// ("… Photo: Jane Roe").
func repeatsCaption(text, caption string, creditWords int) bool {
	if caption == "" {
		return false
	}
	rest, ok := strings.CutPrefix(text, caption)
	return ok && len(strings.Fields(rest)) <= creditWords
}

// dropOrphanHeadings cuts a heading whose section lost all its blocks (the
// "Related stories" over a teaser list that was cut), and trailing
// headings with nothing after them.
func (x *extraction) dropOrphanHeadings() {
	for i := range x.blocks {
		h := &x.blocks[i]
		if h.Type != article.Heading || !h.keep || x.entryHeadline(h) || x.inHeadingRun(i) {
			continue
		}
		var cut label.Mark
		hasKept := false
		for j := i + 1; j < len(x.blocks); j++ {
			b := &x.blocks[j]
			if b.Type == article.Heading && b.Level <= h.Level {
				break
			}
			if b.keep {
				hasKept = true
				break
			}
			if cut == label.NoMark && b.reason != label.MarkOutsideArticle {
				cut = b.reason
			}
		}
		if !hasKept {
			if cut == label.NoMark {
				cut = label.MarkBoilerplate
			}
			h.keep, h.reason = false, cut
		}
	}
}

// inHeadingRun reports whether the heading block at i is one of at
// least Weights.HeadingRunLength kept headings of one level that follow
// each other with no other block between them, and no menu cut between
// them either (a footer's column titles over the menus the label pass
// cut): a grid of cards that hold a title only ("Strategy",
// "Operations", "Analytics"), whose titles are the text, not headings
// left without their sections.
func (x *extraction) inHeadingRun(i int) bool {
	if x.weights.HeadingRunLength <= 0 {
		return false
	}
	level := x.blocks[i].Level
	head := func(j int) bool {
		b := &x.blocks[j]
		return b.Type == article.Heading && b.keep && b.Level == level
	}
	joined := func(j int) bool { return !x.cutBetween(x.blocks[j-1].owner, x.blocks[j].owner) }
	// Only whether the run is long enough matters: each side is read
	// no further than that, so a page of many titles costs no more.
	need := x.weights.HeadingRunLength
	start, end := i, i
	for start > 0 && i-start+1 < need && head(start-1) && joined(start) {
		start--
	}
	for end+1 < len(x.blocks) && end-start+1 < need && head(end+1) && joined(end+1) {
		end++
	}
	return end-start+1 >= need
}

// cutBetween reports whether a menu holding text (an element cut as
// navigation, a header, a footer or a sidebar) was cut after the element
// a (and its subtree) and before the element b.
func (x *extraction) cutBetween(a, b int32) bool {
	for id := x.nodes[a].End; id < b; id++ {
		if e := &x.nodes[id]; e.removed && e.TextLen > 0 && menuMarks.Has(e.mark) {
			return true
		}
	}
	return false
}

// looksLikeByline reports a short line that names the author or the date
// ("By Jane Doe", "Published Monday, November 18, 2019 8:22AM EST").
func looksLikeByline(text string, words int, w *rules.Weights) bool {
	if words > w.MaxBylineWords || endsSentence(text) && words > w.MaxBylineSentenceWords {
		return false
	}
	if rules.IsByline(text) {
		return true
	}
	if endsSentence(text) {
		return false
	}
	var buf [256]byte
	f, _ := rules.AppendFold(buf[:0], text, -1)
	for len(f) > 0 { // folded: words split by single spaces
		var w []byte
		w, f, _ = bytes.Cut(f, space)
		if rules.DatelineWords[string(w)] {
			return true
		}
	}
	return hasDateTime(text)
}

// hasDateTime reports a numeric date with a year ("15/10/2024",
// "2024-11-05", "19.11.2019") or a year beside a clock time ("2019 8:22").
func hasDateTime(text string) bool {
	year, sep, clock := false, false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' {
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if n := text[i:j]; len(n) == 4 && (n[:2] == "19" || n[:2] == "20") {
			year = true
		}
		if j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
			switch text[j] {
			case '/', '-', '.':
				sep = true
			case ':':
				clock = true
			}
		}
		i = j
	}
	return year && (sep || clock)
}

// endsSentence reports whether text ends like a sentence.
func endsSentence(text string) bool {
	t := strings.TrimRight(text, " \"'”’»)]")
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return strings.HasSuffix(t, "。") || strings.HasSuffix(t, "…") || strings.HasSuffix(t, "！") || strings.HasSuffix(t, "？")
}

// linkedSummary reports a paragraph of an item of a lifted run that is
// a sentence of Weights.SentenceMinWords words or more set in a link:
// the item's summary linked to the item, as a listing's cards print it.
func (x *extraction) linkedSummary(b *block) bool {
	return x.kinds.lifted && b.Type == article.Paragraph && int(b.words) >= x.weights.SentenceMinWords && endsSentence(b.Text) && x.inItem(b.owner)
}
