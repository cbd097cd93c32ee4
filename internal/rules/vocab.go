package rules

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
)

// The vocabulary of page furniture, one file per language,
// vocab/<lang>.txt (the file name without .txt is the language code), read
// by both modes:
//
//   - HTML mode (internal/content) matches a whole block against it
//     (MatchBlock, MatchBlockExact): a block is chrome when its whole text
//     is a phrase ("Share this article"), or when it is short and opens
//     with an opener ("Read also: <headline>").
//   - Text mode (internal/textmode) finds every phrase inside a line
//     (MatchLine) and weighs them: a line mostly made of phrases, or a short
//     line opening with one, is chrome.
//
// The two uses differ because a block boundary is markup the page drew,
// while a line of flattened text may hold a label run into the next piece
// of text; the phrases are the same.
//
// Format: a [reason] header line starts a section; every other non-blank
// line not starting with # is one phrase of that section, matched
// case-folded on whole words, punctuation ignored (LineWords). A trailing *
// marks an opener: HTML mode also cuts a short block that starts with it.
// In [byline], the openers are the byline prefixes ("By", "Przez",
// "Autor:"), the table CutBylinePrefix reads; HTML mode cuts a block that
// opens with one only when names follow (IsByline), never by the opener
// rule alone. A scope, " @line" or " @block" at the end of a phrase or inside
// a section header ("[meta @line]"), keeps phrases to one mode; each file
// says why where it uses one.
//
//go:embed vocab/*.txt
var vocabFiles embed.FS

// vocabSections maps a section header of the vocabulary files to the
// Reason its phrases produce. The [meta] section holds dates, times and
// reading-time notes; its phrases produce article.ReasonMeta.
var vocabSections = map[string]article.Reason{
	"share":      article.ReasonShare,
	"follow":     article.ReasonFollow,
	"teaser":     article.ReasonTeaser,
	"comments":   article.ReasonComments,
	"subscribe":  article.ReasonSubscribe,
	"login":      article.ReasonLogin,
	"newsletter": article.ReasonNewsletter,
	"paywall":    article.ReasonPaywall,
	"ad":         article.ReasonAd,
	"cookie":     article.ReasonCookie,
	"footer":     article.ReasonFooter,
	"nav":        article.ReasonNav,
	"credit":     article.ReasonCredit,
	"byline":     article.ReasonByline,
	"meta":       article.ReasonMeta,
	"button":     article.ReasonButton,
}

// Scope says which modes read a phrase.
type Scope uint8

const (
	// ScopeBlock: HTML mode matches the phrase against whole blocks.
	ScopeBlock Scope = 1 << iota
	// ScopeLine: text mode finds the phrase inside lines.
	ScopeLine
	// ScopeBoth is the default.
	ScopeBoth = ScopeBlock | ScopeLine
)

// scopeMarks are the scope markers of the vocabulary files.
var scopeMarks = map[string]Scope{"@line": ScopeLine, "@block": ScopeBlock}

// Phrase is one entry of the vocabulary.
type Phrase struct {
	// Words is the phrase split by LineWords.
	Words  []string
	Reason article.Reason
	Lang   string
	// Opener is true for a phrase written with a trailing *.
	Opener bool
	Scope  Scope
}

// Vocabulary holds the furniture phrases of all languages (share, follow,
// teaser, comments, dates, ...). It is indexed by the first word of each
// phrase, so a look-up costs one map probe per word of the text. A loaded
// vocabulary is never modified, so it is safe for concurrent use. Use
// Vocab.
type Vocabulary struct {
	byFirst map[string][]Phrase
	all     []Phrase
	// bylinePrefixes are the openers of the [byline] sections,
	// lower-cased, longest first, each once.
	bylinePrefixes []string
	// bylineByByte holds, for each ASCII byte a text may open with, the
	// byline prefixes that can match it, in the order of bylinePrefixes:
	// those whose first letter is that byte in either case, and those
	// opening with a non-ASCII letter (which case folding might match to
	// an ASCII one).
	bylineByByte [utf8.RuneSelf][]string
}

// Vocab is the vocabulary built from the embedded vocab/<lang>.txt files
// at start-up. A broken embedded file is a programming error caught by the
// tests, so loading it panics.
var Vocab = mustLoadVocab(vocabFiles)

