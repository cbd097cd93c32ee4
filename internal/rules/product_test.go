package rules

import "testing"

// TestRatingLine: a line made of a rating's numbers and the words a shop
// prints around them is a rating summary; a sentence about a rating is
// not, nor a bare number.
func TestRatingLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		// a rating summary
		{"Rated 4.8 out of 5", true},
		{"Based on 46971 reviews", true},
		{"4.4 stars out of 1935 reviews", true},
		{"6239 Reviews", true},
		{"10 global ratings", true},
		{"4.8 out of 5 stars", true},
		{"0 Average Rating", true},
		{"(4.4) 1,935 reviews", true},
		{"4.7Average rating", true},
		{"7672Reviews", true},
		{"Rated 4.76 out of 5 based on 29 customer ratings", true},
		// not a rating summary
		{"", false},
		{"5", false},
		{"(4.4)", false},
		{"Reviews", false},
		{"Customer Reviews", false},
		{"Rated the best desk of 2024 by three magazines", false},
		{"The desk has 5 stars from Wood Review", false},
		{"30 Meters", false},
		{"5Reviewers loved it", false},
		{"Rave reviews Average review rating is 4.8 or higher.", false},
	} {
		if got := IsRatingLine(tc.line); got != tc.want {
			t.Errorf("IsRatingLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
