// Command winnow-beam runs winnow's Beam pipeline: a manifest of WARC paths
// in, sharded JSONL out. The runner is chosen with Beam's --runner flag
// (direct, prism, flink, spark, dataflow); see beam/README.md.
package main

import (
	"context"
	"flag"
	"log"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/winnow-go/winnow/beam/pipeline"
)

var (
	manifest     = flag.String("manifest", "", "text file of WARC paths, one a line (required)")
	prefix       = flag.String("prefix", "", "put before manifest lines that have no scheme (e.g. s3://commoncrawl/)")
	output       = flag.String("output", "", "prefix of the output shards (required)")
	shards       = flag.Int("shards", 4, "number of output files")
	langs        = flag.String("lang", "", "keep only articles in these languages (comma-separated)")
	minWords     = flag.Int("min-words", 0, "keep only articles with at least N words")
	keepFiltered = flag.Bool("keep-filtered", false, `write filtered articles with status "filtered"`)
)

func main() {
	flag.Parse()
	beam.Init()
	if *manifest == "" || *output == "" {
		log.Fatal("winnow-beam: --manifest and --output are required")
	}
	o := pipeline.Options{Manifest: *manifest, Prefix: *prefix, Output: *output, Shards: *shards,
		MinWords: *minWords, KeepFiltered: *keepFiltered}
	for _, l := range strings.Split(*langs, ",") {
		if l = strings.TrimSpace(l); l != "" {
			o.Langs = append(o.Langs, l)
		}
	}
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, o)
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("winnow-beam: %v", err)
	}
}
