package stop

import (
	"context"
	"testing"
)

func TestCheck(t *testing.T) {
	var nilCheck *Check
	if nilCheck.Stop() || nilCheck.Done() {
		t.Error("a nil Check stopped")
	}
	if New(context.Background()) != nil {
		t.Error("a context that is never done gave a Check")
	}

	ctx, cancel := context.WithCancel(context.Background())
	c := New(ctx)
	for i := 0; i < 3*Every; i++ {
		if c.Stop() {
			t.Fatalf("stopped at call %d before the context was done", i)
		}
	}
	cancel()
	calls := 0
	for !c.Stop() {
		calls++
		if calls > Every {
			t.Fatalf("still going %d calls after the context was done", calls)
		}
	}
	if !c.Stop() || !c.Done() {
		t.Error("a Check that stopped went on")
	}

	ctx2, cancel2 := context.WithCancel(context.Background())
	c2 := New(ctx2)
	cancel2()
	if !c2.Done() {
		t.Error("Done did not read the context at once")
	}
}

// BenchmarkStop is the cost of one call on the hot path, with and
// without a context that can be done.
func BenchmarkStop(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, bc := range []struct {
		name string
		c    *Check
	}{{"nil", nil}, {"live", New(ctx)}} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				if bc.c.Stop() {
					n++
				}
			}
			sink = n
		})
	}
}

var sink int
