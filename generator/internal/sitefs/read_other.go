//go:build !unix

package sitefs

const rawReads = false

func readFile(string) ([]byte, error) { panic("sitefs: no raw reads here") }
