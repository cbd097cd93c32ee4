package meta

import (
	"strings"
	"testing"
	"unicode"
)

// scoreWordsReference is scoreWords as first written, one string per
// word: the reference the faster one must agree with.
func scoreWordsReference(text string, notBG bool) (string, bool) {
	scores := make(map[string]float64, 8)
	distinct := make(map[string]int, 8)
	seen := make(map[string]bool, 64)
	words := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		words++
		w = strings.ToLower(w)
		first := !seen[w]
		seen[w] = true
		for _, lw := range frequentWords[w].langs {
			code := scoredLangs[lw.lang]
			if notBG && code == "bg" {
				continue
			}
			scores[code] += lw.weight
			if first {
				distinct[code]++
			}
		}
		hinted := ""
		for _, r := range w {
			for _, lw := range letterHints[r] {
				code := scoredLangs[lw.lang]
				if !strings.Contains(hinted, code+" ") {
					hinted += code + " "
					scores[code] += lw.weight
				}
			}
		}
	}
	if words < detectMinWords {
		return "", false
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
	if best == "" || top < detectMinHits || distinct[best] < detectMinDistinct ||
		top < detectMinShare*float64(words) || top < detectMinMargin*second {
		return "", false
	}
	confident := words >= confidentMinWords && distinct[best] >= confidentMinDistinct &&
		top >= confidentMinShare*float64(words) && top >= confidentMinMargin*second
	return best, confident
}

var scoreWordsTexts = []string{
	"The council voted on Tuesday to extend the cycle lanes along the river, after a year in which the number of people riding to work doubled. THE END and The Start.",
	"Der Stadtrat hat am Dienstag beschlossen, die Radwege entlang des Flusses zu verlängern. Die Anwohner sagten, die Anhörung sei zu kurz gewesen, und DIE Läden wollten mehr Ladezonen.",
	"Rada miasta zdecydowała we wtorek o przedłużeniu ścieżek rowerowych wzdłuż rzeki. Mieszkańcy powiedzieli, że konsultacje były zbyt krótkie. ŁÓDŹ i Kraków też.",
	"Pilsētas dome otrdien nolēma pagarināt veloceliņus gar upi. Iedzīvotāji sacīja, ka apspriešana bija pārāk īsa. Miesto taryba antradienį nusprendė pratęsti dviračių takus.",
	"Linnavolikogu otsustas teisipäeval pikendada jalgrattateid mööda jõge. Õues on külm ja ÕHTU on pikk, ütlesid elanikud.",
	"Городской совет во вторник решил продлить велодорожки вдоль реки. Жители сказали, что консультации были слишком короткими.",
	"Borgarstjórn ákvað á þriðjudag að lengja hjólastíga meðfram ánni. Íbúar sögðu að samráðið hefði verið of stutt.",
	"Le conseil municipal a voté mardi la prolongation des pistes cyclables le long du fleuve. L'enquête publique était trop courte, selon les habitants. C'est l'été.",
	"",
	"ǅemal İstanbul'da ŞEHİR meclisi, Salı günü nehir boyunca bisiklet yollarını uzatmaya karar verdi. Sakinler danışmanın çok kısa olduğunu söyledi.",
}

func TestScoreWordsAgreesWithReference(t *testing.T) {
	for _, text := range scoreWordsTexts {
		for _, notBG := range []bool{false, true} {
			gl, gc := scoreWords(text, notBG)
			wl, wc := scoreWordsReference(text, notBG)
			if gl != wl || gc != wc {
				t.Errorf("scoreWords(%.40q, %v) = %q, %v; reference %q, %v", text, notBG, gl, gc, wl, wc)
			}
		}
	}
}

func FuzzScoreWords(f *testing.F) {
	for _, text := range scoreWordsTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		gl, gc := scoreWords(text, false)
		wl, wc := scoreWordsReference(text, false)
		if gl != wl || gc != wc {
			t.Errorf("scoreWords(%q) = %q, %v; reference %q, %v", text, gl, gc, wl, wc)
		}
	})
}

// scoreWords builds no string per word: its allocations are its few
// tables, whatever the length of the text.
func TestScoreWordsAllocations(t *testing.T) {
	text := strings.Repeat(scoreWordsTexts[0]+" ", 20)
	// 14 today; one string per word was 139.
	if n := testing.AllocsPerRun(20, func() { scoreWords(text, false) }); n > 20 {
		t.Errorf("scoreWords allocates %v times on %d bytes, want at most 20", n, len(text))
	}
}
