package textmode

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/render"
)

// TestFocus checks that text mode honours the Focus as HTML mode does:
// the precision focus drops a doubtful short line that the default keeps,
// and the recall focus keeps a two-word line that the default drops.
func TestFocus(t *testing.T) {
	text := `Harbour town votes to rebuild its sea wall
The council met on Tuesday evening and agreed, after a long debate about the cost and the timing of the work, that the old sea wall would be rebuilt before the winter storms.
Engineers told the meeting that the new wall would stand two metres higher than the old one, and that it should hold against the storms that now come every few years.
the plans in brief
council notes
Some residents had asked for a cheaper repair, but most of those who spoke said they would rather pay once for a wall that lasts for the rest of the century.
Work is due to begin next month, and the council expects the harbour road to stay open for most of the time the builders are on site.
`
	for _, tt := range []struct {
		focus             rules.Focus
		keepFour, keepTwo bool
	}{{rules.Balanced, true, false}, {rules.Precision, false, false}, {rules.Recall, true, true}} {
		a, _ := Extract([]byte(text), Options{Focus: tt.focus})
		got := render.PlainText(a.Blocks)
		if k := strings.Contains(got, "the plans in brief"); k != tt.keepFour {
			t.Errorf("focus %d: four-word line kept = %v, want %v\n%s", tt.focus, k, tt.keepFour, got)
		}
		if k := strings.Contains(got, "council notes"); k != tt.keepTwo {
			t.Errorf("focus %d: two-word line kept = %v, want %v\n%s", tt.focus, k, tt.keepTwo, got)
		}
	}
}
