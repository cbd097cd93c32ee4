package winnow

import (
	"testing"

	"github.com/winnow-go/winnow/internal/meta"
)

func TestDeclaresProduct(t *testing.T) {
	tests := []struct {
		name  string
		kinds meta.Kinds
		want  bool
	}{
		{"one JSON-LD product", meta.Kinds{LD: []string{"product", "breadcrumblist"}}, true},
		{"one microdata product", meta.Kinds{Microdata: []string{"product", "review", "review"}}, true},
		{"og:type product", meta.Kinds{OGType: "product"}, true},
		{"a product group and its variants", meta.Kinds{LD: []string{"product", "product", "product", "productgroup"}}, true},
		{"a grid of products", meta.Kinds{LD: []string{"product", "product", "product"}}, false},
		{"an article", meta.Kinds{LD: []string{"newsarticle"}, OGType: "article"}, false},
		{"nothing declared", meta.Kinds{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := declaresProduct(tt.kinds); got != tt.want {
				t.Errorf("declaresProduct(%+v) = %v, want %v", tt.kinds, got, tt.want)
			}
		})
	}
}
