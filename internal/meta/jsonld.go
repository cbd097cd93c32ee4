package meta

import (
	"html"
	"strconv"
	"strings"
)

// Limits on JSON-LD walking.
const (
	jsonldMaxDepth   = 24
	jsonldMaxObjects = 2000
)

// websiteTypes name the object that describes the whole site.
var websiteTypes = map[string]bool{"website": true}

// ldInfo is what the JSON-LD of a page says about its article.
type ldInfo struct {
	headline    string
	alternative string
	description string
	authors     []ldAuthor
	published   string
	modified    string
	publisher   string
	siteName    string // name of a WebSite object
	image       string
	keywords    []string
	language    string
	url         string
	types       []string // every object's types, in page order (Kinds.LD)
}

// ldAuthor is one author entry; org is set for Organization authors.
type ldAuthor struct {
	name string
	org  bool
}

// parseJSONLD decodes one script body into its top-level values. Bodies
// that are not valid JSON get one lenient clean-up (comment wrappers,
// control characters, trailing commas); if that fails too they are skipped.
func parseJSONLD(body string) []any {
	body = stripWrappers(body)
	if body == "" {
		return nil
	}
	if vals, ok := decodeAll(body); ok {
		return vals
	}
	vals, _ := decodeAll(lenientJSON(body))
	return vals
}

// stripWrappers removes the HTML comment and CDATA markers some pages put
// around script bodies, and a trailing semicolon.
func stripWrappers(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["} {
		s = strings.TrimSpace(strings.TrimPrefix(s, p))
	}
	for _, p := range []string{"-->", "//]]>", "/*]]>*/", "]]>"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, p))
	}
	return strings.TrimSuffix(s, ";")
}

// lenientJSON turns raw control characters into spaces and drops commas
// that stand right before a closing bracket, leaving string contents alone
// apart from the control characters, which JSON forbids there.
func lenientJSON(s string) string {
	b := make([]byte, 0, len(s))
	inStr, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 {
			c = ' '
		}
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
			b = append(b, c)
			continue
		}
		switch c {
		case '"':
			inStr = true
		case '}', ']':
			// Drop a comma (and the spaces after it) before the bracket.
			j := len(b) - 1
			for j >= 0 && b[j] == ' ' {
				j--
			}
			if j >= 0 && b[j] == ',' {
				b = b[:j]
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// ldGraph is every JSON-LD object of a page, flattened, with an index of
// the ones that carry an @id.
type ldGraph struct {
	objects []map[string]any
	byID    map[string]map[string]any
}

func (g *ldGraph) add(v any, depth int) {
	if depth > jsonldMaxDepth || len(g.objects) >= jsonldMaxObjects {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			g.add(e, depth+1)
		}
	case map[string]any:
		g.objects = append(g.objects, t)
		if id, ok := t["@id"].(string); ok && id != "" && len(t) > 1 {
			if g.byID == nil {
				g.byID = make(map[string]map[string]any)
			}
			if _, dup := g.byID[id]; !dup {
				g.byID[id] = t
			}
		}
		for k, e := range t {
			switch e.(type) {
			case []any, map[string]any:
				if k != "@context" {
					g.add(e, depth+1)
				}
			}
		}
	}
}

// resolve returns the full object an {"@id": ...} reference points to.
func (g *ldGraph) resolve(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	if id, ok := m["@id"].(string); ok && len(m) == 1 {
		if full, ok := g.byID[id]; ok {
			return full
		}
	}
	return v
}

// ldTypes returns the lowercased schema.org type names of an object.
func ldTypes(m map[string]any) []string {
	var out []string
	switch t := m["@type"].(type) {
	case string:
		out = append(out, strings.ToLower(lastPathPart(t)))
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, strings.ToLower(lastPathPart(s)))
			}
		}
	}
	return out
}

// hasType reports whether one of ldTypes(m) is in set, lower-casing no
// copy of an ASCII type.
func hasType(m map[string]any, set map[string]bool) bool {
	var buf [64]byte
	in := func(t string) bool { return set[string(appendLower(buf[:0], lastPathPart(t)))] }
	switch t := m["@type"].(type) {
	case string:
		return in(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && in(s) {
				return true
			}
		}
	}
	return false
}

