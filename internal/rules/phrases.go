package rules

import (
	"embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
)

//go:embed phrases/*.txt
var phraseFiles embed.FS

// phraseReasons names the Reason each embedded phrase file produces.
var phraseReasons = map[string]article.Reason{
	"share.txt":     article.ReasonShare,
	"follow.txt":    article.ReasonFollow,
	"teaser.txt":    article.ReasonTeaser,
	"subscribe.txt": article.ReasonSubscribe,
	"login.txt":     article.ReasonLogin,
	"comments.txt":  article.ReasonComments,
	"ad.txt":        article.ReasonAd,
	"cookie.txt":    article.ReasonCookie,
}

// PhraseTable matches whole blocks of text against the phrases of page
// furniture in phrases/*.txt. The zero value matches nothing; use Phrases.
type PhraseTable struct {
	exact  map[string]article.Reason
	prefix []prefixPhrase
}

type prefixPhrase struct {
	text   string
	reason article.Reason
}

// Phrases is the table built from the embedded phrase files.
var Phrases = loadPhrases()

func loadPhrases() *PhraseTable {
	t := &PhraseTable{exact: map[string]article.Reason{}}
	for file, reason := range phraseReasons {
		data, err := phraseFiles.ReadFile("phrases/" + file)
		if err != nil {
			panic("rules: missing embedded phrase file " + file) // a build defect, not input
		}
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' {
				continue
			}
			if p, ok := strings.CutSuffix(line, "*"); ok {
				t.prefix = append(t.prefix, prefixPhrase{Fold(p), reason})
				continue
			}
			t.exact[Fold(line)] = reason
		}
	}
	return t
}

// MaxPhraseWords is the longest block, in words, that Match looks at:
// furniture labels are short, and a long block that merely opens with
// "Read more" is prose.
const MaxPhraseWords = 16

// Match reports the chrome Reason for a block whose whole text is a
// furniture phrase, or that opens with a furniture prefix such as
// "Read also:". It returns "" for anything else.
func (t *PhraseTable) Match(text string) article.Reason {
	if len(text) > 200 {
		return ""
	}
	f := Fold(text)
	if f == "" {
		return ""
	}
	if r, ok := t.exact[f]; ok {
		return r
	}
	if strings.Count(f, " ")+1 > MaxPhraseWords {
		return ""
	}
	for _, p := range t.prefix {
		if rest, ok := strings.CutPrefix(f, p.text); ok {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) {
				return p.reason
			}
		}
	}
	return ""
}

// MatchExact is Match for whole-phrase matches only: the block is the
// label and nothing else ("Related stories", "Comments").
func (t *PhraseTable) MatchExact(text string) article.Reason {
	return t.exact[Fold(text)]
}

// Fold lower-cases s, turns every run of spaces and punctuation into one
// space, and trims both ends, so that "Share  this!" and "share this"
// compare equal.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if r == '’' {
				r = '\''
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}
