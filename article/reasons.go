package article

// reasons lists every Reason in a fixed order with a one-line
// explanation for people reading an --explain listing or the web page.
// It is the one place that says what each reason means: the CLI, the
// service (GET /v1/reasons) and the web page all read it.
var reasons = []struct {
	reason Reason
	text   string
}{
	{ReasonNav, "Navigation: menus, section links, breadcrumbs, skip links, or a line above the story."},
	{ReasonHeader, "The site's masthead or banner, not part of the story."},
	{ReasonFooter, "The site's footer: copyright, legal and contact links."},
	{ReasonShare, "Share and print buttons or a social toolbar."},
	{ReasonFollow, "An invitation to follow the site or the author on social media."},
	{ReasonSubscribe, "A call to subscribe or become a member."},
	{ReasonLogin, "A sign-in, register or account prompt."},
	{ReasonNewsletter, "A newsletter sign-up box."},
	{ReasonTeaser, "A link to another story: related, recommended or \"read also\" items."},
	{ReasonPaywall, "A paywall or metered-access notice."},
	{ReasonComments, "Readers' comments, or the comment box and its policy."},
	{ReasonAd, "An advertisement, sponsored block or embedded frame."},
	{ReasonCookie, "A cookie or privacy consent notice."},
	{ReasonSidebar, "A sidebar or widget beside the story (most read, trending, related)."},
	{ReasonByline, "The byline or date line: kept as metadata (authors, published), not as body text."},
	{ReasonCredit, "A photo credit, or a credit line standing apart from its figure."},
	{ReasonCaption, "A caption standing apart from its figure (a gallery's or a teaser's)."},
	{ReasonDuplicate, "Text the page printed twice (a repeated paragraph or caption): kept once."},
	{ReasonHidden, "Hidden on the page (hidden or aria-hidden, display:none, a hidden class): a reader never sees it."},
	{ReasonScript, "Script, style, template or noscript markup, not text for readers."},
	{ReasonForm, "A form control: an input, a select or a text area."},
	{ReasonButton, "A button or its label (\"Load more\", \"Show all\")."},
	{ReasonTitle, "The headline, already in the title field."},
	{ReasonMeta, "Labels about the story, not in it: tags, categories, keywords, reading time."},
	{ReasonLowTextDensity, "A short line that is no sentence (a label, a stray date): cut when focusing on precision."},
	{ReasonLinkDensity, "Mostly links: most of its words are link text, as in a list of headlines."},
	{ReasonOutsideArticle, "Outside the part of the page chosen as the main content."},
	{ReasonBoilerplate, "Page furniture: a pop-up, filler, or a closing section about the author or how to contact the site."},
}

// Reasons returns every Reason winnow gives, in a fixed order.
func Reasons() []Reason {
	out := make([]Reason, len(reasons))
	for i, r := range reasons {
		out[i] = r.reason
	}
	return out
}

// Explanation says in one line what a piece removed for r was, in plain
// words ("link-density": mostly links). It is "" for an unknown reason.
func (r Reason) Explanation() string {
	for _, x := range reasons {
		if x.reason == r {
			return x.text
		}
	}
	return ""
}
