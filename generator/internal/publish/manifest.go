package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The folder gen keeps in the destination, and what it holds.
const (
	stateDir     = ".gen"
	manifestName = stateDir + "/manifest" // what the last complete build wrote
	journalName  = stateDir + "/journal"  // a build between its commit point and its end
	stageName    = stateDir + "/stage"    // files of the build in progress
	lockName     = stateDir + "/lock"
	stampsName   = stateDir + "/stamps" // what the copied source files were
	manifestHead = "gen manifest 1"
	stampsHead   = "gen stamps 1"
)

// An entry is one file of a build: its path relative to the destination,
// the SHA-256 of its bytes (128 bits, in hex) and its size; for a file
// copied from a source file, the source's stamp when it was read (kept in
// the stamps file, not in the manifest or the journal).
type entry struct {
	path  string
	hash  string
	size  int64
	stamp string // or ""
	op    byte   // opStaged, opKept, opRemove or opClear
}

const (
	opStaged = '+' // written into the stage: moves into place
	opKept   = '=' // already in place with these bytes
	opRemove = '-' // a file of the last build that is no longer part of the site
	opClear  = 'x' // in the way of the new site: removed before anything moves
)

// sum is the hash gen records for bytes.
func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

// format writes entries, sorted by path, one a line: op, hash, size and
// the quoted path. A manifest and a journal share it; in a manifest op is
// opKept, or opRemove for a file a build could not remove. Output is the
// same for the same files on any machine.
func format(entries []entry) []byte {
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	var buf bytes.Buffer
	buf.WriteString(manifestHead + "\n")
	for _, e := range entries {
		hash := e.hash
		if hash == "" {
			hash = "-"
		}
		fmt.Fprintf(&buf, "%c %s %d %s\n", e.op, hash, e.size, strconv.Quote(e.path))
	}
	return buf.Bytes()
}

// parse reads what format wrote. A line that cannot be read, or names a
// path that is not a plain relative path, is an error: gen then trusts
// nothing of the file.
func parse(data []byte) ([]entry, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != manifestHead {
		return nil, fmt.Errorf("not a gen manifest")
	}
	var out []entry
	for n := 2; sc.Scan(); n++ {
		e, err := parseLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

func parseLine(line string) (entry, error) {
	var e entry
	if len(line) < 2 || line[1] != ' ' || !strings.ContainsRune("+=-x", rune(line[0])) {
		return e, fmt.Errorf("no operation")
	}
	e.op, line = line[0], line[2:]
	hash, rest, ok1 := strings.Cut(line, " ")
	size, quoted, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 {
		return e, fmt.Errorf("too few fields")
	}
	p, err := strconv.Unquote(quoted)
	if err != nil {
		return e, fmt.Errorf("path: %v", err)
	}
	if err := checkPath(p); err != nil {
		return e, err
	}
	e.path, e.hash = p, hash
	if e.size, err = strconv.ParseInt(size, 10, 64); err != nil || e.size < 0 {
		return e, fmt.Errorf("size %q", size)
	}
	return e, nil
}

// checkPath accepts a relative, slash-separated path without empty, "."
// or ".." segments that does not lie in gen's own folder.
func checkPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return fmt.Errorf("%q is not a relative path", p)
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return fmt.Errorf("%q is not a plain relative path", p)
		}
	}
	if p == stateDir || strings.HasPrefix(p, stateDir+"/") {
		return fmt.Errorf("%q lies in %s/, which gen keeps for itself", p, stateDir)
	}
	return nil
}

// formatStamps writes the stamps of entries that have one, sorted by path,
// one a line: stamp, hash, size and the quoted path; nil if none has.
// Unlike the manifest, the stamps are this computer's: inode numbers and
// times.
func formatStamps(entries []entry) []byte {
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	var buf bytes.Buffer
	for _, e := range entries {
		if e.stamp != "" {
			fmt.Fprintf(&buf, "%s %s %d %s\n", e.stamp, e.hash, e.size, strconv.Quote(e.path))
		}
	}
	if buf.Len() == 0 {
		return nil
	}
	return append([]byte(stampsHead+"\n"), buf.Bytes()...)
}

// parseStamps reads what formatStamps wrote, by path; nil if anything in
// it cannot be read.
func parseStamps(data []byte) map[string]entry {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != stampsHead {
		return nil
	}
	out := map[string]entry{}
	for sc.Scan() {
		st, rest, _ := strings.Cut(sc.Text(), " ")
		e, err := parseLine("= " + rest)
		if err != nil || st == "" {
			return nil
		}
		e.stamp = st
		out[e.path] = e
	}
	if sc.Err() != nil {
		return nil
	}
	return out
}
