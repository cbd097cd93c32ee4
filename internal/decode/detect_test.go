package decode

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/htmlindex"
)

// sampleCharsets lists, for each sample text in testdata/samples, the
// legacy charsets it is commonly written in.
var sampleCharsets = []struct {
	lang     string
	charsets []string
}{
	{"ru", []string{"windows-1251", "koi8-r"}},
	{"uk", []string{"windows-1251"}},
	{"he", []string{"windows-1255", "iso-8859-8"}},
	{"el", []string{"windows-1253"}},
	{"ar", []string{"windows-1256"}},
	{"ja", []string{"shift_jis", "euc-jp"}},
	{"zh-hans", []string{"gbk"}},
	{"zh-hant", []string{"big5"}},
	{"ko", []string{"euc-kr"}},
	{"pl", []string{"windows-1250"}},
	{"cs", []string{"windows-1250"}},
	{"hu", []string{"windows-1250"}},
	{"fr", []string{"windows-1252"}},
	{"de", []string{"windows-1252"}},
	{"es", []string{"windows-1252"}},
	{"pt", []string{"windows-1252"}},
	{"it", []string{"windows-1252"}},
}

// koi8Safe replaces the punctuation KOI8-R cannot encode.
var koi8Safe = strings.NewReplacer("«", "\"", "»", "\"", "—", "-")

// sample returns the sample text of lang, made encodable in cs.
func sample(t testing.TB, lang, cs string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "samples", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSpace(string(b))
	if cs == "koi8-r" {
		s = koi8Safe.Replace(s)
	}
	return s
}

// encode encodes s in charset cs.
func encode(t testing.TB, s, cs string) []byte {
	t.Helper()
	enc, err := htmlindex.Get(cs)
	if err != nil {
		t.Fatal(err)
	}
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode in %s: %v", cs, err)
	}
	return b
}

// sameLetters reports whether charsets a and b decode letters alike, so
// that detection may pick either.
func sameLetters(a, b string) bool {
	if a == b {
		return true
	}
	pair := a + "|" + b
	return pair == "windows-1255|iso-8859-8" || pair == "iso-8859-8|windows-1255"
}

func TestDetectPicksTheCharset(t *testing.T) {
	for _, sc := range sampleCharsets {
		for _, cs := range sc.charsets {
			t.Run(sc.lang+"/"+cs, func(t *testing.T) {
				d := detect(encode(t, sample(t, sc.lang, cs), cs))
				best := d.best()
				if !sameLetters(best.name, cs) {
					t.Errorf("detected %s (%.2f), want %s", best.name, best.score, cs)
					for _, c := range d.cands {
						t.Logf("  %-13s %.2f", c.name, c.score)
					}
				}
			})
		}
	}
}

func TestModelsParse(t *testing.T) {
	ls, err := parseModels()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, l := range ls {
		for _, cs := range l.charsets {
			if _, err := htmlindex.Get(cs); err != nil {
				t.Errorf("%s: unknown charset %q", l.name, cs)
			}
			covered[cs] = true
		}
	}
	for _, cs := range detectCandidates {
		if !covered[cs] && cs != "utf-8" {
			t.Errorf("candidate %s has no language table", cs)
		}
	}
}

func TestParseModelErrors(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"minimal", "charsets windows-1251\nscripts Cyrillic\n5 а\n", true},
		{"zipf", "charsets gbk\nscripts Han\nzipf 10 2.5\n> 的一是\n", true},
		{"unknown script", "charsets gbk\nscripts Klingon\n5 a\n", false},
		{"no letters", "charsets gbk\nscripts Han\n", false},
		{"bad percent", "charsets gbk\nscripts Han\nlots 的\n", false},
		{"ranked before zipf", "charsets gbk\nscripts Han\n> 的\n", false},
		{"bad final", "charsets windows-1255\nscripts Hebrew\nfinal ךך כ\n5 כ\n", false},
		{"percent alone", "charsets gbk\nscripts Han\n5\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseModel(tt.name, []byte(tt.text))
			if (err == nil) != tt.ok {
				t.Errorf("err = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestScriptOf(t *testing.T) {
	tests := []struct {
		r    rune
		want script
	}{
		{'a', scLatin}, {'é', scLatin}, {'ł', scLatin}, {'ж', scCyrillic}, {'ї', scCyrillic},
		{'λ', scGreek}, {'ά', scGreek}, {'ש', scHebrew}, {'ع', scArabic}, {'的', scHan},
		{'々', scHan}, {'の', scHiragana}, {'カ', scKatakana}, {'ー', scKatakana}, {'한', scHangul},
		{'1', scNone}, {'×', scNone}, {'«', scNone},
	}
	for _, tt := range tests {
		if got := scriptOf(tt.r); got != tt.want {
			t.Errorf("scriptOf(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
}
