package server

import "context"

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
