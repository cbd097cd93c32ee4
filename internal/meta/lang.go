package meta

import (
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Thresholds of the language detector.
const (
	detectMaxBytes   = 4096 // text read by DetectLanguage
	detectMinLetters = 20   // fewer letters give ""
	detectMinWords   = 4    // fewer words give "" for word-scored scripts
	detectMinHits    = 2.0  // weighted frequent-word hits needed
	detectMinShare   = 0.08 // hits as a share of all words
	detectMinMargin  = 1.25 // best score over the runner-up
	scriptMinShare   = 0.3  // share of letters that decides a script
)

// langWord is one language that a frequent word belongs to, with the
// word's weight: 1 divided by how many languages share the word.
type langWord struct {
	lang   string
	weight float64
}

// frequentWords maps a word to the languages whose frequent-word list
// (data/lang/<code>.txt) holds it.
var frequentWords = func() map[string][]langWord {
	m := make(map[string][]langWord)
	files, err := fs.Glob(dataFS, "data/lang/*.txt")
	if err != nil || len(files) == 0 {
		panic("meta: no embedded language lists")
	}
	for _, f := range files {
		code := strings.TrimSuffix(path.Base(f), ".txt")
		for _, w := range readList(f) {
			m[w] = append(m[w], langWord{lang: code})
		}
	}
	for w, ls := range m {
		for i := range ls {
			ls[i].weight = 1 / float64(len(ls))
		}
		m[w] = ls
	}
	return m
}()

// scriptCounts tallies letters per script.
type scriptCounts struct {
	letters, latin, cyrillic, greek, hebrew, arabic, persian, devanagari,
	thai, hangul, kana, han, ukrainian, russianOnly, vietnamese int
}

func countScripts(text string) scriptCounts {
	var c scriptCounts
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		c.letters++
		switch {
		case r < 0x250:
			c.latin++
		case unicode.Is(unicode.Cyrillic, r):
			c.cyrillic++
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				c.ukrainian++
			case 'ы', 'э', 'ё', 'Ы', 'Э', 'Ё':
				c.russianOnly++
			}
		case unicode.Is(unicode.Greek, r):
			c.greek++
		case unicode.Is(unicode.Hebrew, r):
			c.hebrew++
		case unicode.Is(unicode.Arabic, r):
			c.arabic++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
				c.persian++
			}
		case unicode.Is(unicode.Devanagari, r):
			c.devanagari++
		case unicode.Is(unicode.Thai, r):
			c.thai++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			c.kana++
		case unicode.Is(unicode.Han, r):
			c.han++
		case r >= 0x1E00 && r <= 0x1EFF:
			// Latin Extended Additional: Vietnamese tone marks.
			c.latin++
			c.vietnamese++
		}
	}
	return c
}

// DetectLanguage guesses the ISO 639-1 code of text, or "" when the text
// is too short or the guess is unsure. Scripts used by one language (or
// one main language) decide alone: ko, ja, zh, el, he, ar, fa, hi, th.
// Latin and Cyrillic text is scored by its most frequent short words in
// about twenty languages. Only the first few kilobytes are read. It is
// safe for concurrent use.
func DetectLanguage(text string) string {
	if len(text) > detectMaxBytes {
		i := detectMaxBytes
		for i > 0 && !utf8.RuneStart(text[i]) {
			i--
		}
		text = text[:i]
	}
	c := countScripts(text)
	if c.letters < detectMinLetters {
		return ""
	}
	share := func(n int) bool { return float64(n) >= scriptMinShare*float64(c.letters) }
	switch {
	case share(c.hangul):
		return "ko"
	case c.kana > 0 && share(c.kana+c.han) && float64(c.kana) >= 0.1*float64(c.kana+c.han):
		return "ja"
	case share(c.han):
		return "zh"
	case share(c.greek):
		return "el"
	case share(c.hebrew):
		return "he"
	case share(c.arabic):
		if c.persian*20 >= c.arabic {
			return "fa"
		}
		return "ar"
	case share(c.devanagari):
		return "hi"
	case share(c.thai):
		return "th"
	case share(c.cyrillic):
		if c.ukrainian > 0 && c.russianOnly == 0 {
			return "uk"
		}
		return scoreWords(text, c.russianOnly > 0)
	case share(c.latin):
		if c.vietnamese*20 >= c.latin {
			return "vi"
		}
		return scoreWords(text, false)
	}
	return ""
}

// scoreWords scores text against the frequent-word lists. notBG rules
// out Bulgarian (the text has letters Bulgarian lacks).
func scoreWords(text string, notBG bool) string {
	scores := make(map[string]float64, 8)
	words := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		words++
		for _, lw := range frequentWords[strings.ToLower(w)] {
			if notBG && lw.lang == "bg" {
				continue
			}
			scores[lw.lang] += lw.weight
		}
	}
	if words < detectMinWords {
		return ""
	}
	best, top, second := "", 0.0, 0.0
	for l, s := range scores {
		if s > top || s == top && l < best {
			best, top = l, s
		}
	}
	for l, s := range scores {
		if l != best && s > second {
			second = s
		}
	}
	if best == "" || top < detectMinHits || top < detectMinShare*float64(words) || top < detectMinMargin*second {
		return ""
	}
	return best
}

// normalizeLang turns a language tag ("en-US", "pt_BR", "EN") into its
// lowercase primary subtag, or "" when it is not a language.
func normalizeLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_ ,;"); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.ToLower(tag)
	if len(tag) < 2 || len(tag) > 3 || tag == "und" || tag == "mul" || tag == "zxx" {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		if tag[i] < 'a' || tag[i] > 'z' {
			return ""
		}
	}
	return tag
}
