package textmode

import (
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
