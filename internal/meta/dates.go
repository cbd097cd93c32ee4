package meta

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dates come out in RFC 3339. A value that carries a time keeps the page's
// own UTC offset ("2019-11-19T08:03:00-05:00"); a time with no offset is
// taken as UTC ("...Z"). A value with no time at all is written as an
// RFC 3339 full-date ("2019-11-19") rather than inventing midnight UTC,
// which would move the date for readers west of Greenwich.

// minYear is the earliest year accepted as a publication date.
const minYear = 1990

// maxYear is the latest year accepted: next year, to allow for time zones
// and scheduled posts.
var maxYear = time.Now().Year() + 1

// textLayouts are tried, in order, on values that are not ISO 8601.
var textLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.UnixDate,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700", "January 2, 2006 3:04 PM MST", "January 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04 PM", "January 2, 2006 15:04", "Jan 2, 2006 15:04",
}

// parseDate reads a machine-written date (meta content, datetime attribute,
// JSON-LD) and returns it in RFC 3339, or "" when it is not a date.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 6 || len(s) > 64 {
		return ""
	}
	if allDigits(s) {
		return parseDigits(s)
	}
	if len(s) >= 8 && allDigits(s[:4]) && (s[4] == '-' || s[4] == '/' || s[4] == '.') {
		return parseISO(s)
	}
	for _, l := range textLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return formatTime(t, true)
		}
	}
	if y, m, d, ok := findTextDate(s); ok {
		return formatDay(y, m, d)
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseDigits reads yyyymmdd, or epoch seconds or milliseconds.
func parseDigits(s string) string {
	switch len(s) {
	case 8:
		return formatDay(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8]))
	case 10, 13:
		n := int64(0)
		for i := 0; i < len(s); i++ {
			n = n*10 + int64(s[i]-'0')
		}
		if len(s) == 13 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		if t.Year() < minYear || t.Year() > maxYear {
			return ""
		}
		return t.Format(time.RFC3339)
	}
	return ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// takeNum reads up to max leading digits of s.
func takeNum(s string, max int) (int, string) {
	i := 0
	for i < len(s) && i < max && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return -1, s
	}
	return atoi(s[:i]), s[i:]
}

// parseISO reads "2019-11-19", "2019-11-19T08:03:00.000-05:00",
// "2019/11/19 08:03", "2019-11-19 08:03:00 +0000" and the like.
func parseISO(s string) string {
	y, r := takeNum(s, 4)
	sep := r[0]
	m, r := takeNum(r[1:], 2)
	if r == "" || r[0] != sep {
		return ""
	}
	d, r := takeNum(r[1:], 2)
	if y < 0 || m < 0 || d < 0 || !validDay(y, m, d) {
		return ""
	}
	if r == "" || (r[0] != 'T' && r[0] != 't' && r[0] != ' ') {
		return formatDay(y, m, d)
	}
	r = r[1:]
	hh, r := takeNum(r, 2)
	if hh < 0 || r == "" || r[0] != ':' {
		return formatDay(y, m, d)
	}
	mm, r := takeNum(r[1:], 2)
	ss := 0
	if r != "" && r[0] == ':' {
		ss, r = takeNum(r[1:], 2)
	}
	if r != "" && (r[0] == '.' || r[0] == ',') {
		r = r[1:]
		for r != "" && r[0] >= '0' && r[0] <= '9' {
			r = r[1:]
		}
	}
	if hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60 {
		return formatDay(y, m, d)
	}
	loc, hasZone, ok := parseZone(strings.TrimSpace(r))
	if !ok {
		return formatDay(y, m, d)
	}
	return formatTime(time.Date(y, time.Month(m), d, hh, mm, ss, 0, loc), hasZone)
}

