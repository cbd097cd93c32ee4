package meta

import (
	"io/fs"
	"iter"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Thresholds of the language detector.
const (
	detectMaxBytes    = 4096  // text read by DetectLanguage
	detectMinLetters  = 20    // fewer letters give ""
	detectMinWords    = 4     // fewer words give "" for word-scored scripts
	detectMinHits     = 2.0   // weighted frequent-word hits needed
	detectMinDistinct = 3     // different frequent words needed: one word repeated ("mi" for miles) is no language
	detectMinShare    = 0.065 // hits as a share of all words
	detectMinMargin   = 1.25  // best score over the runner-up
	scriptMinShare    = 0.3   // share of letters that decides a script
	letterHintWeight  = 0.5   // a word holding a letter of data/lang_letters.txt
	letterMinCount    = 2     // letters of one language (Cyrillic ў, ђ, ә...) that decide it

	// A confident guess, strong enough to overrule the language a page
	// declares (ConfidentLanguage), needs much more text and evidence.
	confidentMinLetters  = 200  // script-decided languages
	confidentMinWords    = 40   // word-scored languages
	confidentMinDistinct = 6    // different frequent words of the winner
	confidentMinShare    = 0.15 // hits as a share of all words
	confidentMinMargin   = 2.0  // best score over the runner-up
)

// langWord is one language that a frequent word belongs to, with the
// word's weight: 1 divided by how many languages share the word.
type langWord struct {
	lang   langID
	weight float64
}

// langID numbers the languages of the word lists and letter hints, in
// the order of their codes, so that scoreWords keeps its scores in an
// array and breaks ties by code as it would by comparing the codes.
type langID uint8

// scoredLangs are the codes of the word lists and letter hints, sorted;
// a langID indexes it.
var scoredLangs = func() []string {
	files, err := fs.Glob(dataFS, "data/lang/*.txt")
	if err != nil || len(files) == 0 {
		panic("meta: no embedded language lists")
	}
	set := map[string]bool{}
	for _, f := range files {
		set[strings.TrimSuffix(path.Base(f), ".txt")] = true
	}
	for _, line := range readList("data/lang_letters.txt") {
		for _, code := range strings.Fields(line)[1:] {
			set[code] = true
		}
	}
	codes := make([]string, 0, len(set))
	for c := range set {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	if len(codes) > maxScoredLangs {
		panic("meta: more languages than maxScoredLangs")
	}
	return codes
}()

// maxScoredLangs bounds scoredLangs, for scoreWords' arrays.
const maxScoredLangs = 64

// langIDOf returns the id of a code of scoredLangs.
func langIDOf(code string) langID {
	i, ok := slices.BinarySearch(scoredLangs, code)
	if !ok {
		panic("meta: unknown language " + code)
	}
	return langID(i)
}

// frequentWord is a word of the frequent-word lists: a number of its own
// and the languages whose list holds it.
type frequentWord struct {
	id    int32
	langs []langWord
}

// frequentWords maps a word to the languages whose frequent-word list
// (data/lang/<code>.txt) holds it.
var frequentWords = func() map[string]frequentWord {
	m := make(map[string]frequentWord)
	files, _ := fs.Glob(dataFS, "data/lang/*.txt")
	for _, f := range files {
		id := langIDOf(strings.TrimSuffix(path.Base(f), ".txt"))
		for _, w := range readList(f) {
			fw, ok := m[w]
			if !ok {
				fw.id = int32(len(m))
			}
			fw.langs = append(fw.langs, langWord{lang: id})
			m[w] = fw
		}
	}
	if len(m) > 64*len(wordSet{}) {
		panic("meta: more frequent words than a wordSet holds")
	}
	for _, fw := range m {
		for i := range fw.langs {
			fw.langs[i].weight = 1 / float64(len(fw.langs))
		}
	}
	return m
}()

// wordSet is a set of frequentWord ids, one bit each.
type wordSet [128]uint64

// letterHints maps a Latin letter to the languages it points to, with the
// hint's weight, from data/lang_letters.txt.
var letterHints = func() map[rune][]langWord {
	m := make(map[rune][]langWord)
	for _, line := range readList("data/lang_letters.txt") {
		f := strings.Fields(line)
		r, size := utf8.DecodeRuneInString(f[0])
		if len(f) < 2 || size != len(f[0]) {
			panic("meta: bad line in data/lang_letters.txt: " + line)
		}
		for _, code := range f[1:] {
			m[r] = append(m[r], langWord{lang: langIDOf(code), weight: letterHintWeight / float64(len(f)-1)})
		}
	}
	return m
}()

// asciiHints reports whether a letter hint names an ASCII letter; when
// none does, scoreWords looks up only a word's other letters.
var asciiHints = func() bool {
	for r := range letterHints {
		if r < utf8.RuneSelf {
			return true
		}
	}
	return false
}()

// scriptLangs are the scripts written by one main language, which decide
// it alone, in the order they are tried.
var scriptLangs = [...]struct {
	code  string
	table *unicode.RangeTable
}{
	{"ko", unicode.Hangul},
	{"el", unicode.Greek},
	{"he", unicode.Hebrew},
	{"hi", unicode.Devanagari},
	{"bn", unicode.Bengali},
	{"pa", unicode.Gurmukhi},
	{"gu", unicode.Gujarati},
	{"ta", unicode.Tamil},
	{"te", unicode.Telugu},
	{"kn", unicode.Kannada},
	{"ml", unicode.Malayalam},
	{"si", unicode.Sinhala},
	{"th", unicode.Thai},
	{"lo", unicode.Lao},
	{"km", unicode.Khmer},
	{"my", unicode.Myanmar},
	{"ka", unicode.Georgian},
	{"hy", unicode.Armenian},
	{"am", unicode.Ethiopic},
}

// scriptCounts tallies letters per script.
type scriptCounts struct {
	letters, latin, cyrillic, arabic, persian, urdu, kana, han,
	ukrainian, russianOnly, belarusian, serbian, macedonian, kazakh, uzbek, vietnamese int
	// script counts the letters of each of scriptLangs.
	script [len(scriptLangs)]int
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
			switch unicode.ToLower(r) {
			case 'і', 'ї', 'є', 'ґ':
				c.ukrainian++
			case 'ы', 'э', 'ё':
				c.russianOnly++
			}
			// Letters of one language among those written in Cyrillic:
			// ў is Belarusian, and Uzbek's (which has ҳ, қ and ғ too);
			// қ and ұ are Kazakh (Mongolian and Kyrgyz have only ө, ү
			// and ң, Tatar and Bashkir ә and һ).
			switch unicode.ToLower(r) {
			case 'ў':
				c.belarusian++
			case 'ђ', 'ћ', 'ј', 'љ', 'њ', 'џ':
				c.serbian++
			case 'ѓ', 'ќ', 'ѕ':
				c.macedonian++
			case 'қ', 'ұ':
				c.kazakh++
			case 'ҳ', 'ғ':
				c.uzbek++
			}
		case unicode.Is(unicode.Arabic, r):
			c.arabic++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
				c.persian++
			case 'ے', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ':
				c.urdu++
			}
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			c.kana++
		case unicode.Is(unicode.Han, r):
			c.han++
		case r >= 0x1E00 && r <= 0x1EFF:
			// Latin Extended Additional: Vietnamese tone marks.
			c.latin++
			c.vietnamese++
		default:
			for i, s := range scriptLangs {
				if unicode.Is(s.table, r) {
					c.script[i]++
					break
				}
			}
		}
	}
	return c
}

