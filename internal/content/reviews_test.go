package content

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

// productBody is a product's description, long enough to be the body.
const productBody = `<h1>Oak writing desk</h1>
<p>A solid oak writing desk with two drawers, finished by hand in a clear oil that brings out the grain and stands up to daily use at home or in a small office.</p>
<p>The top measures 120 by 60 centimetres and the frame is joined with mortise and tenon, so the desk stays square and quiet for years without any tightening of screws.</p>
<p>It ships flat in one box with the legs and drawers packed apart, and goes together in about twenty minutes with the key that comes in the box.</p>
<p>Each drawer runs on wooden rails waxed at the workshop, and the back panel has a cut-out for cables so that a lamp and a laptop charger can sit on the desk tidily.</p>`

// buyerReviews are three reviews as a shop prints them.
const buyerReviews = `<div class="review-item"><h4>Sturdy and handsome</h4><p>I bought this desk for my study and it has been great for three months now, the drawers glide well even when full.</p><p>Report</p></div>
<div class="review-item"><h4>Easy to build</h4><p>It took me a quarter of an hour to put together on my own and the oil finish was flawless when it arrived.</p><p>Report</p></div>
<div class="review-item"><h4>Smaller than I hoped</h4><p>A fine desk, well made, but check the size first because two monitors side by side do not quite fit on top.</p><p>Report</p></div>`

// moreReviews are two more, for a page that is all reviews.
const moreReviews = `<div class="review-item"><h4>Good value</h4><p>Solid wood at this price is rare, and the finish has stood up to coffee cups and a cat walking across it every single morning.</p></div>
<div class="review-item"><h4>Second one bought</h4><p>We liked the first so much that we ordered another for the spare room, and it matched the first one in colour and grain very closely.</p></div>`

func TestDropProductReviews(t *testing.T) {
	reviews := buyerReviews
	press := `<p>“A handsome desk.” – Home Weekly</p><p>“Built to last.” – Wood Review</p>`
	tests := []struct {
		name    string
		page    string
		product bool
		cut     string // text that must be cut; "" for none
		keep    string // text that must stay
	}{
		{"buyers' reviews on a product page are cut",
			`<article>` + productBody + `<section id="customer-reviews">` + reviews + `</section></article>`,
			true, "glide well", "mortise and tenon"},
		{"camelCase name is read too",
			`<article>` + productBody + `<div class="productReviews">` + reviews + `</div></article>`,
			true, "glide well", "mortise and tenon"},
		{"not a product page: the reviews stay",
			`<article>` + productBody + `<section id="customer-reviews">` + reviews + `</section></article>`,
			false, "", "glide well"},
		{"a few press quotes stay",
			`<article>` + productBody + `<div class="reviews">` + press + `</div></article>`,
			true, "", "Built to last"},
		{"singular review names a review's body, not a widget",
			`<article>` + productBody + `<section class="review">` + reviews + `</section></article>`,
			true, "", "glide well"},
		{"a widget holding most of the page is the body",
			`<article><h1>Oak writing desk</h1><p>A short line on the desk.</p><div class="reviews">` + reviews + moreReviews + `</div></article>`,
			true, "", "glide well"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(parsePage(t, `<html><body>`+tt.page+`</body></html>`), article.Metadata{Title: "Oak writing desk"}, Options{Product: tt.product})
			got := keptText(res)
			if tt.cut != "" && strings.Contains(got, tt.cut) {
				t.Errorf("kept %q, want it cut:\n%s", tt.cut, got)
			}
			if !strings.Contains(got, tt.keep) {
				t.Errorf("cut %q, want it kept:\n%s", tt.keep, got)
			}
		})
	}
}
