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

// linePhraseFiles holds the phrase table of text mode, one file per
// language, lines/<lang>.txt: a [reason] header line starts a section, every
// other non-blank line not starting with # is one phrase of that section.
// The file name (without .txt) is the language code. A trailing * marks an
// opener: in the [byline] section, a word that opens a byline ("By",
// "Przez", "Autor:"), gathered into the byline-prefix table (see
// CutBylinePrefix). The line matcher reads an opener like any phrase.
//
//go:embed lines/*.txt
var linePhraseFiles embed.FS

// lineSections maps a section header of the line phrase files to the Reason
// its phrases produce. The [meta] section holds dates, times and
// reading-time notes; its phrases produce article.ReasonMeta.
var lineSections = map[string]article.Reason{
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
}

// linePhrase is one entry of the line phrase table, split into words by
// LineWords.
type linePhrase struct {
	words  []string
	reason article.Reason
	lang   string
}

// LinePhraseTable finds the furniture phrases of all languages (share,
// follow, teaser, comments, dates, ...) in a line of flattened page text.
// It is indexed by the first word of each phrase, so a look-up costs one map
// probe per word of the line. A loaded table is never modified, so it is
// safe for concurrent use. Use LinePhrases.
type LinePhraseTable struct {
	byFirst map[string][]linePhrase
	size    int
	// bylinePrefixes are the openers of the [byline] sections,
	// lower-cased, longest first, each once.
	bylinePrefixes []string
}

// LinePhrases is the table built from the embedded lines/<lang>.txt files
// at start-up. A broken embedded file is a programming error caught by the
// tests, so loading it panics.
var LinePhrases = mustLoadLinePhrases(linePhraseFiles)

func mustLoadLinePhrases(fsys fs.FS) *LinePhraseTable {
	t, err := loadLinePhrases(fsys)
	if err != nil {
		panic(err)
	}
	return t
}

// loadLinePhrases reads every lines/*.txt file of fsys into one table.
func loadLinePhrases(fsys fs.FS) (*LinePhraseTable, error) {
	names, err := fs.Glob(fsys, "lines/*.txt")
	if err != nil {
		return nil, err
	}
	t := &LinePhraseTable{byFirst: map[string][]linePhrase{}}
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
	return t, nil
}

// add parses one language file into the table.
func (t *LinePhraseTable) add(lang, data string) error {
	var reason article.Reason
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			r, ok := lineSections[line[1:len(line)-1]]
			if !ok {
				return fmt.Errorf("line %d: unknown section %s", n, line)
			}
			reason = r
			continue
		}
		if reason == "" {
			return fmt.Errorf("line %d: phrase %q before any [section]", n, line)
		}
		if p, ok := strings.CutSuffix(line, "*"); ok {
			if reason != article.ReasonByline {
				return fmt.Errorf("line %d: opener %q outside [byline]", n, line)
			}
			line = strings.TrimSpace(p)
			if p := strings.ToLower(line); !slices.Contains(t.bylinePrefixes, p) {
				t.bylinePrefixes = append(t.bylinePrefixes, p)
			}
		}
		words := LineWords(line)
		if len(words) == 0 {
			return fmt.Errorf("line %d: phrase %q has no words", n, line)
		}
		t.byFirst[words[0]] = append(t.byFirst[words[0]], linePhrase{words: words, reason: reason, lang: lang})
		t.size++
	}
	return sc.Err()
}

// LineMatch is one phrase found in a line of words.
type LineMatch struct {
	// Start is the index of the phrase's first word in the line.
	Start int
	// Len is the phrase's length in words.
	Len int
	// Reason is the chrome the phrase marks (article.ReasonMeta for dates).
	Reason article.Reason
}

// Match returns every phrase of the table that occurs in words, a line
// split by LineWords, in order of position; phrases that start at the same
// word come in table order. Matches may overlap.
func (t *LinePhraseTable) Match(words []string) []LineMatch {
	var out []LineMatch
	for i, w := range words {
		for _, p := range t.byFirst[w] {
			if i+len(p.words) > len(words) {
				continue
			}
			ok := true
			for j := 1; j < len(p.words); j++ {
				if words[i+j] != p.words[j] {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, LineMatch{Start: i, Len: len(p.words), Reason: p.reason})
			}
		}
	}
	return out
}

// LineWords lower-cases s and splits it into words of letters and digits;
// every other rune (punctuation, apostrophes, hyphens, symbols) separates
// words. Phrases and lines are split alike, so "e-mail" matches "e mail".
// Han, Hiragana and Katakana characters are one word each.
func LineWords(s string) []string {
	var words []string
	start := -1
	lower := strings.ToLower(s)
	for i, r := range lower {
		if isIdeograph(r) {
			// Chinese and Japanese write no spaces: each character
			// counts as a word, which keeps the length thresholds sane.
			if start >= 0 {
				words = append(words, lower[start:i])
				start = -1
			}
			words = append(words, lower[i:i+utf8.RuneLen(r)])
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, lower[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, lower[start:])
	}
	return words
}

// isIdeograph reports whether r is a Han, Hiragana or Katakana character.
func isIdeograph(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}