// DetectLanguage guesses the ISO 639-1 code of text, or "" when the text
// is too short or the guess is unsure. Scripts used by one language (or
// one main language) decide alone: ko, ja, zh, el, he, ar, fa, ur, hi,
// bn, ta, th, ka, hy and the others of Languages. Cyrillic letters of one
// language decide it (uk, be, sr, mk, kk); other Latin and Cyrillic text
// is scored by its most frequent short words, with a few letters proper
// to one language as hints. Only the first few kilobytes are read. It is
// safe for concurrent use.
func DetectLanguage(text string) string {
	lang, _ := ConfidentLanguage(text)
	return lang
}

// ConfidentLanguage is DetectLanguage, and also says whether the guess
// is sure enough to overrule the language a page declares: a long text
// (a couple of hundred letters of a script, or forty words of which the
// language's frequent words make a sixth, with twice the runner-up's
// score). A short text is never confident.
func ConfidentLanguage(text string) (lang string, confident bool) {
	if len(text) > detectMaxBytes {
		i := detectMaxBytes
		for i > 0 && !utf8.RuneStart(text[i]) {
			i--
		}
		text = text[:i]
	}
	c := countScripts(text)
	if c.letters < detectMinLetters {
		return "", false
	}
	long := c.letters >= confidentMinLetters
	share := func(n int) bool { return float64(n) >= scriptMinShare*float64(c.letters) }
	for i, s := range scriptLangs {
		if share(c.script[i]) {
			return s.code, long
		}
	}
	switch {
	case c.kana > 0 && share(c.kana+c.han) && float64(c.kana) >= 0.1*float64(c.kana+c.han):
		return "ja", long
	case share(c.han):
		return "zh", long
	case share(c.arabic):
		switch {
		case c.urdu >= letterMinCount:
			return "ur", long
		case c.persian*20 >= c.arabic:
			return "fa", long
		}
		return "ar", long
	case share(c.cyrillic):
		switch {
		case c.kazakh >= letterMinCount && c.kazakh >= c.uzbek:
			return "kk", long
		case c.uzbek > 0:
			return "", false // Uzbek, which the detector does not know
		case c.belarusian >= letterMinCount:
			return "be", long
		case c.macedonian >= letterMinCount:
			return "mk", long
		case c.serbian >= letterMinCount:
			return "sr", long
		case c.ukrainian > 0 && c.russianOnly == 0:
			return "uk", long
		}
		return scoreWords(text, c.russianOnly > 0)
	case share(c.latin):
		if c.vietnamese*20 >= c.latin {
			return "vi", long
		}
		return scoreWords(text, false)
	}
	return "", false
}

