package main

import (
	"io"
	"time"
)

// measureServe is not written yet: gen serve does not exist in this tree.
func measureServe(genBin, site string, edits int, log io.Writer) ([]time.Duration, string) {
	return nil, "not measured: gen serve is not implemented yet"
}
