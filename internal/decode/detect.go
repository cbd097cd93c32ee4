package decode

import (
	"math"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// detectCandidates are the charsets detection chooses among, in order of
// preference when two decodings score the same (German reads the same in
// windows-1252 and windows-1250; Hebrew letters the same in windows-1255
// and iso-8859-8).
var detectCandidates = []string{
	"windows-1252",
	"windows-1250",
	"windows-1251",
	"koi8-r",
	"windows-1253",
	"windows-1255",
	"iso-8859-8",
	"windows-1256",
	"shift_jis",
	"euc-jp",
	"gbk",
	"big5",
	"euc-kr",
	"utf-8", // damaged UTF-8, scored with replacement characters
}

// detectWeights are the scores, in nats (natural-log units), that a rune
// of a candidate decoding adds beside the log of its letter share. The
// scores are summed over the runes outside ASCII and divided by the number
// of bytes outside ASCII, so decodings of one sample compare directly.
var detectWeights = struct {
	Bad            float64 // U+FFFD, C1 controls, private use, unassigned
	Foreign        float64 // a letter of a script the language does not use
	Upper          float64 // an upper-case letter (they are a small share of text)
	CaseBreak      float64 // upper case right after lower case in one word
	ScriptMix      float64 // a letter touching a letter of a foreign script
	Punct          float64 // common punctuation or space outside ASCII
	PunctInWord    float64 // punctuation between two letters
	Symbol         float64 // other symbols, numbers, box drawing
	FinalMisplaced float64 // a final form inside a word, a base form ending one
	// Margin is how much better (per byte outside ASCII) another decoding
	// must score before a declared charset is set aside.
	Margin float64
	// MinEvidence is the number of bytes outside ASCII below which a
	// declared charset is always kept: too little to judge by.
	MinEvidence int
}{
	Bad:            -15,
	Foreign:        -12,
	Upper:          -2,
	CaseBreak:      -4,
	ScriptMix:      -6,
	Punct:          -4,
	PunctInWord:    -8,
	Symbol:         -9,
	FinalMisplaced: -4,
	Margin:         1.0,
	MinEvidence:    16,
}

// detectPrior is the head start, in nats over the whole sample, that a
// candidate gets when detection picks the best one. windows-1252 is by far
// the most common legacy charset, and a Western page with two or three
// accented letters is too little evidence to leave it: "Lunedì" reads as
// well as Czech "Luneděě" letter by letter. As the prior is spread over the
// bytes outside ASCII, it stops mattering once there are a few dozen.
var detectPrior = map[string]float64{
	"windows-1252": 2.5,
}

const (
	// windowBytes and windowHigh bound the sample detection reads: the
	// bytes from just before the first byte outside ASCII, up to this many
	// bytes or this many bytes outside ASCII.
	windowBytes = 64 << 10
	windowHigh  = 2048
)

// detection holds the candidate scores for one input.
type detection struct {
	window []byte
	high   int // bytes outside ASCII in window
	cands  []scored
	buf    []runeInfo
}

// scored is one candidate decoding and its score.
type scored struct {
	name  string
	enc   encoding.Encoding
	score float64
}

// detect scores every candidate charset on a sample of data.
func detect(data []byte) *detection {
	d := &detection{}
	d.window, d.high = sampleWindow(data)
	for _, name := range detectCandidates {
		enc, err := htmlindex.Get(name)
		if err != nil {
			continue
		}
		d.cands = append(d.cands, scored{name: name, enc: enc, score: d.scoreOf(name, enc)})
	}
	return d
}

// best returns the candidate with the highest score; the first on a tie.
func (d *detection) best() scored {
	n := float64(max(d.high, 1))
	b := d.cands[0]
	for _, c := range d.cands[1:] {
		if c.score+detectPrior[c.name]/n > b.score+detectPrior[b.name]/n {
			b = c
		}
	}
	return b
}

// plausible reports whether decoding with the declared charset name is
// about as plausible as the best candidate.
func (d *detection) plausible(name string, enc encoding.Encoding) bool {
	if d.high < detectWeights.MinEvidence {
		return true
	}
	s := math.Inf(-1)
	found := false
	for _, c := range d.cands {
		if c.name == name {
			s, found = c.score, true
		}
	}
	if !found {
		s = d.scoreOf(name, enc)
	}
	return s >= d.best().score-detectWeights.Margin
}

// scoreOf decodes the window with enc and scores the runes under each
// language written in charset name, keeping the best. A charset no
// language lists is scored on its bad runes alone.
func (d *detection) scoreOf(name string, enc encoding.Encoding) float64 {
	if d.high == 0 {
		return 0
	}
	if table := byteTables()[name]; table != nil {
		d.buf = d.buf[:0]
		for _, c := range d.window {
			d.buf = append(d.buf, table[c])
		}
	} else {
		out, err := enc.NewDecoder().Bytes(d.window)
		if err != nil {
			return math.Inf(-1)
		}
		d.buf = runeInfos(d.buf[:0], out)
	}
	langs := langsFor(name)
	if name == "utf-8" {
		langs = allLangs()
	}
	if len(langs) == 0 {
		return scoreRunes(d.buf, nil) / float64(d.high)
	}
	best := math.Inf(-1)
	for _, l := range langs {
		if s := scoreRunes(d.buf, l); s > best {
			best = s
		}
	}
	return best / float64(d.high)
}

// byteTables holds, for each single-byte charset the detector scores, the
// classified rune of every byte, so scoring skips the decoder.
var byteTables = sync.OnceValue(func() map[string]*[256]runeInfo {
	tables := map[string]*[256]runeInfo{}
	add := func(name string) {
		enc, err := htmlindex.Get(name)
		if err != nil {
			return
		}
		cm, ok := enc.(*charmap.Charmap)
		if !ok || tables[name] != nil {
			return
		}
		t := new([256]runeInfo)
		for b := range 256 {
			t[b] = classify(cm.DecodeByte(byte(b)))
		}
		tables[name] = t
	}
	for _, name := range detectCandidates {
		add(name)
	}
	for _, l := range langs() {
		for _, name := range l.charsets {
			add(name)
		}
	}
	return tables
})

// sampleWindow picks the part of data detection reads: from the first
// byte outside ASCII on, up to windowBytes bytes or windowHigh bytes
// outside ASCII. It keeps only the words that hold such bytes, each with
// the byte after it: a word here is a run of bytes from 0x40 up, and the
// bytes below 0x40 that split them are never the second byte of a
// multi-byte character, so every candidate decodes the kept words as it
// would the whole page, without the markup around them.
func sampleWindow(data []byte) ([]byte, int) {
	first := -1
	for i, c := range data {
		if c >= 0x80 {
			first = i
			break
		}
	}
	if first < 0 {
		return nil, 0
	}
	start := first
	for start > 0 && data[start-1] >= 0x40 && first-start < 64 {
		start--
	}
	var out []byte
	high := 0
	for i := start; i < len(data) && i-start < windowBytes && high < windowHigh; {
		j, h := i, 0
		for j < len(data) && data[j] >= 0x40 {
			if data[j] >= 0x80 {
				h++
			}
			j++
		}
		if h > 0 {
			if j < len(data) {
				j++ // the separator after the word
			}
			out = append(out, data[i:j]...)
			high += h
		} else if j < len(data) {
			j++
		}
		if j == i {
			j++
		}
		i = j
	}
	return out, high
}

// script is a writing system the detector tells apart.
type script uint8

const (
	scNone script = iota
	scLatin
	scCyrillic
	scGreek
	scHebrew
	scArabic
	scHan
	scHiragana
	scKatakana
	scHangul
)

var scriptNames = map[string]script{
	"Latin": scLatin, "Cyrillic": scCyrillic, "Greek": scGreek, "Hebrew": scHebrew,
	"Arabic": scArabic, "Han": scHan, "Hiragana": scHiragana, "Katakana": scKatakana,
	"Hangul": scHangul,
}

func (s script) bit() uint16 { return 1 << s }

// scriptOf returns the script of a letter, by Unicode block.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return scLatin
		}
	case r < 0x250 || (0x1E00 <= r && r < 0x1F00):
		if r >= 0xC0 && r != 0xD7 && r != 0xF7 { // × and ÷ are not letters
			return scLatin
		}
	case r < 0x400 || (0x1F00 <= r && r < 0x2000):
		if r >= 0x370 {
			return scGreek
		}
	case r < 0x530:
		return scCyrillic
	case 0x590 <= r && r < 0x600, 0xFB1D <= r && r < 0xFB50:
		return scHebrew
	case 0x600 <= r && r < 0x700, 0x750 <= r && r < 0x780, 0xFB50 <= r && r < 0xFE00, 0xFE70 <= r && r < 0xFF00:
		return scArabic
	case 0x1100 <= r && r < 0x1200, 0x3130 <= r && r < 0x3190, 0xAC00 <= r && r < 0xD7B0:
		return scHangul
	case 0x3040 <= r && r < 0x30A0:
		return scHiragana
	case 0x30A0 <= r && r < 0x3100, 0x31F0 <= r && r < 0x3200, 0xFF66 <= r && r < 0xFFA0:
		return scKatakana
	case r == 0x3005, 0x3400 <= r && r < 0xA000, 0xF900 <= r && r < 0xFB00, 0x20000 <= r && r < 0x32000:
		return scHan
	}
	return scNone
}

