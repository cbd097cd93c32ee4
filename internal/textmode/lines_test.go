package textmode

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/rules"
)

func TestLineChrome(t *testing.T) {
	tests := []struct {
		line string
		want article.Reason
	}{
		// must match
		{"Share on Facebook", article.ReasonShare},
		{"Tweet", article.ReasonShare},
		{"Artikel teilen", article.ReasonShare},
		{"Compartir en Twitter", article.ReasonShare},
		{"Поделиться", article.ReasonShare},
		{"Read more: Coastal towns brace for higher bills", article.ReasonTeaser},
		{"Lesen Sie auch: Warum der Flughafen teurer wird", article.ReasonTeaser},
		{"À lire aussi", article.ReasonTeaser},
		{"Leggi anche", article.ReasonTeaser},
		{"Читайте также", article.ReasonTeaser},
		{"Follow the topics in this article", article.ReasonFollow},
		{"Comments", article.ReasonComments},
		{"Our comment policy: please keep the discussion civil.", article.ReasonComments},
		{"Subscribe today and save 50% on your first year of unlimited digital access.", article.ReasonSubscribe},
		{"Jetzt abonnieren: die ersten drei Monate für 0,99 € pro Monat, danach monatlich kündbar.", article.ReasonSubscribe},
		{"Already a subscriber? Log in", article.ReasonLogin},
		{"Déjà abonné ? Se connecter", article.ReasonLogin},
		{"Sign up for our newsletter", article.ReasonNewsletter},
		{"Advertisement", article.ReasonAd},
		{"Anzeige", article.ReasonAd},
		{"We use cookies to improve your experience.", article.ReasonCookie},
		{"Photo: Jane Doe/Reuters", article.ReasonCredit},
		{"Foto: dpa", article.ReasonCredit},
		{"(Getty Images)", article.ReasonCredit},
		{"© Jane Doe", article.ReasonCredit},
		{"© 2024 Example Media. All rights reserved.", article.ReasonFooter},
		{"Privacy policy", article.ReasonFooter},
		{"Home | News | Sport | Culture", article.ReasonNav},
		{"https://example.com/story", article.ReasonNav},
		{"By Eleanor Whitfield", article.ReasonByline},
		{"Reported by Jane Doe", article.ReasonByline},
		{"Przez Jana Kowalskiego", article.ReasonByline},
		{"Autor: Hans Müller", article.ReasonByline},
		{"Tuesday 12 March 2024 14:05 GMT", reasonMeta},
		{"12.03.2024, 14:05 Uhr", reasonMeta},
		{"November 19th, 2019 at 8:40 AM", reasonMeta},
		{"12 de marzo de 2024", reasonMeta},
		// must not match
		{"Voters in Porthaven have backed a plan to rebuild the town's sea wall.", ""},
		{"Shares in the company rose 5% after it said it would share more of its profits.", ""},
		{"The council will follow the advice of engineers, who said the wall must be rebuilt.", ""},
		{"Readers who subscribe to the paper's print edition were not affected.", ""},
		{"What happens next", ""},
		{"By the numbers, this was the wettest winter on record in the south-west.", ""},
		{"May the best team win.", ""},
		{"Przez lata nic się nie zmieniło", ""},
		{"By the end of the year", ""},
		{"de la", ""},
		{"Harbour town votes to rebuild its flooded sea wall", ""},
		{"Wie geht es weiter?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			l := newLine(tt.line, &rules.DefaultTextWeights)
			if got := l.chrome(); got != tt.want {
				t.Errorf("chrome(%q) = %q, want %q (matches %+v)", tt.line, got, tt.want, l.matches)
			}
		})
	}
}

