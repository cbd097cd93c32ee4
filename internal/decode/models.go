package decode

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// modelFiles holds one letter table per language; models/README.txt
// describes the format.
//
//go:embed models/*.txt
var modelFiles embed.FS

// lang is the letter model of one language, read from models/<name>.txt.
type lang struct {
	name     string
	charsets []string
	native   uint16 // bit set of native scripts
	cased    bool
	other    float64          // log share of unlisted native letters
	logp     map[rune]float64 // log share of each listed letter (lower case)
	finals   map[rune]rune    // word-final form → its base form
	bases    map[rune]bool    // base forms that have a final form
}

// langs parses the embedded tables once. The tables are part of the
// program, and a test parses them, so an error here is a build mistake.
var langs = sync.OnceValue(func() []*lang {
	ls, err := parseModels()
	if err != nil {
		panic("decode: " + err.Error())
	}
	return ls
})

// allLangs returns every language.
func allLangs() []*lang { return langs() }

// langsFor returns the languages written in charset name.
func langsFor(name string) []*lang {
	var out []*lang
	for _, l := range langs() {
		for _, c := range l.charsets {
			if c == name {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

func parseModels() ([]*lang, error) {
	names, err := modelFiles.ReadDir("models")
	if err != nil {
		return nil, err
	}
	var out []*lang
	for _, e := range names {
		if e.Name() == "README.txt" {
			continue
		}
		data, err := modelFiles.ReadFile(path.Join("models", e.Name()))
		if err != nil {
			return nil, err
		}
		l, err := parseModel(strings.TrimSuffix(e.Name(), ".txt"), data)
		if err != nil {
			return nil, fmt.Errorf("models/%s: %w", e.Name(), err)
		}
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

// parseModel reads one table in the format of models/README.txt.
func parseModel(name string, data []byte) (*lang, error) {
	l := &lang{name: name, logp: map[rune]float64{}, other: math.Log(0.0001)}
	zipfC, zipfK, rank := 0.0, 0.0, 0
	set := func(r rune, pct float64) {
		r = unicode.ToLower(r)
		if _, dup := l.logp[r]; !dup {
			l.logp[r] = math.Log(pct / 100)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		switch f[0] {
		case "charsets":
			l.charsets = append(l.charsets, f[1:]...)
		case "scripts":
			for _, s := range f[1:] {
				b, ok := scriptNames[s]
				if !ok {
					return nil, fmt.Errorf("line %d: unknown script %q", n, s)
				}
				l.native |= b.bit()
			}
		case "cased":
			l.cased = true
		case "other":
			p, err := pct(f, n)
			if err != nil {
				return nil, err
			}
			l.other = math.Log(p / 100)
		case "final":
			if len(f) != 3 {
				return nil, fmt.Errorf("line %d: want \"final F B\"", n)
			}
			fin, base := []rune(f[1]), []rune(f[2])
			if len(fin) != 1 || len(base) != 1 {
				return nil, fmt.Errorf("line %d: final forms are single letters", n)
			}
			if l.finals == nil {
				l.finals, l.bases = map[rune]rune{}, map[rune]bool{}
			}
			l.finals[fin[0]], l.bases[base[0]] = base[0], true
		case "zipf":
			if len(f) != 3 {
				return nil, fmt.Errorf("line %d: want \"zipf C K\"", n)
			}
			var err1, err2 error
			zipfC, err1 = strconv.ParseFloat(f[1], 64)
			zipfK, err2 = strconv.ParseFloat(f[2], 64)
			if err1 != nil || err2 != nil || zipfC <= 0 || zipfK <= 0 {
				return nil, fmt.Errorf("line %d: bad zipf numbers", n)
			}
		case ">":
			if zipfC == 0 {
				return nil, fmt.Errorf("line %d: ranked runes before a zipf line", n)
			}
			for _, r := range strings.Join(f[1:], "") {
				set(r, zipfC/(float64(rank)+zipfK))
				rank++
			}
		default:
			if len(f) < 2 {
				return nil, fmt.Errorf("line %d: want \"PCT CHARS\"", n)
			}
			p, err := pct(f, n)
			if err != nil {
				return nil, err
			}
			for _, r := range strings.Join(f[1:], "") {
				set(r, p)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(l.charsets) == 0 || l.native == 0 || len(l.logp) == 0 {
		return nil, fmt.Errorf("needs charsets, scripts and letters")
	}
	return l, nil
}

// pct parses the percentage in the first field of f.
func pct(f []string, line int) (float64, error) {
	idx := 0
	if f[0] == "other" {
		idx = 1
	}
	if len(f) <= idx {
		return 0, fmt.Errorf("line %d: missing number", line)
	}
	p, err := strconv.ParseFloat(f[idx], 64)
	if err != nil || p <= 0 || p > 100 {
		return 0, fmt.Errorf("line %d: %q is not a percentage", line, f[idx])
	}
	return p, nil
}