// scoreWords scores text against the frequent-word lists and the letter
// hints. notBG rules out Bulgarian (the text has letters Bulgarian lacks).
func scoreWords(text string, notBG bool) (string, bool) {
	var scores [maxScoredLangs]float64
	var distinct [maxScoredLangs]int
	var seen wordSet // the frequent words met
	words := 0
	var lower []byte // the word in lower case
	for w := range wordsOf(text) {
		words++
		lower = appendLower(lower[:0], w)
		if fw, ok := frequentWords[string(lower)]; ok {
			first := seen[fw.id/64]&(1<<(fw.id%64)) == 0
			seen[fw.id/64] |= 1 << (fw.id % 64)
			for _, lw := range fw.langs {
				if notBG && lw.lang == bulgarian {
					continue
				}
				scores[lw.lang] += lw.weight
				if first {
					distinct[lw.lang]++
				}
			}
		}
		var hinted langSet // the languages the word's letters pointed to
		for i := 0; i < len(lower); {
			if lower[i] < utf8.RuneSelf && !asciiHints {
				i++ // no hint names an ASCII letter
				continue
			}
			r, size := utf8.DecodeRune(lower[i:])
			i += size
			for _, lw := range letterHints[r] {
				if hinted&(1<<lw.lang) == 0 {
					hinted |= 1 << lw.lang
					scores[lw.lang] += lw.weight
				}
			}
		}
	}
	if words < detectMinWords {
		return "", false
	}
	best, top, second := -1, 0.0, 0.0
	for l, s := range scores[:len(scoredLangs)] {
		if s > top {
			best, top = l, s
		}
	}
	for l, s := range scores[:len(scoredLangs)] {
		if l != best && s > second {
			second = s
		}
	}
	if best < 0 || top < detectMinHits || distinct[best] < detectMinDistinct ||
		top < detectMinShare*float64(words) || top < detectMinMargin*second {
		return "", false
	}
	confident := words >= confidentMinWords && distinct[best] >= confidentMinDistinct &&
		top >= confidentMinShare*float64(words) && top >= confidentMinMargin*second
	return scoredLangs[best], confident
}

