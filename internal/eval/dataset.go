package eval

import "github.com/winnow-go/winnow/internal/dataset"

// Page and Dataset are the labelled pages eval scores; see package dataset.
type (
	Page    = dataset.Page
	Dataset = dataset.Dataset
)

// Load reads a labelled page set; it is dataset.Load.
func Load(pagesDir, truthFile string) (*Dataset, error) { return dataset.Load(pagesDir, truthFile) }