// parseZone reads "Z", "+05:00", "+0500", "+05", "GMT", "UTC" or nothing.
func parseZone(z string) (*time.Location, bool, bool) {
	switch strings.ToUpper(z) {
	case "":
		return time.UTC, false, true
	case "Z", "GMT", "UTC", "+00:00", "+0000", "-00:00":
		return time.UTC, true, true
	}
	if z[0] != '+' && z[0] != '-' {
		return nil, false, false
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	h, r := takeNum(z[1:], 2)
	m := 0
	if r != "" && r[0] == ':' {
		r = r[1:]
	}
	if r != "" {
		m, r = takeNum(r, 2)
	}
	if h < 0 || h > 14 || m < 0 || m > 59 || r != "" {
		return nil, false, false
	}
	return time.FixedZone("", sign*(h*3600+m*60)), true, true
}

func validDay(y, m, d int) bool {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func formatDay(y, m, d int) string {
	if !validDay(y, m, d) {
		return ""
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// formatTime writes t in RFC 3339; a time without a zone is taken as UTC.
func formatTime(t time.Time, hasZone bool) string {
	if t.Year() < minYear || t.Year() > maxYear {
		return ""
	}
	if !hasZone {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	if _, off := t.Zone(); off == 0 {
		t = t.UTC()
	}
	return t.Format(time.RFC3339)
}

// urlDate finds a date in a URL path: /2019/11/19/, /2019-11-19/,
// /20191119/ or a segment starting with 2019-11-19 and a separator
// ("2019-11-19-story", "2019-11-19+Story").
func urlDate(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			return ""
		}
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	segs := strings.Split(u, "/")
	for i, s := range segs {
		if len(s) == 4 && allDigits(s) && i+2 < len(segs) {
			if len(segs[i+1]) <= 2 && len(segs[i+2]) <= 2 && allDigits(segs[i+1]) && allDigits(segs[i+2]) {
				if d := formatDay(atoi(s), atoi(segs[i+1]), atoi(segs[i+2])); d != "" {
					return d
				}
			}
		}
		if len(s) == 8 && allDigits(s) {
			if d := formatDay(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:])); d != "" {
				return d
			}
		}
		if len(s) >= 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:10]) &&
			(len(s) == 10 || s[10] == '-' || s[10] == '_' || s[10] == '.' || s[10] == '+') {
			if d := formatDay(atoi(s[:4]), atoi(s[5:7]), atoi(s[8:10])); d != "" {
				return d
			}
		}
	}
	return ""
}

// dateToken is one word of a visible dateline.
type dateToken struct {
	raw   string // lowercase, trailing dots and ordinal suffixes removed
	num   int    // value when raw is all digits, else -1
	month int    // month number when raw is a month name, else 0
}

// printedDate is a date written for people, found in a piece of text.
type printedDate struct {
	y, m, d int
	// updated is set when an update word ("Updated", "Aktualisiert",
	// "mis à jour") stands just before the date.
	updated bool
}

// findTextDate finds the first date written for people in s: "Nov. 19,
// 2019", "19 November 2019", "19. November 2019", "19 de noviembre de
// 2019", "04-ago-2021", "2019-11-19", "19.11.2019", "19.11.19",
// "2019年11月19日", "2019년 11월 19일".
func findTextDate(s string) (y, m, d int, ok bool) {
	p, ok := firstTextDate(s, false)
	return p.y, p.m, p.d, ok
}

// firstTextDate is findTextDate that also tells an update date; with
// skipUpdated it passes over dates introduced by an update word.
func firstTextDate(s string, skipUpdated bool) (printedDate, bool) {
	var out printedDate
	found := false
	scanTextDates(s, func(p printedDate) bool {
		if skipUpdated && p.updated {
			return true
		}
		out, found = p, true
		return false
	})
	return out, found
}

