package textmode

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/internal/decode"
	"github.com/winnow-go/winnow/render"
)

var (
	aebDir   = flag.String("aeb", "../../../shared/datasets/aeb", "folder of the AEB data set")
	aebWorst = flag.Int("aeb.worst", 0, "print the N worst pages of TestAEB")
	aebPage  = flag.String("aeb.page", "", "print the dump and the result of one AEB page id")
)

// aebFloor is the F1 that TestAEB must reach on flattened AEB pages. It
// guards against regressions; the measured figure is logged.
const aebFloor = 0.915

// TestAEB flattens every page of the AEB benchmark, runs Extract on the
// dump and scores the text against the ground truth with the benchmark's
// shingle metric.
func TestAEB(t *testing.T) {
	if v := os.Getenv("TM_GAP"); v != "" {
		fmt.Sscanf(v, "%d,%d,%d", &gapCostStep, &gapCostCap, &isolatedDiv)
	}
	if testing.Short() {
		t.Skip("long: runs the whole data set")
	}
	gtData, err := os.ReadFile(filepath.Join(*aebDir, "ground-truth.json"))
	if err != nil {
		t.Skipf("AEB data set not found: %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(gtData, &gt); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	type pageScore struct {
		id   string
		p, r float64
		f    float64
	}
	var scores []pageScore
	var sumP, sumR float64
	var nP, nR int
	for _, id := range ids {
		if *aebPage != "" && id != *aebPage {
			continue
		}
		dump, err := aebDump(filepath.Join(*aebDir, "html", id+".html.gz"))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		a := Extract(dump, Options{Explain: *aebPage != ""})
		got := render.PlainText(a.Blocks)
		if *aebPage != "" {
			t.Logf("LINES:\n%s", debugLines(dump))
			t.Logf("TITLE: %q\nSUBTITLE: %q\nSTATUS: %s\nTEXT:\n%s", a.Title, a.Subtitle, a.Status, got)
			for _, r := range a.Removed {
				t.Logf("  - [%s] %s", r.Reason, r.Text)
			}
		}
		tp, fp, fn := shingleCounts(gt[id].ArticleBody, got)
		s := pageScore{id: id}
		if sum := tp + fp + fn; sum > 0 {
			ntp, nfp, nfn := float64(tp)/float64(sum), float64(fp)/float64(sum), float64(fn)/float64(sum)
			if tp+fp > 0 {
				s.p = ntp / (ntp + nfp)
				sumP += s.p
				nP++
			}
			if tp+fn > 0 {
				s.r = ntp / (ntp + nfn)
				sumR += s.r
				nR++
			}
		}
		if s.p+s.r > 0 {
			s.f = 2 * s.p * s.r / (s.p + s.r)
		}
		scores = append(scores, s)
	}
	if nP == 0 || nR == 0 {
		t.Fatal("no page scored")
	}
	p, r := sumP/float64(nP), sumR/float64(nR)
	f1 := 2 * p * r / (p + r)
	t.Logf("flattened AEB, %d pages: precision %.4f recall %.4f F1 %.4f", len(scores), p, r, f1)
	if *aebWorst > 0 {
		sort.Slice(scores, func(i, j int) bool { return scores[i].f < scores[j].f })
		for _, s := range scores[:min(*aebWorst, len(scores))] {
			t.Logf("  %s P %.2f R %.2f F %.2f", s.id, s.p, s.r, s.f)
		}
	}
	if *aebPage == "" && f1 < aebFloor {
		t.Errorf("F1 %.4f is below the floor %.2f", f1, aebFloor)
	}
}

// aebDump reads one gzipped page and flattens it.
func aebDump(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	dec, err := decode.Decode(raw, decode.Options{})
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	doc, err := html.Parse(bytes.NewReader(dec.Text))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return Flatten(doc), nil
}

// shingleCounts compares two texts as multisets of 4-word shingles, words
// being runs of \w (letters, digits, marks and underscore), case kept.
func shingleCounts(want, got string) (tp, fp, fn int) {
	w, g := shingles(want), shingles(got)
	for k, nw := range w {
		ng := g[k]
		tp += min(nw, ng)
		fn += max(nw-ng, 0)
	}
	for k, ng := range g {
		fp += max(ng-w[k], 0)
	}
	return tp, fp, fn
}

func shingles(s string) map[string]int {
	toks := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_')
	})
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	n := 4
	if len(toks) < n {
		out[strings.Join(toks, " ")]++
		return out
	}
	for i := 0; i+n <= len(toks); i++ {
		out[strings.Join(toks[i:i+n], " ")]++
	}
	return out
}

// debugLines lists each line of a dump with its body-search score, role
// and reason, for looking at one page.
func debugLines(dump []byte) string {
	x := newExtraction(dump)
	x.labelLines()
	x.findFigures()
	scores := make([]int, len(x.lines))
	for i := range x.lines {
		scores[i] = x.lineScore(i)
	}
	gapScores(scores)
	start, end, _ := x.findBody()
	var b strings.Builder
	for i, l := range x.lines {
		mark := " "
		if i >= start && i <= end {
			mark = "#"
		}
		fmt.Fprintf(&b, "%s%4d %4d r%d %-10s %.110s\n", mark, i, scores[i], x.role[i], x.reason[i], l.text)
	}
	return b.String()
}