// readJSONLD parses every script body and reads the article object: the
// first object of an article type with a headline, else the first of an
// article type, else the first web page object.
func readJSONLD(bodies []string) ldInfo {
	var g ldGraph
	for _, b := range bodies {
		for _, v := range parseJSONLD(b) {
			g.add(v, 0)
		}
	}
	var info ldInfo
	var art, page map[string]any
	for _, o := range g.objects {
		if len(info.types) < maxKinds {
			info.types = append(info.types, ldTypes(o)...)
		}
		switch {
		case hasType(o, articleTypes):
			if art == nil || str(art["headline"]) == "" && str(o["headline"]) != "" {
				art = o
			}
		case page == nil && hasType(o, pageTypes):
			page = o
		case info.siteName == "" && hasType(o, websiteTypes):
			info.siteName = ldText(o["name"])
		}
	}
	if art == nil {
		art = page
	}
	if art == nil {
		return info
	}
	info.headline = ldText(art["headline"])
	if info.headline == "" && page == nil {
		info.headline = ldText(art["name"])
	}
	info.alternative = ldText(art["alternativeHeadline"])
	info.description = ldText(art["description"])
	info.published = str(art["datePublished"])
	if info.published == "" {
		info.published = str(art["dateCreated"])
	}
	info.modified = str(art["dateModified"])
	info.language = str(art["inLanguage"])
	info.url = urlOf(g.resolve(art["url"]))
	if info.url == "" {
		info.url = urlOf(g.resolve(art["mainEntityOfPage"]))
	}
	if pub, ok := g.resolve(art["publisher"]).(map[string]any); ok {
		info.publisher = ldText(pub["name"])
	} else if arr, ok := art["publisher"].([]any); ok && len(arr) > 0 {
		if pub, ok := g.resolve(arr[0]).(map[string]any); ok {
			info.publisher = ldText(pub["name"])
		}
	}
	info.image = urlOf(g.resolve(art["image"]))
	if info.image == "" {
		info.image = urlOf(g.resolve(art["thumbnailUrl"]))
	}
	info.authors = g.authors(art["author"])
	if len(info.authors) == 0 {
		info.authors = g.authors(art["creator"])
	}
	switch k := art["keywords"].(type) {
	case string:
		info.keywords = splitList(decodeEntities(k))
	case []any:
		for _, e := range k {
			if s, ok := e.(string); ok {
				info.keywords = append(info.keywords, splitList(decodeEntities(s))...)
			}
		}
	}
	return info
}

// authors reads an author value: a string, an object, or an array of
// either, with @id references resolved.
func (g *ldGraph) authors(v any) []ldAuthor {
	var out []ldAuthor
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch t := g.resolve(v).(type) {
		case string:
			out = append(out, ldAuthor{name: decodeEntities(strings.TrimSpace(t))})
		case []any:
			for _, e := range t {
				add(e, depth+1)
			}
		case map[string]any:
			name := ldText(t["name"])
			if name == "" {
				given, family := ldText(t["givenName"]), ldText(t["familyName"])
				name = strings.TrimSpace(given + " " + family)
			}
			if name != "" {
				out = append(out, ldAuthor{name: name, org: hasType(t, organizationTypes)})
			}
		}
	}
	add(v, 0)
	return out
}

// str returns v as a trimmed string when it is one (or a one-element
// array of one, or an object with @value).
func str(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	case map[string]any:
		return str(t["@value"])
	case float64:
		// Numbers appear where dates are given as epoch seconds.
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

// ldText is str for a value written for people (a headline, a name, a
// description), with the HTML entities some templates write into JSON
// strings ("Full &amp; Part", "O&#039;Brien") decoded: no HTML parser
// decodes them inside a script.
func ldText(v any) string { return decodeEntities(str(v)) }

// decodeEntities decodes HTML entities in s when it holds one closed by a
// semicolon ("&amp;", "&#038;", "&#x27;"), and leaves any other s as it
// is: an ampersand in "AT&T" or "Q&A" is no entity.
func decodeEntities(s string) string {
	for i := strings.IndexByte(s, '&'); i >= 0; {
		j := i + 1
		for j < len(s) && j-i <= 32 && (s[j] == '#' || 'a' <= s[j] && s[j] <= 'z' || 'A' <= s[j] && s[j] <= 'Z' || '0' <= s[j] && s[j] <= '9') {
			j++
		}
		if j > i+1 && j < len(s) && s[j] == ';' {
			return html.UnescapeString(s)
		}
		k := strings.IndexByte(s[j:], '&')
		if k < 0 {
			break
		}
		i = j + k
	}
	return s
}

// urlOf returns the address in an image or page value: a string, an
// object with url/@id/contentUrl, or the first of an array.
func urlOf(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		for _, e := range t {
			if u := urlOf(e); u != "" {
				return u
			}
		}
	case map[string]any:
		for _, k := range []string{"url", "contentUrl", "@id"} {
			if s := str(t[k]); s != "" {
				return s
			}
		}
	}
	return ""
}

// splitList splits a comma- or semicolon-separated list.
func splitList(s string) []string {
	sep := ","
	if !strings.Contains(s, ",") && strings.Contains(s, ";") {
		sep = ";"
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
