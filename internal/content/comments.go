package content

import (
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// The page's comments (Options.Comments). The decide step cuts comment
// sections as always (a comments mark, or the section under a
// "Comments" heading); with the option, buildBlocks reads each such
// section once more into blocks of their own, which never join the
// body's blocks, so the body, its root and its status do not change. A
// forum's posts are lifted out of the cuts as the page's items
// (kinds.go) and stay in the body.

// commentBlock is a block of the page's comments.
type commentBlock struct {
	article.Block
	at int // how many body blocks came before it, to keep page order
}

// cut reports whether e is left out of the blocks being built: removed,
// unless it is part of the comment section being read.
func (x *extraction) cut(e *elem) bool {
	return e.removed && !(x.inComments && e.mark == label.MarkComments && !e.Drop())
}

// collectComments reads the comment section n, cut from the body, into
// x.comments. Inside it the elements cut as comments are read, and the
// rest of what was cut (reply forms, buttons, hidden parts) is not.
// A section left with headings only ("Leave a Reply" over a reply form)
// holds no comment and is dropped.
func (x *extraction) collectComments(n dom.Node, id int32) {
	x.inComments = true
	from := len(x.comments)
	cf := &flow{x: x, owner: id}
	cf.element(n, id, id, false)
	cf.flush()
	x.inComments = false
	for _, c := range x.comments[from:] {
		if c.Type != article.Heading {
			return
		}
	}
	clear(x.comments[from:])
	x.comments = x.comments[:from]
}

// addComment adds a block of a comment section, unless it is furniture.
func (x *extraction) addComment(b article.Block, words, linkWords int) {
	if x.commentText(b, words, linkWords) {
		x.comments = append(x.comments, commentBlock{Block: b, at: len(x.blocks)})
	}
}

// commentText reports whether a block of a comment section is text:
// not an avatar or picture, not mostly links ("Reply", "12 comments",
// a list of recent comments' titles), not a furniture phrase (the
// "Comments" heading itself, "Leave a reply") or a comment policy.
func (x *extraction) commentText(b article.Block, words, linkWords int) bool {
	if b.Type == article.Figure || words == 0 {
		return false
	}
	if float64(min(linkWords, words)) > x.weights.MaxLinkDensity*float64(words) {
		return false
	}
	if b.Type != article.Paragraph && b.Type != article.Heading {
		return true
	}
	if rules.Vocab.MatchBlock(b.Text) != "" {
		return false
	}
	return b.Type != article.Paragraph || words > x.weights.MaxPolicyWords || !rules.IsCommentPolicy(b.Text)
}

// keptComments returns the page's comments in page order: the comment
// sections read by collectComments and the body's blocks the filter cut
// as comments (a section under a "Comments" line inside the article, a
// product's reviews), but not a comment policy (commentText).
func (x *extraction) keptComments() []article.Block {
	var out []article.Block
	t := 0
	for i := 0; i <= len(x.blocks); i++ {
		for ; t < len(x.comments) && x.comments[t].at <= i; t++ {
			out = append(out, x.comments[t].Block)
		}
		if i == len(x.blocks) {
			break
		}
		b := &x.blocks[i]
		if !b.keep && b.reason == label.MarkComments && x.commentText(*b.Block, int(b.words), int(b.linkWords)) {
			out = append(out, *b.Block)
		}
	}
	return out
}
