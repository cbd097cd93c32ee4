// Package stop lets the long walks of the stages end early once the
// caller's context is done (a deadline passed, the request went away),
// at a cost the hot path does not notice: a walk calls Stop once per
// node or line, and only one call in Every reads the context.
//
// The stages never fail, so a walk that stops just returns what it has;
// the pipeline, which checks the context after each stage, then returns
// the context's error and drops the partial result.
package stop

import "context"

// Every is how many calls to Stop pass between two reads of the context.
const Every = 4096

// Check polls one context. It is not safe for concurrent use: each
// extraction makes its own. A nil *Check never stops.
type Check struct {
	ctx  context.Context
	left int32 // calls until the next read of ctx
	done bool
}

// New returns a Check of ctx, or nil when ctx can never be done (nil, or
// one with no deadline and no cancel, as context.Background), so that
// walks without a deadline pay only a nil test.
func New(ctx context.Context) *Check {
	if ctx == nil || ctx.Done() == nil {
		return nil
	}
	return &Check{ctx: ctx, left: Every}
}

// Stop reports whether the walk should end because the context is done.
// It reads the context once every Every calls, so it may say false for up
// to Every calls after the deadline; once it has said true it always
// does. It is small enough to be inlined: the read is in Done.
func (c *Check) Stop() bool {
	if c == nil {
		return false
	}
	if c.left--; c.left > 0 {
		return false
	}
	return c.Done()
}

// Done reads the context now: between the steps of a stage, where one
// read costs nothing beside the step.
func (c *Check) Done() bool {
	if c == nil {
		return false
	}
	if !c.done {
		c.done = c.ctx.Err() != nil
		c.left = Every
	}
	if c.done {
		c.left = 0 // every later Stop comes here, and says true
	}
	return c.done
}