// class sorts runes for scoring.
type class uint8

const (
	clsOther  class = iota // ASCII other than letters
	clsLetter              // letters and combining marks
	clsPunct               // common punctuation and spaces outside ASCII
	clsSymbol              // symbols and numbers outside ASCII
	clsBad                 // U+FFFD, controls, private use, unassigned
)

// runeInfo is one decoded rune with what scoring needs to know of it.
type runeInfo struct {
	r     rune
	lower rune
	sc    script
	cls   class
	upper bool
	lc    bool // lower case
}

// commonPunct are the symbols (not Unicode punctuation) that ordinary text
// uses in any language.
var commonPunct = map[rune]bool{
	'€': true, '£': true, '¥': true, '¢': true, '©': true, '®': true, '™': true, '°': true, '§': true, '¶': true,
}

// intraWord is punctuation that may stand between two letters of a word.
var intraWord = map[rune]bool{
	'’': true, 'ʼ': true, '·': true, '\u00AD': true, '‑': true, '‐': true, '״': true, '׳': true, '・': true, 'ー': true,
}

// runeInfos appends the runes of UTF-8 text to buf, classified.
func runeInfos(buf []runeInfo, text []byte) []runeInfo {
	for len(text) > 0 {
		r, size := rune(text[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text)
		}
		text = text[size:]
		buf = append(buf, classify(r))
	}
	return buf
}

