package cli

import (
	"fmt"
	"io"
)

func runServe(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fmt.Fprintln(stderr, "gen serve: not available yet")
	return 2
}
