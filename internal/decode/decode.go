// Package decode turns the bytes of a page into valid UTF-8 text.
//
// Decode runs these steps, in order:
//
//  1. gunzip, when the bytes start with the gzip magic (nested and
//     multi-member streams included), capped at Options.MaxBytes. A stream
//     that ends early or breaks off gives ErrTruncatedGzip, unless at least
//     512 bytes came out of it: then Decode goes on with that prefix (a
//     truncated page still has an article to extract) and sets
//     Result.Truncated;
//  2. the size cap, the byte order mark (UTF-8, UTF-16LE, UTF-16BE) and
//     UTF-16 without a mark: mostly ASCII (a NUL in every other byte), or
//     declared as UTF-16 by the header or by a <meta> written in UTF-16
//     and borne out by some NULs at one parity (text in Cyrillic or CJK
//     has few), and decoding with few replacement characters;
//  3. the empty and binary checks (known magic numbers, NUL and control
//     bytes near the start);
//  4. the charset: the Content-Type header, then <meta> or the XML
//     declaration in the first 4096 bytes, each kept only while its
//     decoding is plausible; otherwise detection (see below);
//  5. the conversion to UTF-8, with invalid sequences replaced by U+FFFD;
//     in a page read as UTF-8, the words that are mostly not UTF-8 are
//     first read in the legacy charset detection finds for them (below).
//
// # Which declaration wins
//
// A declaration is set aside when the bytes contradict it:
//
//   - bytes that are valid UTF-8 and hold multi-byte sequences are UTF-8,
//     whatever is declared (legacy text is practically never valid UTF-8);
//   - a declared UTF-8 is kept when the bytes are mostly valid UTF-8, so a
//     page with a few broken bytes keeps its charset. Mostly valid means
//     at least four valid multi-byte sequences per invalid byte, or, on a
//     page with paragraphs pasted in from a legacy charset, whole words of
//     valid sequences worth at least half the invalid bytes (legacy text
//     practically never forms such words);
//   - any other declared charset is kept unless the detector finds a
//     decoding that is clearly more plausible: better by more than a nat
//     per byte outside ASCII, with at least 16 such bytes to judge by.
//
// The header is tried before the meta, so when both are plausible the
// header wins; when the header's decoding is implausible and the meta's is
// not, the meta wins; when neither is, mostly valid UTF-8 stays UTF-8
// and otherwise detection decides. So a UTF-8 page with half its
// paragraphs in windows-1251 is UTF-8 unless windows-1251 is declared.
//
// In a page read as UTF-8, a word (a run of bytes from 0x40 up) with more
// invalid bytes than valid sequences is legacy text pasted in: all such
// words are read in the charset detection finds for them, when that reads
// better than replacement characters and they hold at least 16 bytes
// outside ASCII; so both halves of that page come out. Otherwise, and in a
// word that is mostly UTF-8 (cut inside a character), each invalid
// sequence becomes one U+FFFD.
//
// # Detection
//
// With no usable declaration, the detector decodes a sample (the words
// that hold bytes outside ASCII, from the first 64 KiB after the first
// such byte) with each candidate charset: windows-1252, windows-1250,
// windows-1251, koi8-r, windows-1253, windows-1255, iso-8859-8,
// windows-1256, shift_jis, euc-jp, gbk, big5, euc-kr, and damaged utf-8.
// It scores each decoding by how plausible its letters are in the languages
// written in that charset: the share of each letter (the tables in
// models/), plus penalties for replacement characters, letters of a
// foreign script, letters touching letters of another script, upper case
// inside a lower-case word, punctuation inside words and misplaced final
// forms. The best score wins; windows-1252 gets a small head start that
// matters only for pages with a few accented letters.
//
// Decode is safe for concurrent use. For valid UTF-8 input that is not
// gzipped, Result.Text aliases the input: nothing is copied.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Errors Decode returns; test for them with errors.Is.
var (
	// ErrEmpty is returned for input with nothing but white space in it.
	ErrEmpty = errors.New("empty input")
	// ErrBinary is returned for input that is not text. The error is a
	// *BinaryError that says what the input looks like.
	ErrBinary = errors.New("binary input, not text")
	// ErrTooLarge is returned when the input, after gunzip, is over
	// Options.MaxBytes.
	ErrTooLarge = errors.New("input too large")
	// ErrTruncatedGzip is returned for a gzip stream that ends early or is
	// corrupt before a useful prefix could be read (see Result.Truncated).
	ErrTruncatedGzip = errors.New("truncated gzip input")
)

// BinaryError reports input that is not text, and what it looks like.
// errors.Is(err, ErrBinary) is true for it.
type BinaryError struct {
	// Kind names what the bytes look like, e.g. "PNG image", "PDF document"
	// or "data with NUL bytes".
	Kind string
}

func (e *BinaryError) Error() string { return ErrBinary.Error() + ": looks like " + e.Kind }

// Is makes errors.Is(err, ErrBinary) true.
func (e *BinaryError) Is(target error) bool { return target == ErrBinary }

// Options for Decode. The zero value means: no header, no size cap.
type Options struct {
	// ContentType is the HTTP Content-Type header; it may be empty.
	ContentType string
	// MaxBytes caps the size of the input after gunzip (transcoding to
	// UTF-8 may at most triple it); 0 means no cap.
	MaxBytes int64
}

// Sources of Result.Source.
const (
	SourceBOM      = "bom"      // a byte order mark
	SourceHeader   = "header"   // the Content-Type header
	SourceMeta     = "meta"     // <meta charset>, <meta http-equiv> or <?xml encoding?>
	SourceDetected = "detected" // read from the bytes themselves
	SourceDefault  = "default"  // nothing declared and nothing to detect (ASCII)
)

