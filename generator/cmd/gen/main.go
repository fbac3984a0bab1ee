// Command gen builds the trilingual event-news site in the current directory
// (or --source DIR). Run "gen help" for the commands.
package main

import (
	"os"

	"github.com/eventnews/gen/generator/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
