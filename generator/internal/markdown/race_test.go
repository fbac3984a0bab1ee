//go:build race

package markdown

func init() { raceEnabled = true }