func classify(r rune) runeInfo {
	ri := runeInfo{r: r, lower: r}
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z':
			ri.cls, ri.sc, ri.lc = clsLetter, scLatin, true
		case 'A' <= r && r <= 'Z':
			ri.cls, ri.sc, ri.upper, ri.lower = clsLetter, scLatin, true, r+'a'-'A'
		}
		return ri
	}
	switch {
	case r == utf8.RuneError || unicode.IsControl(r) || (0xE000 <= r && r < 0xF900) || r >= 0xF0000:
		ri.cls = clsBad
	case unicode.IsLetter(r) || unicode.IsMark(r):
		ri.cls, ri.sc = clsLetter, scriptOf(r)
		if unicode.IsUpper(r) {
			ri.upper, ri.lower = true, unicode.ToLower(r)
		} else if unicode.IsLower(r) {
			ri.lc = true
		}
	case unicode.IsPunct(r) || unicode.IsSpace(r) || commonPunct[r]:
		ri.cls = clsPunct
	case unicode.IsSymbol(r) || unicode.IsNumber(r):
		ri.cls = clsSymbol
	default:
		ri.cls = clsBad // unassigned, format characters
	}
	return ri
}

// scoreRunes sums the scores of the runes outside ASCII under language l.
// A nil l scores only what is wrong in any language: bad runes and
// punctuation inside words.
func scoreRunes(rs []runeInfo, l *lang) float64 {
	w := &detectWeights
	sum := 0.0
	for i, ri := range rs {
		if ri.r < utf8.RuneSelf {
			continue
		}
		var prev, next runeInfo
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch ri.cls {
		case clsBad:
			sum += w.Bad
		case clsSymbol:
			sum += w.Symbol
		case clsPunct:
			if prev.cls == clsLetter && next.cls == clsLetter && !intraWord[ri.r] {
				sum += w.PunctInWord
			} else {
				sum += w.Punct
			}
		case clsLetter:
			if l == nil {
				sum += w.Punct
				continue
			}
			sum += l.letterScore(ri, prev, next)
		}
	}
	return sum
}

// letterScore scores one letter outside ASCII under language l.
func (l *lang) letterScore(ri, prev, next runeInfo) float64 {
	w := &detectWeights
	if ri.sc == scNone {
		return w.Punct // full-width forms, modifier letters: neutral
	}
	if l.native&ri.sc.bit() == 0 {
		return w.Foreign
	}
	s, ok := l.logp[ri.lower]
	if !ok {
		s = l.other
	}
	if l.cased && ri.upper {
		s += w.Upper
		if prev.cls == clsLetter && prev.lc && prev.sc == ri.sc {
			s += w.CaseBreak
		}
	}
	for _, nb := range [2]runeInfo{prev, next} {
		if nb.cls == clsLetter && nb.sc != scNone && nb.sc != ri.sc && l.native&nb.sc.bit() == 0 {
			s += w.ScriptMix
		}
	}
	if len(l.finals) > 0 {
		atEnd := next.cls != clsLetter
		if _, isFinal := l.finals[ri.lower]; isFinal && !atEnd {
			s += w.FinalMisplaced
		} else if l.bases[ri.lower] && atEnd && prev.cls == clsLetter {
			s += w.FinalMisplaced
		}
	}
	return s
}
