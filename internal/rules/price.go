package rules

import "strings"

// A product page prints its price as a short line of its own in the buy
// box ("Sale price $24.95"): a label about the product, not its
// description, cut on a page declaring one product. A line holding any
// other word is a sentence and stays ("The desk costs $450 and ships
// free").

// PriceWords are the words a shop prints around a price.
var PriceWords = map[string]bool{
	"price": true, "prices": true, "regular": true, "sale": true, "current": true, "currently": true,
	"original": true, "now": true, "was": true, "from": true, "starting": true, "at": true, "is": true,
	"only": true, "just": true, "each": true, "unit": true, "or": true, "incl": true, "excl": true,
	"vat": true, "tax": true, "list": true, "our": true, "msrp": true, "rrp": true, "retail": true,
	"to": true, "and": true, "save": true,
}

// CurrencyCodes are ISO 4217 codes a shop prints beside an amount, read
// in capitals only ("TRY" is a lira, "try" a verb).
var CurrencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "CAD": true, "AUD": true, "NZD": true, "JPY": true,
	"CNY": true, "INR": true, "CHF": true, "SEK": true, "NOK": true, "DKK": true, "PLN": true,
	"CZK": true, "HUF": true, "RON": true, "AED": true, "SAR": true, "QAR": true, "KWD": true,
	"OMR": true, "BHD": true, "SGD": true, "HKD": true, "ZAR": true, "BRL": true, "MXN": true,
	"KRW": true, "RUB": true, "TRY": true, "ILS": true, "THB": true, "MYR": true, "IDR": true,
	"PHP": true, "VND": true, "UAH": true, "TWD": true,
}

// CurrencySigns are the signs and short names printed before or after an
// amount, longest first where one begins another.
var CurrencySigns = []string{
	"US$", "CA$", "NZ$", "HK$", "A$", "C$", "S$", "R$", "$", "€", "£", "¥", "₹", "₩", "₽",
	"₺", "₪", "₫", "฿", "₴", "zł", "Kč", "kr", "Fr",
}

// IsPriceLine reports whether a line is made of prices only: amounts,
// currency signs or codes and PriceWords, with at least one amount and
// one currency.
func IsPriceLine(s string) bool {
	var n, amounts, currencies int
	ok := true
	productTokens(s, func(tok string) {
		n++
		switch {
		case !ok:
		case PriceWords[strings.ToLower(tok)]:
		default:
			num, cur := moneyToken(tok)
			if !num && !cur {
				ok = false
			}
			if num {
				amounts++
			}
			if cur {
				currencies++
			}
		}
	})
	return ok && n <= MaxProductLabelWords && amounts > 0 && currencies > 0
}

// moneyToken reads a token as an amount with or without a currency
// before or after it ("$19.99", "549.56AED", "99,90€"), or a currency
// alone ("$", "EUR").
func moneyToken(tok string) (amount, currency bool) {
	rest, pre := cutCurrencyPrefix(tok)
	rest, post := cutCurrencySuffix(rest)
	if rest == "" {
		return false, pre || post
	}
	return isAmount(rest), (pre || post) && isAmount(rest)
}

// cutCurrencyPrefix cuts a currency sign or code off the start of tok.
func cutCurrencyPrefix(tok string) (string, bool) {
	for _, c := range CurrencySigns {
		if rest, ok := strings.CutPrefix(tok, c); ok {
			return rest, true
		}
	}
	if len(tok) >= 3 && CurrencyCodes[tok[:3]] && (len(tok) == 3 || !isLetter(tok[3])) {
		return tok[3:], true
	}
	return tok, false
}

// cutCurrencySuffix cuts a currency sign or code off the end of tok.
func cutCurrencySuffix(tok string) (string, bool) {
	for _, c := range CurrencySigns {
		if rest, ok := strings.CutSuffix(tok, c); ok {
			return rest, true
		}
	}
	if n := len(tok); n >= 3 && CurrencyCodes[tok[n-3:]] && (n == 3 || !isLetter(tok[n-4])) {
		return tok[:n-3], true
	}
	return tok, false
}

func isLetter(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }
