package decode

// sniffLen is how much of the start of the input the binary checks read.
const sniffLen = 8192

// magic is one known file signature: Bytes at Offset means Kind.
type magic struct {
	Offset int
	Bytes  string
	Kind   string
}

// binaryMagics are signatures of common non-text files that crawls pick up
// in place of pages. Each is long or distinctive enough not to start a
// text page by chance (two-letter ones such as "BM" and "MZ" are left to
// the NUL and control-byte checks).
var binaryMagics = []magic{
	{0, "\x89PNG\r\n\x1a\n", "PNG image"},
	{0, "\xff\xd8\xff", "JPEG image"},
	{0, "GIF87a", "GIF image"},
	{0, "GIF89a", "GIF image"},
	{0, "%PDF-", "PDF document"},
	{0, "%!PS-Adobe", "PostScript document"},
	{0, "PK\x03\x04", "ZIP archive (or DOCX, XLSX, EPUB, JAR)"},
	{0, "PK\x05\x06", "ZIP archive (empty)"},
	{0, "Rar!\x1a\x07", "RAR archive"},
	{0, "7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{0, "\xfd7zXZ\x00", "XZ archive"},
	{0, "\x28\xb5\x2f\xfd", "Zstandard data"},
	{0, "BZh", "bzip2 data"}, // checked further in sniffBinary
	{0, "\x1f\x8b", "gzip data"},
	{0, "\x7fELF", "ELF executable"},
	{0, "\xca\xfe\xba\xbe", "Java class or Mach-O binary"},
	{0, "\xcf\xfa\xed\xfe", "Mach-O binary"},
	{0, "\xce\xfa\xed\xfe", "Mach-O binary"},
	{0, "\x00asm", "WebAssembly module"},
	{0, "RIFF", "RIFF media (WAV, AVI, WebP)"}, // checked further in sniffBinary
	{4, "ftyp", "MP4 or QuickTime video"},
	{0, "ID3\x02", "MP3 audio"},
	{0, "ID3\x03", "MP3 audio"},
	{0, "ID3\x04", "MP3 audio"},
	{0, "OggS", "Ogg media"},
	{0, "fLaC", "FLAC audio"},
	{0, "MThd\x00\x00\x00\x06", "MIDI audio"},
	{0, "\x1a\x45\xdf\xa3", "Matroska or WebM video"},
	{0, "wOFF", "WOFF font"},
	{0, "wOF2", "WOFF2 font"},
	{0, "OTTO\x00", "OpenType font"},
	{0, "II*\x00", "TIFF image"},
	{0, "MM\x00*", "TIFF image"},
	{0, "\x00\x00\x01\x00", "ICO image"},
	{0, "SQLite format 3\x00", "SQLite database"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"},
	{0, "\xac\xed\x00\x05", "Java serialized data"},
	{0, "WARC/", "WARC archive (pass its records, not the file)"},
}

// sniffBinary returns a *BinaryError when the start of data is a known
// binary signature, or holds NUL bytes or too many control bytes for text.
func sniffBinary(data []byte) error {
	if err := sniffMagic(data); err != nil {
		return err
	}
	head := data
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	nul, ctrl := 0, 0
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b:
			// ESC (0x1b) is kept out: ISO-2022-JP text is full of it.
			ctrl++
		case c == 0x7f:
			ctrl++
		}
	}
	// A stray NUL or control byte occurs in real pages; binary formats
	// have them everywhere (random bytes: about 11%). NULs weigh more, as
	// text almost never has them.
	if (4*nul+ctrl)*100 >= 8*len(head) {
		if nul > 0 {
			return &BinaryError{Kind: "data with NUL bytes"}
		}
		return &BinaryError{Kind: "data with control bytes"}
	}
	return nil
}

// sniffMagic returns a *BinaryError when data starts with a known binary
// signature.
func sniffMagic(data []byte) error {
	for _, m := range binaryMagics {
		if len(data) >= m.Offset+len(m.Bytes) && string(data[m.Offset:m.Offset+len(m.Bytes)]) == m.Bytes {
			if m.Bytes == "BZh" && !isBzip2(data) || m.Bytes == "RIFF" && !isRIFF(data) {
				continue
			}
			return &BinaryError{Kind: m.Kind}
		}
	}
	return nil
}

// isBzip2 checks the bzip2 block magic after "BZh" and the level digit.
func isBzip2(data []byte) bool {
	return len(data) >= 10 && data[3] >= '1' && data[3] <= '9' && string(data[4:10]) == "1AY&SY"
}

// isRIFF checks the form type of a RIFF file.
func isRIFF(data []byte) bool {
	if len(data) < 12 {
		return false
	}
	switch string(data[8:12]) {
	case "WEBP", "WAVE", "AVI ":
		return true
	}
	return false
}

// sniffUTF16 recognizes UTF-16 without a BOM from its NUL pattern: text
// that is mostly ASCII has a NUL in every other byte. le reports the byte
// order.
func sniffUTF16(data []byte) (le, ok bool) {
	n, evenNUL, oddNUL := countNULs(data, 1024)
	if n < 8 {
		return false, false
	}
	pairs := n / 2
	switch {
	case oddNUL*10 >= pairs*4 && evenNUL*20 <= pairs:
		return true, true
	case evenNUL*10 >= pairs*4 && oddNUL*20 <= pairs:
		return false, true
	}
	return false, false
}

// countNULs counts the NUL bytes at even and at odd offsets of the first
// n bytes of data: at most limit, rounded down to whole 16-bit units.
func countNULs(data []byte, limit int) (n, even, odd int) {
	n = min(len(data), limit) &^ 1
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	return n, even, odd
}

// utf16Pattern reports whether the start of data has the NUL pattern of
// UTF-16 text with some ASCII in it (markup, spaces, digits): NULs at one
// parity, the high bytes of the ASCII characters, and next to none at the
// other. It is much weaker than sniffUTF16's test, which wants mostly
// ASCII: text in Cyrillic, Greek or CJK has few NULs. It is trusted only
// beside a declaration (see declaredUTF16). le reports the byte order.
func utf16Pattern(data []byte) (le, ok bool) {
	n, evenNUL, oddNUL := countNULs(data, utf16PatternLen)
	if n < 8 {
		return false, false
	}
	need := max(4, n/2/100) // NULs in at least 1% of the code units
	switch {
	case oddNUL >= need && evenNUL*8 <= oddNUL:
		return true, true
	case evenNUL >= need && oddNUL*8 <= evenNUL:
		return false, true
	}
	return false, false
}

// utf16PatternLen is how much of the input utf16Pattern reads.
const utf16PatternLen = 8192