func TestLineShape(t *testing.T) {
	tests := []struct {
		line                       string
		sentence, prose, headline  bool
		question, joined, linkLike bool
	}{
		{line: "The council said on Tuesday that most voters supported the scheme.", sentence: true, prose: true},
		{line: `"We will start work as soon as we can," she said.`, sentence: true, prose: true},
		{line: "He said no.", sentence: true},
		{line: "What happens next", headline: true},
		{line: "Wie geht es weiter?", sentence: true, question: true},
		{line: "Customers Leave Without Paying Bill At Troy SteakhouseA party of six left without paying their bill after a fight.", sentence: true, prose: true, joined: true},
		{line: "He posted it on LinkedIn and the post was shared widely across the network last week.", sentence: true, prose: true},
		{line: "Home | News | Sport | Culture", linkLike: true},
		{line: "राज्य सरकार ने छोटे किसानों के लिए सोलर पंप योजना का दूसरा चरण शुरू किया।", sentence: true, prose: true},
		{line: "adote um amigo agua alerta ambiente amizade atendimento atirador bem estar biblioteca caminhada campanha capacitacao carnaval civil conselho cultura cidade", headline: false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			l := newLine(tt.line, &rules.DefaultTextWeights)
			if l.sentence != tt.sentence {
				t.Errorf("sentence = %v, want %v", l.sentence, tt.sentence)
			}
			if l.isProse() != tt.prose {
				t.Errorf("isProse = %v, want %v", l.isProse(), tt.prose)
			}
			if l.isHeadline() != tt.headline {
				t.Errorf("isHeadline = %v, want %v", l.isHeadline(), tt.headline)
			}
			if l.isQuestionHead() != tt.question {
				t.Errorf("isQuestionHead = %v, want %v", l.isQuestionHead(), tt.question)
			}
			if l.joined != tt.joined {
				t.Errorf("joined = %v, want %v", l.joined, tt.joined)
			}
			if l.linkLike != tt.linkLike {
				t.Errorf("linkLike = %v, want %v", l.linkLike, tt.linkLike)
			}
		})
	}
}

func TestSplitCredit(t *testing.T) {
	tests := []struct{ in, caption, credit string }{
		{"Crowds in the square on Monday. Photo: Jane Doe/Reuters", "Crowds in the square on Monday.", "Photo: Jane Doe/Reuters"},
		{"Crowds in the square on Monday (Getty Images)", "Crowds in the square on Monday", "Getty Images"},
		{"A reference habitation module. Credit: ESA", "A reference habitation module.", "Credit: ESA"},
		{"Crowds in the square on Monday.", "Crowds in the square on Monday.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, cr := splitCredit(tt.in, &rules.DefaultTextWeights)
			if c != tt.caption || cr != tt.credit {
				t.Errorf("splitCredit = (%q, %q), want (%q, %q)", c, cr, tt.caption, tt.credit)
			}
		})
	}
}

