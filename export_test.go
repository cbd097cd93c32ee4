package winnow

// EachString is eachString, for the tests of package winnow_test.
var EachString = eachString