// langSet is a set of langIDs, one bit each.
type langSet uint64

// bulgarian is the id of "bg", which scoreWords can rule out.
var bulgarian = langIDOf("bg")

// wordsOf yields the words of text: the runs of letters and
// apostrophes. ASCII bytes are classed without decoding.
func wordsOf(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(text); {
			c := text[i]
			letter, size := c == '\'' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z', 1
			if c >= utf8.RuneSelf {
				var r rune
				r, size = utf8.DecodeRuneInString(text[i:])
				letter = unicode.IsLetter(r)
			}
			switch {
			case letter && start < 0:
				start = i
			case !letter && start >= 0:
				if !yield(text[start:i]) {
					return
				}
				start = -1
			}
			i += size
		}
		if start >= 0 {
			yield(text[start:])
		}
	}
}

// appendLower appends strings.ToLower(w) to dst, building no string.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			// As strings.ToLower: rune by rune, an invalid byte as U+FFFD.
			for _, r := range w[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
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

// languageGroups joins codes the detector cannot tell apart (or one of
// them it does not know): a text detected as one of a group never
// overrules a declaration of another.
var languageGroups = map[string]string{
	"nb": "no", "nn": "no", "no": "no", "da": "no",
	"hr": "sh", "sr": "sh", "bs": "sh", "sh": "sh", "cnr": "sh",
	"id": "ms", "ms": "ms",
	"cs": "cs", "sk": "cs",
}

// sameLanguage reports two codes of one language or group.
func sameLanguage(a, b string) bool {
	return a == b || languageGroups[a] != "" && languageGroups[a] == languageGroups[b]
}

// Languages returns the ISO 639-1 codes DetectLanguage can return, sorted.
func Languages() []string { return slices.Clone(knownLanguages) }

// KnownLanguage reports whether DetectLanguage can return code.
func KnownLanguage(code string) bool {
	_, ok := slices.BinarySearch(knownLanguages, code)
	return ok
}

var knownLanguages = func() []string {
	set := map[string]bool{"ja": true, "zh": true, "ar": true, "fa": true, "ur": true,
		"uk": true, "be": true, "sr": true, "mk": true, "kk": true, "vi": true}
	for _, s := range scriptLangs {
		set[s.code] = true
	}
	for _, fw := range frequentWords {
		for _, l := range fw.langs {
			set[scoredLangs[l.lang]] = true
		}
	}
	out := make([]string, 0, len(set))
	for l := range set {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}()

// DecideLanguage chooses the language of an article from lang (what the
// metadata stage found: the declared language, else a guess from the
// head of the page), declared (the declared language, "" if none) and
// the body text. A declaration stands unless the text is confidently in
// another language (ConfidentLanguage) and the declared one is a
// language the detector knows and does not confuse with the detected
// one (Norwegian and Danish, Croatian and Serbian, Indonesian and Malay,
// Czech and Slovak): pages declare the template's language, not always
// the text's. It returns the language and, when the text overruled the
// declaration, the declared language ("" otherwise). With nothing found
// at all, the text's guess is taken however sure.
func DecideLanguage(lang, declared, text string) (string, string) {
	if declared != "" {
		detected, sure := ConfidentLanguage(text)
		if sure && !sameLanguage(declared, detected) && (KnownLanguage(declared) || languageGroups[declared] != "") {
			return detected, declared
		}
		return declared, ""
	}
	if lang == "" {
		lang = DetectLanguage(text)
	}
	return lang, ""
}