func mustLoadVocab(fsys fs.FS) *Vocabulary {
	t, err := loadVocab(fsys)
	if err != nil {
		panic(err)
	}
	return t
}

// lowerASCII lower-cases an ASCII letter and leaves other bytes alone.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// loadVocab reads every vocab/*.txt file of fsys into one table.
func loadVocab(fsys fs.FS) (*Vocabulary, error) {
	names, err := fs.Glob(fsys, "vocab/*.txt")
	if err != nil {
		return nil, err
	}
	t := &Vocabulary{byFirst: map[string][]Phrase{}}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		if err := t.add(lang, string(data)); err != nil {
			return nil, fmt.Errorf("rules: %s: %w", name, err)
		}
	}
	slices.SortStableFunc(t.bylinePrefixes, func(a, b string) int { return len(b) - len(a) })
	for c := range t.bylineByByte {
		for _, p := range t.bylinePrefixes {
			if p[0] >= utf8.RuneSelf || lowerASCII(p[0]) == lowerASCII(byte(c)) {
				t.bylineByByte[c] = append(t.bylineByByte[c], p)
			}
		}
	}
	return t, nil
}

// cutScope splits a trailing scope marker off a phrase or section header.
func cutScope(s string, def Scope) (string, Scope, error) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 || !strings.HasPrefix(s[i+1:], "@") {
		return s, def, nil
	}
	sc, ok := scopeMarks[s[i+1:]]
	if !ok {
		return "", 0, fmt.Errorf("unknown scope %s", s[i+1:])
	}
	return strings.TrimSpace(s[:i]), sc, nil
}

// add parses one language file into the table.
func (t *Vocabulary) add(lang, data string) error {
	var reason article.Reason
	var sectionScope Scope
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			head, scope, err := cutScope(line[1:len(line)-1], ScopeBoth)
			r, ok := vocabSections[head]
			if err != nil || !ok {
				return fmt.Errorf("line %d: unknown section %s", n, line)
			}
			reason, sectionScope = r, scope
			continue
		}
		if reason == "" {
			return fmt.Errorf("line %d: phrase %q before any [section]", n, line)
		}
		line, scope, err := cutScope(line, sectionScope)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		line, opener := strings.CutSuffix(line, "*")
		line = strings.TrimSpace(line)
		if opener && reason == article.ReasonByline {
			if p := strings.ToLower(line); !slices.Contains(t.bylinePrefixes, p) {
				t.bylinePrefixes = append(t.bylinePrefixes, p)
			}
		}
		words := LineWords(line)
		if len(words) == 0 {
			return fmt.Errorf("line %d: phrase %q has no words", n, line)
		}
		p := Phrase{Words: words, Reason: reason, Lang: lang, Opener: opener, Scope: scope}
		t.byFirst[words[0]] = append(t.byFirst[words[0]], p)
		t.all = append(t.all, p)
	}
	return sc.Err()
}

// Phrases returns every entry of the vocabulary, in file order. The caller
// must not modify it.
func (t *Vocabulary) Phrases() []Phrase { return t.all }

// LineMatch is one phrase found in a line of words.
type LineMatch struct {
	// Start is the index of the phrase's first word in the line.
	Start int
	// Len is the phrase's length in words.
	Len int
	// Reason is the chrome the phrase marks (article.ReasonMeta for dates).
	Reason article.Reason
}

// MatchLine returns every line-scoped phrase that occurs in words, a line
// split by LineWords, in order of position; phrases that start at the same
// word come in table order. Matches may overlap.
func (t *Vocabulary) MatchLine(words []string) []LineMatch {
	var out []LineMatch
	for i, w := range words {
		for _, p := range t.byFirst[w] {
			if p.Scope&ScopeLine != 0 && hasWordsAt(words, i, p.Words) {
				out = append(out, LineMatch{Start: i, Len: len(p.Words), Reason: p.Reason})
			}
		}
	}
	return out
}

// hasWordsAt reports whether phrase occurs in words at index i.
func hasWordsAt(words []string, i int, phrase []string) bool {
	return i+len(phrase) <= len(words) && slices.Equal(words[i:i+len(phrase)], phrase)
}

