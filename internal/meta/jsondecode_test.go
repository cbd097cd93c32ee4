package meta

import (
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
)

// decodeAllReference is decodeAll as first written, through
// encoding/json's Decoder: the reference the one-pass reader must agree
// with.
func decodeAllReference(s string) ([]any, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	var out []any
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			return out, len(out) > 0
		}
		if err != nil {
			return out, false
		}
		out = append(out, v)
	}
}

var decodeAllCases = []string{
	``, ` `, `{}`, `[]`, `{} {}`, `{}{}`, `[]"a"`, `{}1`, `1`, `1 2`, `1x`, `1 x`, `true false`, `truefalse`,
	`"a""b"`, `"a" "b"`, `null`, `nul`, `tru`, `{"a":1}x`, `{"a":1,}`, `[1,]`, `[01]`, `[-]`, `[1.]`, `[1e]`,
	`[.5]`, `[+1]`, `[-0.5e+10, 0, -0, 1E-3, 12.25]`, `[1e400]`, `[1e-400]`, `{"a":1e999}`,
	`{"@context":"https://schema.org","@type":"NewsArticle","headline":"A \"quoted\" title","author":[{"@type":"Person","name":"Ann"}]}`,
	`{"a":"\u00e9\ud83d\ude00\ud800\udc00x\ud800y\udc00\ud800\u0041"}`, `"\ud800\uZZZZ"`, `"\ud800\"`,
	`"\b\f\n\r\t\/\\\""`, `"\x"`, "\"tab\there\"", "\"bad \xff byte \xed\xa0\x80 ok é\"", `{"a":1,"a":2}`,
	`{"a" : [ true , false , null ] }`, `{"a"}`, `{"a":}`, `{1:2}`, `[`, `{`, `"abc`, `[1 2]`, `{"a":1 "b":2}`,
	"\ufeff{}", `{} x`, "[\"\u2028\"]", `"\u0000"`, `[[[[[]]]]]`, `01`, `1-2`, `1.5.5`, `-0-0`, `"a"1`, `1"a"`, `1e5e5`, `nulltrue`, `1.`, `-`, `1e+`,
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001),
}

func TestDecodeAll(t *testing.T) {
	for _, s := range decodeAllCases {
		got, gok := decodeAll(s)
		want, wok := decodeAllReference(s)
		if gok != wok || !reflect.DeepEqual(got, want) {
			name := s
			if len(name) > 80 {
				name = name[:80] + "..."
			}
			t.Errorf("decodeAll(%q) = %#v, %v; encoding/json %#v, %v", name, got, gok, want, wok)
		}
	}
}

func FuzzDecodeAll(f *testing.F) {
	for _, s := range decodeAllCases {
		if len(s) < 1000 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gok := decodeAll(s)
		want, wok := decodeAllReference(s)
		if gok != wok || !reflect.DeepEqual(got, want) {
			t.Errorf("decodeAll(%q) = %#v, %v; encoding/json %#v, %v", s, got, gok, want, wok)
		}
	})
}
