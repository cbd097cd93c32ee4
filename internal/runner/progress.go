package runner

import (
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress reports a run on the log writer: a bar on a terminal, plain
// lines every few seconds elsewhere (logs, CI).
type progress struct {
	w                      io.Writer
	bar                    *progressbar.ProgressBar
	every                  time.Duration
	last                   time.Time
	start                  time.Time
	total, startBytes      int64
	bytes, records, errors *atomic.Int64
}

func newProgress(cfg Config, total, startBytes int64, bytes, records, errors *atomic.Int64) *progress {
	p := &progress{w: cfg.Log, every: cfg.LogEvery, total: total, startBytes: startBytes,
		bytes: bytes, records: records, errors: errors, start: time.Now()}
	p.last = p.start
	if p.every <= 0 {
		p.every = 5 * time.Second
	}
	if p.w != nil && cfg.Terminal {
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(250*time.Millisecond),
			progressbar.OptionSetWidth(20),
			progressbar.OptionShowDescriptionAtLineEnd(),
		)
		_ = p.bar.Set64(startBytes)
	}
	return p
}

// update refreshes the bar, or logs a line when one is due or final is set.
func (p *progress) update(final bool) {
	if p.w == nil {
		return
	}
	secs := time.Since(p.start).Seconds()
	recs, read := p.records.Load(), p.bytes.Load()
	rate := float64(recs) / max(secs, 1e-9)
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("%d pages, %.1f pages/s, %d errors", recs, rate, p.errors.Load()))
		_ = p.bar.Set64(min(read, p.total))
		if final {
			_ = p.bar.Finish()
			fmt.Fprintln(p.w)
		}
		return
	}
	if !final && time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	mbs := float64(read-p.startBytes) / 1e6 / max(secs, 1e-9)
	eta := "?"
	if mbs > 0 && p.total > read {
		eta = (time.Duration(float64(p.total-read)/1e6/mbs) * time.Second).Round(time.Second).String()
	} else if p.total <= read {
		eta = "0s"
	}
	fmt.Fprintf(p.w, "winnow batch: %d pages (%.1f/s), %.1f of %.1f MB (%.1f MB/s), %d errors, ETA %s\n",
		recs, rate, float64(read)/1e6, float64(p.total)/1e6, mbs, p.errors.Load(), eta)
}