// scanTextDates calls fn with each date written for people in s, in
// order, until fn returns false.
func scanTextDates(s string, fn func(printedDate) bool) {
	if y, m, d, ok := findCJKDate(s); ok {
		if !fn(printedDate{y: y, m: m, d: d}) {
			return
		}
	}
	toks := tokenizeDate(s)
	last := 0 // the first token after the previous date
	emit := func(start, end, y, m, d int) bool {
		p := printedDate{y: y, m: m, d: d, updated: afterUpdateWord(toks[max(last, start-4):start])}
		last = end
		return fn(p)
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i < last {
			continue
		}
		if t.month > 0 {
			// Month day year: "Nov 19, 2019".
			if i+2 < len(toks) && isDayTok(toks[i+1]) && isYearTok(toks[i+2]) && validDay(toks[i+2].num, t.month, toks[i+1].num) {
				if !emit(i, i+3, toks[i+2].num, t.month, toks[i+1].num) {
					return
				}
				continue
			}
			// Day month year: "19 November 2019".
			if i >= 1 && i+1 < len(toks) && isDayTok(toks[i-1]) && isYearTok(toks[i+1]) && validDay(toks[i+1].num, t.month, toks[i-1].num) {
				if !emit(i-1, i+2, toks[i+1].num, t.month, toks[i-1].num) {
					return
				}
				continue
			}
			// Day de month (de) year: "19 de noviembre de 2019", "5 de
			// abril, 2022".
			if i >= 2 && isDayTok(toks[i-2]) && isLinkWord(toks[i-1].raw) {
				y := i + 1
				if y < len(toks) && isLinkWord(toks[y].raw) {
					y++
				}
				if y < len(toks) && isYearTok(toks[y]) && validDay(toks[y].num, t.month, toks[i-2].num) {
					if !emit(i-2, y+1, toks[y].num, t.month, toks[i-2].num) {
						return
					}
				}
			}
			continue
		}
		if t.num < 0 && len(t.raw) >= 6 {
			if y, m, d, ok := numericDate(t.raw); ok {
				if !emit(i, i+1, y, m, d) {
					return
				}
			}
		}
	}
}

// afterUpdateWord reports tokens before a date that say it is an update.
func afterUpdateWord(toks []dateToken) bool {
	if len(toks) == 0 {
		return false
	}
	var b strings.Builder
	b.WriteByte(' ')
	for _, t := range toks {
		b.WriteString(strings.ToLower(t.raw))
		b.WriteByte(' ')
	}
	s := b.String()
	for _, w := range updateWords {
		if strings.Contains(s, " "+w+" ") {
			return true
		}
	}
	return false
}

// isLinkWord reports the small words between day, month and year in
// Spanish and Portuguese datelines.
func isLinkWord(s string) bool { return s == "de" || s == "del" }

func isDayTok(t dateToken) bool  { return t.num >= 1 && t.num <= 31 && len(t.raw) <= 2 }
func isYearTok(t dateToken) bool { return t.num >= minYear && t.num <= maxYear && len(t.raw) == 4 }

// numericDate reads "2019-11-19", "2019/11/19", "19.11.2019",
// "19/11/2019" and, with two-digit years, "19.11.19" and "19/11/19"; a
// day/month order that could be read both ways is refused, except with
// dots, which are day first wherever they are written.
func numericDate(s string) (y, m, d int, ok bool) {
	if len(s) > 10 {
		s = s[:10]
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 || len(parts[0]) > 4 || len(parts[1]) > 2 || len(parts[2]) > 4 {
		return 0, 0, 0, false
	}
	a, b, c := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	if a < 0 || b < 0 || c < 0 {
		return 0, 0, 0, false
	}
	dots := strings.Contains(s, ".")
	switch {
	case len(parts[0]) == 4:
		y, m, d = a, b, c
	case len(parts[2]) == 2 && len(parts[0]) <= 2:
		// A two-digit year: only where the order is sure.
		c = twoDigitYear(c)
		switch {
		case dots || a > 12:
			y, m, d = c, b, a
		case b > 12 && !strings.Contains(s, "-"):
			y, m, d = c, a, b
		default:
			return 0, 0, 0, false
		}
	case len(parts[2]) != 4 || len(parts[0]) > 2:
		return 0, 0, 0, false
	case dots:
		y, m, d = c, b, a // 19.11.2019 is day first wherever it is written
	case a > 12:
		y, m, d = c, b, a
	case b > 12:
		y, m, d = c, a, b
	default:
		return 0, 0, 0, false
	}
	return y, m, d, validDay(y, m, d)
}

// twoDigitYear reads "19" as 2019 and "98" as 1998.
func twoDigitYear(n int) int {
	if 2000+n <= maxYear {
		return 2000 + n
	}
	return 1900 + n
}

// tokenizeDate splits s into words for findTextDate. A word that joins a
// day, a month name and a year with hyphens, dots or slashes
// ("04-ago-2021", "17.Dez.2023") is split into the three.
func tokenizeDate(s string) []dateToken {
	var toks []dateToken
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '|' || r == '(' || r == ')' || r == '·' || r == '•' || r == '»' || r == '«'
	})
	if len(fields) > 120 {
		fields = fields[:120]
	}
	for _, f := range fields {
		if a, m, y, ok := splitJoinedDate(f); ok {
			toks = appendDateToken(appendDateToken(toks, a), m)
			if len(y) == 2 {
				// "19-Nov-19": joined to a day and a month, two digits
				// are a year.
				toks = append(toks, fullYearToken(atoi(y)))
			} else {
				toks = appendDateToken(toks, y)
			}
			continue
		}
		if n, ok := apostropheYear(f); ok {
			toks = append(toks, fullYearToken(n))
			continue
		}
		toks = appendDateToken(toks, f)
	}
	return toks
}

