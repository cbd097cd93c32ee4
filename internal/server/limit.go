package server

import (
	"context"
	"sync/atomic"
)

// limiter bounds the extractions running at once and the requests waiting
// for one. A request that finds the waiting room full is turned away at
// once, so load past capacity costs a 503, not unbounded memory.
type limiter struct {
	admit chan struct{} // running + waiting
	work  chan struct{} // running
}

func newLimiter(concurrency, queue int) *limiter {
	return &limiter{
		admit: make(chan struct{}, concurrency+queue),
		work:  make(chan struct{}, concurrency),
	}
}

// acquire takes a slot, waiting in the queue if there is room. ok is
// false if the queue is full or ctx ends first. release must be called
// once the work is done.
func (l *limiter) acquire(ctx context.Context) (release func(), ok bool) {
	select {
	case l.admit <- struct{}{}:
	default:
		return nil, false
	}
	select {
	case l.work <- struct{}{}:
	case <-ctx.Done():
		<-l.admit
		return nil, false
	}
	return func() {
		<-l.work
		<-l.admit
	}, true
}

// budget is a count of bytes shared by the requests in progress: each
// takes bytes before it holds them and gives them back when it is done,
// so that what all requests hold at once stays under max however many
// there are, while a client that sends slowly holds only what it sent.
type budget struct {
	used atomic.Int64
	max  int64
}

// take reserves n bytes; it is false, reserving nothing, if that would
// pass the cap.
func (b *budget) take(n int64) bool {
	if b.used.Add(n) > b.max {
		b.used.Add(-n)
		return false
	}
	return true
}

// give returns n bytes taken before.
func (b *budget) give(n int64) { b.used.Add(-n) }
