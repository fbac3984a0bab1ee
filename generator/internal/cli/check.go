package cli

import (
	"fmt"
	"io"
)

func runCheck(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fmt.Fprintln(stderr, "gen check: not available yet")
	return 2
}
