package rules

// Focus trades precision against recall when an extraction stage is unsure
// whether a block belongs to the article. It is the one definition of the
// idea: winnow.Focus is an alias of it, and both HTML mode
// (internal/content) and text mode (internal/textmode) read it.
type Focus int

const (
	// Balanced is the default: the setting that scores best overall.
	Balanced Focus = iota
	// Precision drops doubtful blocks: less chrome, perhaps less body.
	Precision
	// Recall keeps doubtful blocks: all of the body, perhaps some chrome.
	Recall
)