// Result of Decode.
type Result struct {
	// Text is valid UTF-8 with the BOM stripped. For valid UTF-8 input that
	// was not gzipped it is a sub-slice of the input.
	Text []byte
	// Charset is the WHATWG name of the source charset, e.g. "utf-8",
	// "windows-1251", "shift_jis".
	Charset string
	// Source says how the charset was found: one of the Source constants.
	Source string
	// Overruled names a declaration that was set aside because the bytes
	// contradict it, as "header:NAME" or "meta:NAME"; empty when none was.
	Overruled string
	// Gzipped is true when the input was gzip-compressed.
	Gzipped bool
	// Truncated is true when a gzip stream ended early or broke off and
	// Text holds the prefix that could be read.
	Truncated bool
}

// Decode gunzips (if gzip), checks, and converts data to UTF-8, as the
// package doc describes. Bad input gives an error, never a panic.
func Decode(data []byte, opts Options) (Result, error) {
	var res Result
	if isGzip(data) {
		out, truncated, err := gunzip(data, opts.MaxBytes)
		if err != nil {
			return Result{}, err
		}
		data, res.Gzipped, res.Truncated = out, true, truncated
	}
	if opts.MaxBytes > 0 && int64(len(data)) > opts.MaxBytes {
		return Result{}, fmt.Errorf("%w: %d bytes, cap %d", ErrTooLarge, len(data), opts.MaxBytes)
	}
	if isBlank(data) {
		return Result{}, ErrEmpty
	}

	// Byte order marks, and UTF-16 without one.
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return finishUTF8(res, data[len(bomUTF8):], "utf-8", SourceBOM)
	case bytes.HasPrefix(data, bomUTF16LE):
		return finishUTF16(res, data[2:], false, SourceBOM)
	case bytes.HasPrefix(data, bomUTF16BE):
		return finishUTF16(res, data[2:], true, SourceBOM)
	}
	if le, ok := sniffUTF16(data); ok {
		source := SourceDetected
		if _, s, declared := declaredUTF16(data, opts.ContentType); declared {
			source = s
		}
		return finishUTF16(res, data, !le, source)
	}
	if err := sniffMagic(data); err != nil {
		return Result{}, err
	}
	if bigEndian, source, ok := declaredUTF16(data, opts.ContentType); ok {
		// Text mostly outside ASCII has too few NULs for sniffUTF16 and
		// looks binary; a declaration the bytes bear out says what it is.
		if r, err := finishUTF16(res, data, bigEndian, source); err == nil && plausibleText(r.Text) {
			return r, nil
		}
	}
	if err := sniffBinary(data); err != nil {
		return Result{}, err
	}

	ch := chooseCharset(data, opts.ContentType)
	res.Charset, res.Source, res.Overruled = ch.name, ch.source, ch.overruled
	if ch.name == "utf-8" {
		return finishUTF8(res, data, res.Charset, res.Source)
	}
	if ch.name == "utf-16le" || ch.name == "utf-16be" {
		return finishUTF16(res, data, ch.name == "utf-16be", ch.source)
	}
	if ch.ascii {
		// Pure ASCII reads the same in every ASCII-compatible charset.
		res.Text = data
		return res, nil
	}
	out, err := transcode(ch.enc, data)
	if err != nil {
		return Result{}, fmt.Errorf("decode %s: %w", ch.name, err)
	}
	res.Text = out
	return checkBlank(res)
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// finishUTF8 returns text as UTF-8, copying only when it holds invalid
// sequences.
func finishUTF8(res Result, text []byte, name, source string) (Result, error) {
	res.Charset, res.Source = name, source
	if utf8.Valid(text) {
		res.Text = text
	} else {
		res.Text = legacyWords(text)
	}
	return checkBlank(res)
}

// finishUTF16 decodes UTF-16 text without a BOM.
func finishUTF16(res Result, text []byte, bigEndian bool, source string) (Result, error) {
	endian, name := unicode.LittleEndian, "utf-16le"
	if bigEndian {
		endian, name = unicode.BigEndian, "utf-16be"
	}
	res.Charset, res.Source = name, source
	if len(text)%2 == 1 {
		text = text[:len(text)-1] // a dangling half code unit
	}
	out, err := transcode(unicode.UTF16(endian, unicode.IgnoreBOM), text)
	if err != nil {
		return Result{}, fmt.Errorf("decode %s: %w", name, err)
	}
	if err := sniffBinary(out); err != nil {
		// Binary data with a NUL in every other byte reads as UTF-16
		// full of control characters.
		return Result{}, err
	}
	res.Text = out
	return checkBlank(res)
}

// plausibleText reports whether decoded text has few replacement
// characters (at most one rune in a hundred, as unpaired surrogates give
// in binary data read as UTF-16).
func plausibleText(text []byte) bool {
	bad := bytes.Count(text, []byte("\uFFFD"))
	return bad*100 <= utf8.RuneCount(text)
}

// transcode converts data to valid UTF-8 with enc.
func transcode(enc encoding.Encoding, data []byte) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, nil
}

// checkBlank turns a result with only white space (and BOMs) into ErrEmpty.
func checkBlank(res Result) (Result, error) {
	text := res.Text
	for len(text) > 0 {
		switch {
		case isSpace(text[0]):
			text = text[1:]
		case bytes.HasPrefix(text, bomUTF8):
			text = text[len(bomUTF8):]
		default:
			return res, nil
		}
	}
	return Result{}, ErrEmpty
}

// isBlank reports whether data holds only ASCII white space.
func isBlank(data []byte) bool {
	for _, c := range data {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
