package runner

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

// key identifies a record in a run: the index of its input and its
// batch.Record.Offset and InMember.
type key struct {
	In  int
	Off int64
	Sub int64
}

func (a key) less(b key) bool {
	if a.In != b.In {
		return a.In < b.In
	}
	if a.Off != b.Off {
		return a.Off < b.Off
	}
	return a.Sub < b.Sub
}

// after is the first key after a record's: the same input, offset and
// gzip member, the next InMember.
func (a key) after() key { return key{a.In, a.Off, a.Sub + 1} }

// ints writes a key in the journal: [in, offset], with InMember after them
// when it is not zero.
func (a key) ints() []int64 {
	if a.Sub == 0 {
		return []int64{int64(a.In), a.Off}
	}
	return []int64{int64(a.In), a.Off, a.Sub}
}

// keyOf reads a key written by ints.
func keyOf(v []int64) (key, error) {
	switch len(v) {
	case 2:
		return key{int(v[0]), v[1], 0}, nil
	case 3:
		return key{int(v[0]), v[1], v[2]}, nil
	}
	return key{}, fmt.Errorf("bad record key %v", v)
}

// journalHeader is the first line of a checkpoint journal. A run resumes
// only from a journal whose header equals its own.
type journalHeader struct {
	Version int      `json:"winnow_batch_checkpoint"`
	Inputs  []string `json:"inputs"`
	Options string   `json:"options"`
}

// commitLine is one line of the journal after the header.
type commitLine struct {
	Len      int64            `json:"len"`
	WM       []int64          `json:"wm"`
	Done     [][]int64        `json:"done,omitempty"`
	Hashes   []string         `json:"hashes,omitempty"`
	Counts   map[string]int64 `json:"counts"`
	Complete bool             `json:"complete,omitempty"`
}

// resumeState is what a journal says about the work already committed.
type resumeState struct {
	outLen   int64
	wm       key
	done     map[key]bool
	hashes   map[[16]byte]bool
	counts   map[string]int64
	complete bool
	commits  int
}

func newResumeState() *resumeState {
	return &resumeState{done: map[key]bool{}, hashes: map[[16]byte]bool{}, counts: map[string]int64{}}
}

// apply folds one commit into the state, keeping only the done keys at or
// past the watermark.
func (s *resumeState) apply(c *commitLine) error {
	wm, err := keyOf(c.WM)
	if err != nil {
		return err
	}
	s.outLen = c.Len
	s.wm = wm
	for _, d := range c.Done {
		k, err := keyOf(d)
		if err != nil {
			return err
		}
		if !k.less(s.wm) {
			s.done[k] = true
		}
	}
	for k := range s.done {
		if k.less(s.wm) {
			delete(s.done, k)
		}
	}
	for _, h := range c.Hashes {
		var b [16]byte
		if n, err := hex.Decode(b[:], []byte(h)); err != nil || n != 16 {
			return fmt.Errorf("bad hash %q", h)
		}
		s.hashes[b] = true
	}
	s.counts = c.Counts
	s.complete = c.Complete
	s.commits++
	return nil
}

// journal is the append-only checkpoint file.
type journal struct {
	mu   sync.Mutex
	f    *os.File
	size int64 // its length after the last whole line
}

// createJournal starts a new journal with its header, durably.
func createJournal(path string, h journalHeader) (*journal, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	j := &journal{f: f}
	if err := j.appendLine(h); err != nil {
		f.Close()
		return nil, err
	}
	return j, nil
}

// openJournal reads an existing journal, checks its header against want,
// cuts off a last line left half-written by a kill, and leaves the file
// ready for appending.
func openJournal(path string, want journalHeader) (*journal, *resumeState, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, nil, err
	}
	st, good, err := readJournal(f, want)
	if err == nil {
		err = f.Truncate(good)
	}
	if err == nil {
		_, err = f.Seek(good, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("checkpoint %s: %w", path, err)
	}
	return &journal{f: f, size: good}, st, nil
}

// errNoHeader: the journal holds no whole header line, as when a run is
// killed between creating it and writing its header. Nothing was committed
// then, so the run starts over as if there were no checkpoint.
var errNoHeader = errors.New("checkpoint has no header")

var errHeaderMismatch = errors.New("was written by a different command (other inputs or options)")

// readJournal replays a journal. good is the length of its whole lines.
func readJournal(r io.Reader, want journalHeader) (st *resumeState, good int64, err error) {
	br := bufio.NewReaderSize(r, 1<<20)
	st = newResumeState()
	first := true
	for {
		line, err := br.ReadBytes('\n')
		if err != nil {
			// A line with no newline was cut by a kill: ignore it.
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, 0, err
		}
		if first {
			var h journalHeader
			if json.Unmarshal(line, &h) != nil || !sameHeader(h, want) {
				return nil, 0, errHeaderMismatch
			}
			first = false
			good += int64(len(line))
			continue
		}
		var c commitLine
		if json.Unmarshal(bytes.TrimSpace(line), &c) != nil {
			break
		}
		if err := st.apply(&c); err != nil {
			return nil, 0, err
		}
		good += int64(len(line))
	}
	if first {
		return nil, 0, errNoHeader
	}
	return st, good, nil
}

func sameHeader(a, b journalHeader) bool {
	if a.Version != b.Version || a.Options != b.Options || len(a.Inputs) != len(b.Inputs) {
		return false
	}
	for i := range a.Inputs {
		if a.Inputs[i] != b.Inputs[i] {
			return false
		}
	}
	return true
}

// appendLine writes v as one JSON line and fsyncs. When that fails the
// file is cut back to its last whole line.
func (j *journal) appendLine(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	_, err = j.f.Write(append(b, '\n'))
	if err == nil {
		err = j.f.Sync()
	}
	if err != nil {
		if j.f.Truncate(j.size) == nil {
			_, _ = j.f.Seek(j.size, io.SeekStart)
		}
		return err
	}
	j.size += int64(len(b)) + 1
	return nil
}

func (j *journal) Close() error { return j.f.Close() }

// window tracks the records handed to the workers, in reading order, to
// find the watermark: the oldest record not yet committed.
type window struct {
	mu       sync.Mutex
	order    []uint64
	head     int
	keys     map[uint64]key
	finished map[uint64]bool
	next     key // where the reader will go on; the watermark when none wait
}

func newWindow(start key) *window {
	return &window{keys: map[uint64]key{}, finished: map[uint64]bool{}, next: start}
}

// dispatch registers a record before it goes to the workers.
func (w *window) dispatch(seq uint64, k key) {
	w.mu.Lock()
	w.order = append(w.order, seq)
	w.keys[seq] = k
	w.next = k.after()
	w.mu.Unlock()
}

// advance moves the reader's position without a record to commit.
func (w *window) advance(k key) {
	w.mu.Lock()
	if w.next.less(k) {
		w.next = k
	}
	w.mu.Unlock()
}

// finish marks records committed and returns the new watermark.
func (w *window) finish(seqs []uint64) key {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, s := range seqs {
		w.finished[s] = true
	}
	for w.head < len(w.order) && w.finished[w.order[w.head]] {
		s := w.order[w.head]
		delete(w.finished, s)
		delete(w.keys, s)
		w.head++
	}
	if w.head > 1024 && w.head*2 > len(w.order) {
		w.order = append(w.order[:0], w.order[w.head:]...)
		w.head = 0
	}
	if w.head < len(w.order) {
		return w.keys[w.order[w.head]]
	}
	return w.next
}
