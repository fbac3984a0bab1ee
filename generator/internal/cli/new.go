package cli

import (
	"fmt"
	"io"
)

func runNew(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fmt.Fprintln(stderr, "gen new: not available yet")
	return 2
}
