package rules

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

func TestPhrasesMatch(t *testing.T) {
	tests := []struct {
		text string
		want article.Reason
	}{
		{"Share this article", article.ReasonShare},
		{"  SHARE  this!  ", article.ReasonShare},
		{"Read also: Council approves new budget", article.ReasonTeaser},
		{"READ MORE", article.ReasonTeaser},
		{"Lesen Sie auch: Neue Brücke eröffnet", article.ReasonTeaser},
		{"À lire aussi : la réforme des retraites", article.ReasonTeaser},
		{"Advertisement", article.ReasonAd},
		{"Story continues below advertisement", article.ReasonAd},
		{"Sign up for our newsletter and get the best stories", article.ReasonNewsletter},
		{"Comments are closed.", article.ReasonComments},
		{"We use cookies to improve your experience.", article.ReasonCookie},
		{"Follow us on Twitter", article.ReasonFollow},
		{"Log in", article.ReasonLogin},
		{"We may earn a commission when you buy through links on our site.", article.ReasonAd},
		{"Guestbook", article.ReasonComments},
		// prose that merely starts like furniture is not furniture
		{"Readers of the report will find that the council spent more than it said.", ""},
		{"Related to the budget, the council also voted to close two libraries next year after a long debate.", ""},
		{"Subscribers to the service complained about the price rise in a letter to the board this week.", ""},
		{"Sharing the stage with the mayor, the minister announced new funding.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Vocab.MatchBlock(tt.text); got != tt.want {
				t.Errorf("MatchBlock(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestPhrasesMatchExactIgnoresPrefixes(t *testing.T) {
	if got := Vocab.MatchBlockExact("Related articles"); got != article.ReasonTeaser {
		t.Errorf("MatchBlockExact(Related articles) = %q, want teaser", got)
	}
	if got := Vocab.MatchBlockExact("Read also: Council approves budget"); got != "" {
		t.Errorf("MatchBlockExact on an opener phrase = %q, want none", got)
	}
}

func TestSplitTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"article-body main", "article body | main"},
		{"shareBar__item--active", "share bar item active"},
		{"HTMLContent", "htmlcontent"},
		{"col-md-8 ad_slot2", "col md | ad slot"},
		{"", ""},
		// utility variants say when a class applies, not what it names
		{"md:hidden print:break-inside-avoid", "hidden | break inside avoid"},
		{"[h2]:pt-0 lg:first:pt-[calc(1rem)]", "pt | pt calc rem"},
		// hexadecimal hashes hold no words
		{"component_1ad269af0d", "component"},
		{"s-d153db7d-9667-4ad9-97fd", "s"},
		{"ad300 fade2", "ad | fade"},
		// nor the hash CSS modules append after a double underscore
		{"mdx-table_root__adKqa", "mdx table root"},
		{"WidgetWrapper_WidgetWrapper__R4uge", "widget wrapper widget wrapper"},
		{"article__ad", "article ad"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var parts []string
			var cur []string
			SplitTokens(tt.in, func(prev, tok string) {
				if prev == "" && len(cur) > 0 {
					parts = append(parts, strings.Join(cur, " "))
					cur = nil
				}
				cur = append(cur, tok)
			})
			if len(cur) > 0 {
				parts = append(parts, strings.Join(cur, " "))
			}
			if got := strings.Join(parts, " | "); got != tt.want {
				t.Errorf("SplitTokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenReason(t *testing.T) {
	tests := []struct {
		tok  string
		want article.Reason
	}{
		{"ad", article.ReasonAd},
		{"comments", article.ReasonComments},
		{"relatedposts", article.ReasonTeaser},
		{"sharebuttons", ""}, // "share" alone is a token, not a prefix
		{"socialicons", article.ReasonShare},
		{"header", ""},
		{"download", ""},
		{"commentary", ""},
		{"related", article.ReasonTeaser},
		{"infobox", article.ReasonSidebar},
		{"editsection", article.ReasonButton},
	}
	for _, tt := range tests {
		t.Run(tt.tok, func(t *testing.T) {
			got, _ := TokenReason(tt.tok)
			if got != tt.want {
				t.Errorf("TokenReason(%q) = %q, want %q", tt.tok, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	if got := Fold("  Don’t   MISS — this!! "); got != "don't miss this" {
		t.Errorf("Fold = %q", got)
	}
}

// The content stage looks a strong pair up only when its second token is
// a content token; a pair that breaks this would never match.
func TestStrongPairsEndInContentTokens(t *testing.T) {
	for pair := range StrongContentTokens {
		if !ContentTokens[pair[1]] {
			t.Errorf("strong pair %q ends in %q, which is not in ContentTokens", pair, pair[1])
		}
	}
}

func TestIsTeaserHeading(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"More Great Science Stories", true},
		{"Related articles", true},
		{"Popular news", true},
		{"Weitere Artikel", true},
		{"Más noticias", true},
		{"What the stories say", false},                      // no opener word
		{"More rain is expected", false},                     // no stories word
		{"Top stories of a very long year in review", false}, // too long
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := IsTeaserHeading(tt.text); got != tt.want {
				t.Errorf("IsTeaserHeading(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestIsCommentPolicy(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Comments are moderated and must be respectful.", true},
		{"ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados.", true},
		{"Read our comment policy.", true},
		{"The council will take comments until Friday.", false},
		{"The rules were approved on Tuesday.", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := IsCommentPolicy(tt.text); got != tt.want {
				t.Errorf("IsCommentPolicy(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestIsCookieNotice(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"We and our partners use cookies to personalise content. Accept all?", true},
		{"Avec votre accord, nous et nos partenaires utilisons des cookies.", true},
		{"The baker sold four hundred cookies at the fair.", false},
		{"Consent forms were signed by all the parents before the trip.", false},
	}
	for _, tt := range tests {
		if got := IsCookieNotice(tt.text); got != tt.want {
			t.Errorf("IsCookieNotice(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestIsByline(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		// must match
		{"By Jane Doe", true},
		{"Reported by Jane Doe", true},
		{"Przez Jana Kowalskiego", true},
		{"Autor: Hans Müller", true},
		{"von Hans Müller", true},
		{"Par Jean Dupont", true},
		{"Автор: Иван Петров", true},
		{"By the Associated Press", true},
		{"di Luca Ferri · 9 maggio 2024", true},
		// must not match
		{"By then, it was too late.", false},
		{"By the end of the year", false},
		{"Przez lata nic się nie zmieniło.", false},
		{"Autor tekstu nie odpowiedział.", false},
		{"Bystanders Jane and John", false},
		{"Author", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsByline(tt.text); got != tt.want {
			t.Errorf("IsByline(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCutBylinePrefix(t *testing.T) {
	tests := []struct{ in, rest string }{
		{"Written by Jane Doe", "Jane Doe"}, // the longest prefix wins
		{"BY: Jane Doe", "Jane Doe"},
		{"Reporting by Jane Doe; editing by John Roe", "Jane Doe; editing by John Roe"},
		{"Przez Jana Kowalskiego", "Jana Kowalskiego"},
		{"Byline Jane", ""},
		{"Jane Doe", ""},
	}
	for _, tt := range tests {
		rest, ok := CutBylinePrefix(tt.in)
		if rest != tt.rest || ok != (tt.rest != "") {
			t.Errorf("CutBylinePrefix(%q) = %q, %v, want %q", tt.in, rest, ok, tt.rest)
		}
	}
}

func TestHasScreenReaderClass(t *testing.T) {
	for _, tt := range []struct {
		class string
		want  bool
	}{
		{"visually-hidden", true},
		{"price visually-hidden--inline", false}, // a modifier of its own, no verdict
		{"sr-only", true},
		{"srOnly label", true},
		{"screen-reader-text", true},
		{"hidden", false},    // hides until a script shows it
		{"is-hidden", false}, // no whole name of the table
		{"d-none", false},
		{"only-sr-link", false},
	} {
		if got := HasScreenReaderClass(tt.class); got != tt.want {
			t.Errorf("HasScreenReaderClass(%q) = %v, want %v", tt.class, got, tt.want)
		}
		if HasScreenReaderClass(tt.class) && !HasHiddenClass(tt.class) {
			t.Errorf("%q is a screen-reader class but not a hiding one", tt.class)
		}
	}
}
