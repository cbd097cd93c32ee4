package rules

// MetaNames is what an element's class and id say to the metadata stage:
// whether it holds the standfirst, the byline, the date as text, and so
// on. The label pass reads them with the rest of what the element's names
// say (label.Node.MetaNames), once per class value a page uses; the
// metadata stage reads them from there.
//
// Tokens come from splitting class and id values on punctuation and
// camelCase; whole class words with the punctuation removed are looked up
// too ("sub-headline" → "subheadline"). This is not SplitTokens' split:
// digits and camelCase humps of capitals are read differently.
type MetaNames uint16

const (
	MetaSubtitle  MetaNames = 1 << iota // a standfirst under the headline
	MetaByline                          // holds the author names
	MetaDate                            // holds the publication date as text
	MetaNotByline                       // an author box part that is not the name
	MetaModified                        // an update date, not the publication date
	MetaKicker                          // a label above the headline, never a subtitle
	MetaMedia                           // an image, video or caption holder
	MetaHeadline                        // the headline, written without <h1>
)

// MetaClassTokens maps a class token to what it says about the element.
var MetaClassTokens = map[string]MetaNames{
	// Subtitle: the names sites give the standfirst.
	"standfirst": MetaSubtitle, "dek": MetaSubtitle, "deck": MetaSubtitle,
	"subtitle": MetaSubtitle, "subheadline": MetaSubtitle, "subhead": MetaSubtitle,
	"subheading": MetaSubtitle, "summary": MetaSubtitle, "lede": MetaSubtitle,
	"intro": MetaSubtitle, "sapo": MetaSubtitle, "chapo": MetaSubtitle,
	"chapeau": MetaSubtitle, "strapline": MetaSubtitle, "excerpt": MetaSubtitle,
	"teaser": MetaSubtitle, "abstract": MetaSubtitle,
	"description": MetaSubtitle | MetaNotByline,
	"lead":        MetaSubtitle, "leadin": MetaSubtitle, "sumario": MetaSubtitle,
	"bajada": MetaSubtitle, "entradilla": MetaSubtitle, "occhiello": MetaSubtitle,
	"catenaccio": MetaSubtitle, "vorspann": MetaSubtitle, "des": MetaSubtitle,
	"desc": MetaSubtitle,
	// Headline: read when the page has no <h1>.
	"headline": MetaHeadline, "entrytitle": MetaHeadline, "posttitle": MetaHeadline,
	"articletitle": MetaHeadline, "storytitle": MetaHeadline,
	// Kicker: the label above a headline.
	"kicker": MetaKicker, "eyebrow": MetaKicker, "overline": MetaKicker,
	"rubric": MetaKicker, "label": MetaKicker, "category": MetaKicker,
	// Byline.
	"byline": MetaByline, "author": MetaByline, "authors": MetaByline,
	"byl": MetaByline, "writer": MetaByline, "autor": MetaByline,
	"auteur": MetaByline, "contributor": MetaByline, "creator": MetaByline,
	"authorname": MetaByline,
	// Parts of an author box that are not the name.
	"bio": MetaNotByline, "avatar": MetaNotByline | MetaMedia,
	"image": MetaNotByline | MetaMedia, "img": MetaNotByline | MetaMedia,
	"photo": MetaNotByline | MetaMedia, "picture": MetaNotByline | MetaMedia,
	"thumb": MetaNotByline | MetaMedia, "thumbnail": MetaNotByline | MetaMedia,
	"caption": MetaMedia, "figure": MetaMedia, "video": MetaMedia, "media": MetaMedia,
	"credit": MetaMedia, "social": MetaNotByline, "twitter": MetaNotByline,
	"email": MetaNotByline, "follow": MetaNotByline, "more": MetaNotByline,
	"title": MetaNotByline, "role": MetaNotByline, "job": MetaNotByline,
	"list": MetaNotByline, "recirc": MetaNotByline,
	"comment": MetaNotByline, "comments": MetaNotByline, "card": MetaNotByline,
	"box": MetaNotByline, "info": MetaNotByline, "wrapper": MetaNotByline,
	// Dates shown as text.
	"date": MetaDate, "dates": MetaDate, "dateline": MetaDate, "time": MetaDate, "timestamp": MetaDate,
	"published": MetaDate, "pubdate": MetaDate, "posted": MetaDate,
	"postdate": MetaDate, "publishdate": MetaDate, "datum": MetaDate,
	"fecha": MetaDate, "data": MetaDate, "meta": MetaDate, "entrymeta": MetaDate,
	"postmeta": MetaDate, "articlemeta": MetaDate,
	"updated": MetaModified, "modified": MetaModified, "lastupdated": MetaModified,
}

// MetaNamesOf tokenizes one class or id value and returns what its
// tokens say (MetaClassTokens). Words are split on white space; each word
// is looked up whole without punctuation, then split on punctuation,
// digits and lower-to-upper case changes. Words longer than 64 bytes are
// skipped. It does not allocate.
func MetaNamesOf(v string) MetaNames {
	var f MetaNames
	var wholeBuf, tokBuf [64]byte
	for len(v) > 0 {
		// Next space-separated word.
		i := 0
		for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r') {
			i++
		}
		v = v[i:]
		j := 0
		for j < len(v) && v[j] != ' ' && v[j] != '\t' && v[j] != '\n' && v[j] != '\r' {
			j++
		}
		word := v[:j]
		v = v[j:]
		if word == "" || len(word) > 64 {
			continue
		}
		// One pass reads the tokens and the whole word, lower case and
		// letters only, which is the tokens joined: a word of one token
		// is looked up once.
		whole, b := wholeBuf[:0], tokBuf[:0]
		tokens := 0
		for k := 0; k <= len(word); k++ {
			var c byte
			if k < len(word) {
				c = word[k]
			}
			upper := 'A' <= c && c <= 'Z'
			lower := 'a' <= c && c <= 'z'
			if !upper && !lower || upper && k > 0 && 'a' <= word[k-1] && word[k-1] <= 'z' {
				if len(b) > 0 {
					tokens++
					if mayBeMetaWord(b) {
						f |= MetaClassTokens[string(b)]
					}
					b = b[:0]
				}
			}
			if upper {
				c += 'a' - 'A'
			} else if !lower {
				continue
			}
			b = append(b, c)
			whole = append(whole, c)
		}
		if tokens > 1 && mayBeMetaWord(whole) {
			f |= MetaClassTokens[string(whole)]
		}
	}
	return f
}

// metaWordFilter has, for each first byte, a bit for each length (up to
// 63) of the words in MetaClassTokens that start with it. Most class
// tokens fail this test and skip the map lookups.
var metaWordFilter = func() (f [256]uint64) {
	for w := range MetaClassTokens {
		if len(w) > 0 && len(w) < 64 {
			f[w[0]] |= 1 << len(w)
		}
	}
	return f
}()

// mayBeMetaWord reports whether b could be a key of MetaClassTokens.
func mayBeMetaWord(b []byte) bool {
	return len(b) > 0 && len(b) < 64 && metaWordFilter[b[0]]&(1<<len(b)) != 0
}
