package textmode

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
)

// phraseFiles holds one table per language, phrases/<lang>.txt: a [reason]
// header line starts a section, every other non-blank line not starting
// with # is one phrase of that section. The file name (without .txt) is the
// language code.
//
//go:embed phrases/*.txt
var phraseFiles embed.FS

// reasonMeta marks dates, times and reading-time notes. It is kept apart
// from the chrome reasons because a date word alone ("May", "Monday") says
// nothing; only a line made of such words and numbers is a dateline.
const reasonMeta = article.ReasonMeta

// sectionReasons maps a section header of the phrase files to the Reason its
// phrases produce.
var sectionReasons = map[string]article.Reason{
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
	"meta":       reasonMeta,
}

// phrase is one entry of a phrase table, split into normalized words.
type phrase struct {
	words  []string
	reason article.Reason
	lang   string
}

// phraseTable finds the phrases of all languages in a line of words. It is
// indexed by the first word of each phrase, so a look-up costs one map
// probe per word of the line.
type phraseTable struct {
	byFirst map[string][]phrase
	size    int
}

// phrases is the table built from the embedded files at start-up. A broken
// embedded file is a programming error caught by the tests, so it panics.
var phrases = mustLoadPhrases(phraseFiles)

func mustLoadPhrases(fsys fs.FS) *phraseTable {
	t, err := loadPhrases(fsys)
	if err != nil {
		panic(err)
	}
	return t
}

// loadPhrases reads every phrases/*.txt file of fsys into one table.
func loadPhrases(fsys fs.FS) (*phraseTable, error) {
	names, err := fs.Glob(fsys, "phrases/*.txt")
	if err != nil {
		return nil, err
	}
	t := &phraseTable{byFirst: map[string][]phrase{}}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		if err := t.add(lang, string(data)); err != nil {
			return nil, fmt.Errorf("textmode: %s: %w", name, err)
		}
	}
	return t, nil
}

// add parses one language file into the table.
func (t *phraseTable) add(lang, data string) error {
	var reason article.Reason
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			r, ok := sectionReasons[line[1:len(line)-1]]
			if !ok {
				return fmt.Errorf("line %d: unknown section %s", n, line)
			}
			reason = r
			continue
		}
		if reason == "" {
			return fmt.Errorf("line %d: phrase %q before any [section]", n, line)
		}
		words := splitWords(line)
		if len(words) == 0 {
			return fmt.Errorf("line %d: phrase %q has no words", n, line)
		}
		t.byFirst[words[0]] = append(t.byFirst[words[0]], phrase{words: words, reason: reason, lang: lang})
		t.size++
	}
	return sc.Err()
}

// match is one phrase found in a line: its first word and its length in words.
type match struct {
	start, n int
	reason   article.Reason
}

// find returns every phrase of the table that occurs in words, longest
// first at each position.
func (t *phraseTable) find(words []string) []match {
	var out []match
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
				out = append(out, match{start: i, n: len(p.words), reason: p.reason})
			}
		}
	}
	return out
}

// splitWords lower-cases s and splits it into words of letters and digits;
// every other rune (punctuation, apostrophes, hyphens, symbols) separates
// words. Phrases and lines are split alike, so "e-mail" matches "e mail".
func splitWords(s string) []string {
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
