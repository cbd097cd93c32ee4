// Command winnow-beam runs winnow's Beam pipeline: a manifest of WARC paths
// in, one gzipped JSONL file per WARC out. The runner is chosen with Beam's
// --runner flag (prism, direct, flink, spark, dataflow); see beam/README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/beam/pipeline"
)

var (
	manifest     = flag.String("manifest", "", "text file of WARC paths, one a line (required)")
	prefix       = flag.String("prefix", "", "put before manifest lines that have no scheme (e.g. s3://commoncrawl/)")
	output       = flag.String("output", "", "folder of the output files, one NAME-HASH.jsonl.gz per WARC (required)")
	langs        = flag.String("lang", "", "keep only articles in these languages (comma-separated ISO 639-1 codes, as in winnow batch --lang)")
	minWords     = flag.Int("min-words", 0, "keep only articles with at least N words")
	keepFiltered = flag.Bool("keep-filtered", false, `write filtered articles with status "filtered"`)
	timeout      = flag.Duration("timeout", pipeline.DefaultTimeout, "time limit for one page; a page over it gets an error line")
	maxRecord    = flag.Int64("max-record-mb", batch.DefaultMaxRecordBytes>>20, "largest record in MB, compressed or once gunzipped; larger ones get an error line")
	links        = flag.Bool("links", false, "keep the links of each block")
	noImages     = flag.Bool("no-images", false, "leave figures out")
	articlesOnly = flag.Bool("articles-only", false, "refuse pages that are not articles")
	skipExisting = flag.Bool("skip-existing", false, "leave out the WARCs whose output file exists (to finish a job that failed)")
)

func main() {
	flag.Parse()
	beam.Init()
	if *manifest == "" || *output == "" {
		log.Fatal("winnow-beam: --manifest and --output are required")
	}
	o := pipeline.Options{Manifest: *manifest, Prefix: *prefix, Output: *output,
		MinWords: *minWords, KeepFiltered: *keepFiltered, Timeout: *timeout, MaxRecordBytes: *maxRecord << 20,
		Links: *links, NoImages: *noImages, ArticlesOnly: *articlesOnly, SkipExisting: *skipExisting}
	if *timeout == 0 {
		o.Timeout = -1 // no limit, as "winnow batch --timeout 0"
	}
	var err error
	if o.Langs, err = winnow.ParseLanguages(*langs); err != nil {
		fmt.Fprintf(os.Stderr, "winnow-beam: --lang: %v\n", err)
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, o)
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("winnow-beam: %v", err)
	}
}
