// Package runner runs "winnow batch": it reads inputs record by record with
// the public batch package, extracts on a pool of workers, and writes one
// JSON line per record, with a checkpoint that lets a killed run resume.
//
// # Flow
//
//	reader goroutine ──jobs (bounded)──▶ N workers ──results (bounded)──▶ committer
//
// The reader streams records (never a whole input in memory; one record's
// body is capped, a larger one gets an error line) and registers each in a
// window before handing it to the workers. Workers run batch.Process, which
// recovers from panics. The committer, on the calling goroutine, applies
// --dedupe, counts every record by outcome, and commits the lines in chunks.
// Memory is bounded by the channel sizes, the chunk size and the cap.
//
// # Checkpoint and resume
//
// Next to OUT the run keeps a journal, OUT.ckpt, of text lines: a header
// naming the inputs and the options that shape the output, then one JSON
// line per commit. A commit is:
//
//  1. the chunk's lines are appended to OUT (for .gz as one gzip member, for
//     .zst as one zstd frame: both formats allow concatenation, so OUT is
//     valid at every commit) and OUT is fsynced;
//  2. a journal line is appended and fsynced, holding OUT's length, the
//     watermark, the keys of the records the chunk finished at or past the
//     watermark, the body hashes it added (for --dedupe) and the counters.
//
// A record's key is (input index, Record.Offset, Record.InMember), written
// [in, offset, in_member], or [in, offset] when in_member is 0. The
// watermark is the key of the oldest record not yet
// committed: every record before it is done.
//
// On start, if OUT.ckpt exists and its header matches, the run resumes: it
// reads the journal up to the last whole line (a line cut by a kill is
// dropped), truncates OUT to the length of the last commit (dropping lines
// written after it), opens the input of the watermark at its position with
// batch.OpenPosition, skips the later records whose keys were committed, and
// goes on. A kill at any point (SIGKILL included) loses at most the lines
// after the last commit, and those records are done again, so every record
// is in OUT exactly once. Without OUT.ckpt, or with --fresh, OUT is
// written anew. A journal whose header does not match is an error rather
// than a silent restart. When the run ends, a final commit marks the journal
// complete and the journal is removed; running the same command again then
// does the run again. A journal found complete (the run was killed before
// removing it) is removed and nothing else is done.
//
// Output "-" is standard output: plain JSON lines, no journal, so an
// interrupted run cannot be resumed and starts over when run again.
//
// Memory for the resume is bounded too: only keys at or past the watermark
// are kept, at most the records in flight. The --dedupe set grows with the
// number of distinct bodies (16 bytes each) and is rebuilt from the journal.
//
// # Filters
//
// Records dropped by --lang, --min-words or --dedupe are counted under
// "filtered_<filter>" and omitted from OUT, unless --keep-filtered, which
// writes them with status "filtered" and a "filter" field (and counts them
// in Summary.Lines). Records that are
// not pages (requests, non-200 responses, non-HTML) are counted under their
// skip reason and have no line. Every page gets a line: its article, its
// no-article status, or its error.
package runner
