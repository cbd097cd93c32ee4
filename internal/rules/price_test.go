package rules

import "testing"

// TestPriceLine: a line made of prices (amounts with a currency) and the
// words a shop prints around them is a price line; a sentence that names
// a price is not.
func TestPriceLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		// a price line
		{"$19.99", true},
		{"€132.34", true},
		{"99,90€", true},
		{"EUR15.32", true},
		{"Price $ 79.99", true},
		{"Sale price $24.95", true},
		{"Current price is $179.00", true},
		{"Starting from $178.99", true},
		{"$799 $799.00", true},
		{"AED: 549.56AED", true},
		{"GBP: $110.82", true},
		{"Regular price £1,249.00 Sale price £999.00", true},
		{"USD 14.40", true},
		{"Was $30 Now $20", true},
		{"$1,349.99Was $1,499.99Save $150", true},
		{"549.56AED", true},
		// not a price line
		{"", false},
		{"$", false},
		{"Price", false},
		{"1–9 20", false},
		{"30 Meters", false},
		{"4.8 out of 5", false},
		{"The desk costs $450 and ships free.", false},
		{"From $19.99 per month, cancel any time", false},
		{"Save $20 when you buy two", false},
		{"Cost to ship: USD 14.40", false},
		{"Bluetooth 5.3", false},
		{"$19 Coming Soon", false},
	} {
		if got := IsPriceLine(tc.line); got != tc.want {
			t.Errorf("IsPriceLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