// MaxPhraseWords is the longest block, in words, that MatchBlock looks at
// for an opener: furniture labels are short, and a long block that merely
// opens with "Read more" is prose.
const MaxPhraseWords = 16

// maxBlockBytes is the longest block MatchBlock looks at.
const maxBlockBytes = 200

// MatchBlock reports the chrome Reason for a block whose whole text is a
// block-scoped phrase, or that is short and opens with an opener such as
// "Read also:". It returns "" for anything else. A phrase listed under two
// reasons gives the first in table order.
func (t *Vocabulary) MatchBlock(text string) article.Reason {
	if len(text) > maxBlockBytes || !t.startsPhrase(text) {
		return ""
	}
	words := LineWords(text)
	if r := t.matchWhole(words, true); r != "" || len(words) == 0 {
		return r
	}
	// The longest opener wins: "Sign up for our newsletter ..." is a
	// newsletter box before it is a sign-up prompt.
	var r article.Reason
	n := 0
	for _, p := range t.byFirst[words[0]] {
		if p.Opener && len(p.Words) > n && p.Scope&ScopeBlock != 0 && p.Reason != article.ReasonByline && hasWordsAt(words, 0, p.Words) {
			r, n = p.Reason, len(p.Words)
		}
	}
	// Words are counted as Fold splits them ("SSW's" is one).
	if r != "" && strings.Count(Fold(text), " ")+1 > MaxPhraseWords {
		return ""
	}
	return r
}

// MatchBlockExact reports the Reason of a block that is a label naming a
// whole section and nothing else ("Related stories", "Comments"), for the
// rules that cut the section under such a heading. Openers do not count:
// "See also" or "Read more" leads into the link beside it, and a "See
// also" heading in documentation opens part of the page.
func (t *Vocabulary) MatchBlockExact(text string) article.Reason {
	if len(text) > maxBlockBytes || !t.startsPhrase(text) {
		return ""
	}
	return t.matchWhole(LineWords(text), false)
}

// matchWhole returns the reason of the first block-scoped phrase that is
// all of words; openers count when withOpeners is set.
func (t *Vocabulary) matchWhole(words []string, withOpeners bool) article.Reason {
	if len(words) == 0 {
		return ""
	}
	for _, p := range t.byFirst[words[0]] {
		if p.Scope&ScopeBlock != 0 && (withOpeners || !p.Opener) && slices.Equal(p.Words, words) {
			return p.Reason
		}
	}
	return ""
}

// LineWords lower-cases s and splits it into words of letters and digits;
// every other rune (punctuation, apostrophes, hyphens, symbols) separates
// words. Phrases and lines are split alike, so "e-mail" matches "e mail".
// Han, Hiragana and Katakana characters are one word each. A combining
// mark continues a word; one with no letter before it (the variation
// selector of an emoji, "➡️") is dropped.
func LineWords(s string) []string {
	var words []string
	lower := strings.ToLower(s)
	for i := 0; ; {
		start, end := nextWord(lower, i)
		if start == end {
			return words
		}
		words = append(words, lower[start:end])
		i = end
	}
}

// nextWord returns the bounds of the first word of s[i:] as LineWords
// splits it; start == end when there is none.
func nextWord(s string, i int) (start, end int) {
	start = -1
	for k, r := range s[i:] {
		k += i
		if isIdeograph(r) {
			// Chinese and Japanese write no spaces: each character
			// counts as a word, which keeps the length thresholds sane.
			if start >= 0 {
				return start, k
			}
			return k, k + utf8.RuneLen(r)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || start >= 0 && unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = k
			}
			continue
		}
		if start >= 0 {
			return start, k
		}
	}
	if start < 0 {
		return len(s), len(s)
	}
	return start, len(s)
}

// startsPhrase reports whether the first word of text is the first word of
// a phrase. It does not allocate for a short first word: most blocks are
// not furniture, and MatchBlock runs on every short block.
func (t *Vocabulary) startsPhrase(text string) bool {
	start, end := nextWord(text, 0)
	var buf [64]byte
	w := buf[:0]
	for _, r := range text[start:end] {
		w = utf8.AppendRune(w, unicode.ToLower(r))
	}
	_, ok := t.byFirst[string(w)]
	return ok
}

// isIdeograph reports whether r is a Han, Hiragana or Katakana character.
func isIdeograph(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}