// apostropheYear reads a year written with two digits after an
// apostrophe ("'19", "’19").
func apostropheYear(f string) (int, bool) {
	for _, a := range []string{"'", "’"} {
		if y, ok := strings.CutPrefix(f, a); ok && len(y) == 2 && allDigits(y) {
			return atoi(y), true
		}
	}
	return 0, false
}

// fullYearToken is the year token of a year written with two digits.
func fullYearToken(n int) dateToken {
	y := twoDigitYear(n)
	return dateToken{raw: strconv.Itoa(y), num: y}
}

// splitJoinedDate splits "04-ago-2021" or "17.Dez.2023" into day, month
// name and year, without allocating.
func splitJoinedDate(f string) (day, month, year string, ok bool) {
	i := strings.IndexAny(f, "-./")
	if i <= 0 || i > 2 || !allDigits(f[:i]) {
		return "", "", "", false
	}
	rest := f[i+1:]
	j := strings.IndexAny(rest, "-./")
	if j <= 0 || j+1 >= len(rest) || !allDigits(rest[j+1:]) || monthNames[strings.ToLower(rest[:j])] == 0 {
		return "", "", "", false
	}
	return f[:i], rest[:j], rest[j+1:], true
}

// ordinalSuffixes follow a day number: "19th", "1er", "1º".
var ordinalSuffixes = []string{"st", "nd", "rd", "th", "er", "º", "ª", "°"}

func appendDateToken(toks []dateToken, f string) []dateToken {
	f = strings.TrimRight(f, ".:;")
	if f == "" {
		return toks
	}
	t := dateToken{raw: f, num: -1}
	if f[0] >= '0' && f[0] <= '9' {
		if !allDigits(f) {
			for _, suf := range ordinalSuffixes {
				if n := len(f) - len(suf); n > 0 && n <= 2 && strings.EqualFold(f[n:], suf) && allDigits(f[:n]) {
					f = f[:n]
					t.raw = f
					break
				}
			}
		}
		if allDigits(f) {
			t.num = atoi(f)
		}
	} else if r, _ := utf8.DecodeRuneInString(f); unicode.IsLetter(r) {
		t.raw = strings.ToLower(f)
		t.month = monthNames[t.raw]
	}
	return append(toks, t)
}

// cjkDateMarks are the year, month and day signs of Chinese, Japanese and
// Korean dates.
var cjkDateMarks = [][3]string{{"年", "月", "日"}, {"년", "월", "일"}}

func findCJKDate(s string) (y, m, d int, ok bool) {
	for _, mk := range cjkDateMarks {
		i := strings.Index(s, mk[0])
		if i < 4 || !allDigits(s[i-4:i]) {
			continue
		}
		y = atoi(s[i-4 : i])
		r := strings.TrimLeft(s[i+len(mk[0]):], " ")
		m, r = takeNum(r, 2)
		if !strings.HasPrefix(r, mk[1]) {
			continue
		}
		r = strings.TrimLeft(r[len(mk[1]):], " ")
		d, r = takeNum(r, 2)
		if !strings.HasPrefix(r, mk[2]) {
			continue
		}
		if validDay(y, m, d) {
			return y, m, d, true
		}
	}
	return 0, 0, 0, false
}
