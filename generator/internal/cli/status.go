package cli

import (
	"fmt"
	"io"
)

func runStatus(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fmt.Fprintln(stderr, "gen status: not available yet")
	return 2
}