func TestInnerStops(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"He left early. She came late! Why did they go? Nobody knows.", 3},
		{"Prices rose in 2019. The bank held rates.", 1},
		{"Lt. Col. Alexander Vindman testified on Tuesday.", 0},
		{"The U.S. Army said it would not comment.", 0},
		{"It costs 3.5 million dollars.", 0},
		{"One sentence only.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := innerStops(tt.line); got != tt.want {
				t.Errorf("innerStops = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestIsTruncated(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"The council said the wall would be rebuilt by the spring of next...", true},
		{"Residents of the town may soon be asked to pay,…", true},
		{"He paused. \"And then...\" he said.", false},
		{"Wait for it...", true},
		{"The vote was close. ...", false},
		{"The vote was close.", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isTruncated(tt.line); got != tt.want {
				t.Errorf("isTruncated = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRepeatedLabel: a line that is one short string printed twice or more
// back to back is chrome, with the string's own reason when it has one;
// a line that repeats a single word, or a sentence that merely says
// something twice, is not.
func TestRepeatedLabel(t *testing.T) {
	tests := []struct {
		line string
		want article.Reason
	}{
		// must match
		{"Send in e-mailSend in e-mail", article.ReasonShare},
		{"Share on Facebook Share on Facebook", article.ReasonShare},
		{"Save for laterSave for later", article.ReasonShare},
		{"Pass this story on to a friendPass this story on to a friend", article.ReasonBoilerplate},
		{"Request A Quote Request A Quote", article.ReasonBoilerplate},
		{"Kristian LarsenKristian Larsen", article.ReasonBoilerplate},
		{"Toggle sidebar Toggle sidebar Toggle sidebar", article.ReasonBoilerplate},
		{"30 January 2025 / 23:07 GMT30 January 2025 / 23:07 GMT", reasonMeta},
		// must not match
		{"KenKen", ""},
		{"Bora Bora", ""},
		{"New York, New York", ""},
		{"The vote was close, very close, and the council said it would count again.", ""},
		{"Send in e-mail", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			l := newLine(tt.line, &rules.DefaultTextWeights)
			if got := l.repeatedLabel(); got != tt.want {
				t.Errorf("repeatedLabel(%q) = %q, want %q (unit %q)", tt.line, got, tt.want, l.unit)
			}
		})
	}
}

// TestInlineTeaser: a short line behind an arrow between two paragraphs is
// a teaser; a long sentence behind an arrow, a Python prompt and the items
// of a list of such lines stay.
func TestInlineTeaser(t *testing.T) {
	para := "The council said on Tuesday that most of those who voted supported the scheme to rebuild the wall."
	tests := []struct {
		name  string
		lines []string
		want  []bool
	}{
		{"double arrow", []string{para, ">> Supermarket price war hits small bakers hardest", para}, []bool{false, true, false}},
		{"guillemet", []string{para, "» Related: How to save money on car rentals", para}, []bool{false, true, false}},
		{"arrow", []string{para, "→ Flour prices expected to fall", para}, []bool{false, true, false}},
		{"pointer", []string{para, "► Why the high street bets on coffee", para}, []bool{false, true, false}},
		{"long sentence", []string{para, "→ The bottom line: the era of HR merely supporting technology is over, and it must now help steer how tools are chosen and used.", para}, []bool{false, false, false}},
		{"python prompt", []string{para, ">>> import this as that", para}, []bool{false, false, false}},
		{"two words", []string{para, "► Machine learning", para}, []bool{false, false, false}},
		{"list", []string{para, "→ Forty new shops in market towns", "→ About six hundred new jobs", "→ A second bakery school", para}, []bool{false, false, false, false, false}},
		{"no marker", []string{para, "Supermarket price war hits small bakers hardest", para}, []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newExtraction([]byte(strings.Join(tt.lines, "\n")), &rules.DefaultTextWeights, nil)
			for i := range tt.lines {
				if got := x.inlineTeaser(i); got != tt.want[i] {
					t.Errorf("inlineTeaser(%q) = %v, want %v", tt.lines[i], got, tt.want[i])
				}
			}
		})
	}
}

// TestHeadline: the headline is the line above the byline and date, not
// an image's alt text or a label between them and the body, and a long
// line without a full stop right under a shorter headline is its
// standfirst; a kicker above the headline is neither.
func TestHeadline(t *testing.T) {
	body := "The island's two ferry operators said on Tuesday that they would cut their winter timetables, blaming a rise in the price of fuel.\n" +
		"Commuters who cross the strait every weekday said the cuts would force them to drive the long way round, a journey of almost two hours.\n" +
		"The island council said it would ask the regional government for an emergency subsidy to keep at least one weekday sailing on each route.\n"
	tests := []struct {
		name, head, title, subtitle string
	}{
		{"standfirst without a stop",
			"Travel\nFerry operators cut winter crossings as fuel prices climb\nTwo island routes will run only at weekends from November, leaving hundreds of commuters to find other ways across\nBy Tomas Reyes\n",
			"Ferry operators cut winter crossings as fuel prices climb",
			"Two island routes will run only at weekends from November, leaving hundreds of commuters to find other ways across"},
		{"alt text under the byline",
			"Ferry operators cut winter crossings as fuel prices climb\nBy Tomas Reyes\n6 November 2024\nA ferry leaving the harbour at dawn\n",
			"Ferry operators cut winter crossings as fuel prices climb", ""},
		{"kicker above the headline",
			"Climate and environment\nFerry operators cut winter crossings as fuel prices climb\nBy Tomas Reyes\n",
			"Ferry operators cut winter crossings as fuel prices climb", ""},
		{"standfirst with a stop",
			"Ferry operators cut winter crossings\nTwo island routes will run only at weekends from November.\nBy Tomas Reyes\n",
			"Ferry operators cut winter crossings", "Two island routes will run only at weekends from November."},
		{"no byline",
			"Home\nFerry operators cut winter crossings as fuel prices climb\n",
			"Ferry operators cut winter crossings as fuel prices climb", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := Extract([]byte(tt.head+body), Options{})
			if a.Title != tt.title || a.Subtitle != tt.subtitle {
				t.Errorf("title %q, subtitle %q; want %q, %q", a.Title, a.Subtitle, tt.title, tt.subtitle)
			}
		})
	}
}
