//go:build !unix

package build

import "time"

// cpuTime is not measured here: BenchmarkTemplates1000 reports 0.
func cpuTime() time.Duration { return 0 }
