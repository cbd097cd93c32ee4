// Package batch reads crawl archives record by record and turns each record
// into one JSON line, the unit of output of "winnow batch" and of the Apache
// Beam pipeline in the beam/ module. Both use this package, so the lines they
// write are byte for byte the same.
//
// The flow for one record is:
//
//	Open / OpenAt / OpenPosition
//	                a path → a Reader (WARC, WARC.gz with any number of
//	                records per gzip member, WET, a folder of
//	                .html/.html.gz files, one such file, or JSONL of
//	                {"url","html"}); WARC records are parsed by the
//	                package's own read-only reader (warcrecord.go)
//	NewReader       an io.Reader (a WARC or JSONL stream, read forward
//	                only) → a Reader giving the records Open gives for
//	                the same bytes (stream.go)
//	Reader.Next     → *Record: URL, HTTP status, Content-Type, body (capped),
//	                or the reason it is skipped, or the error reading it
//	Process         *Record → render.Record: the extraction (with recover),
//	                the no-article status or the error, and the filters
//	Record.Bytes    → one JSON line, the same type "winnow extract" writes
//
// Only HTTP 200 responses whose Content-Type is text/html or
// application/xhtml+xml (or missing) are extracted, and WET conversion records
// in text mode. Every other record comes back from Next with Skip set, so a
// caller can count it by reason.
//
// The worker pool, checkpointing and progress reporting of the CLI live in
// the internal runner (internal/runner), not here.
package batch
