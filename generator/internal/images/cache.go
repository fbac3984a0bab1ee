package images

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Cache keeps processed pictures by the SHA-256 of their source bytes and
// the settings' fingerprint: in a folder (Dir), where it outlives the
// process (CI can keep it between runs), or in memory when Dir is "". It
// also remembers, for a run that reads the site through a file system that
// gives modification times, which key the file at a path had at a given
// size and time, so a rebuild in gen serve does not read a picture again.
// A Cache is safe for concurrent use; one may serve any number of runs.
type Cache struct {
	dir string

	mu      sync.Mutex
	entries map[string]*entry   // by key
	seen    map[string]seenFile // by source path

	decodes, encodes atomic.Int64
}

// entry is what the cache holds for one key.
type entry struct {
	Format  string         `json:"format"`
	Width   int            `json:"width"` // upright
	Height  int            `json:"height"`
	Outputs []storedOutput `json:"outputs"`
	data    [][]byte       // the outputs' bytes, in memory only
}

type storedOutput struct {
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Type   string `json:"type"`
	Ext    string `json:"ext"`
	Share  bool   `json:"share,omitempty"`
}

func (o storedOutput) file() string {
	if o.Share {
		return "share." + o.Ext
	}
	return strconv.Itoa(o.Width) + "." + o.Ext
}

type seenFile struct {
	size int64
	mod  time.Time
	key  string
}

// NewCache returns a cache in the folder dir, made when first written,
// or in memory when dir is "".
func NewCache(dir string) *Cache {
	return &Cache{dir: dir, entries: map[string]*entry{}, seen: map[string]seenFile{}}
}

// DefaultDir is gen's folder in the user's cache folder
// (os.UserCacheDir, e.g. ~/.cache/gen/images), or "" without one.
func DefaultDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "gen", "images")
}

// Dir is the cache's folder, "" for memory.
func (c *Cache) Dir() string { return c.dir }

// Work is how much picture work a cache's runs did.
type Work struct {
	Decoded int64 // pictures decoded
	Encoded int64 // files encoded
}

// Work returns the work done so far.
func (c *Cache) Work() Work { return Work{Decoded: c.decodes.Load(), Encoded: c.encodes.Load()} }

func (c *Cache) decoded() { c.decodes.Add(1) }
func (c *Cache) encoded() { c.encodes.Add(1) }

func keyOf(data []byte, fingerprint string) string {
	h := sha256.New()
	h.Write(data)
	h.Write([]byte{0})
	h.Write([]byte(fingerprint))
	return hex.EncodeToString(h.Sum(nil))
}

// knownKey returns the key remembered for the file at src, if its size
// and modification time are still the same.
func (c *Cache) knownKey(src string, info fs.FileInfo, fingerprint string) string {
	if info == nil || info.ModTime().IsZero() {
		return ""
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.seen[src+"\x00"+fingerprint]
	if ok && s.size == info.Size() && s.mod.Equal(info.ModTime()) {
		return s.key
	}
	return ""
}

func (c *Cache) remember(src string, info fs.FileInfo, fingerprint, key string) {
	if info == nil || info.ModTime().IsZero() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[src+"\x00"+fingerprint] = seenFile{size: info.Size(), mod: info.ModTime(), key: key}
}

// lookup returns the entry of key, from memory or the folder.
func (c *Cache) lookup(key string) *entry {
	c.mu.Lock()
	e := c.entries[key]
	c.mu.Unlock()
	if e != nil || c.dir == "" {
		return e
	}
	data, err := os.ReadFile(filepath.Join(c.folder(key), "meta.json"))
	if err != nil {
		return nil
	}
	e = &entry{}
	if json.Unmarshal(data, e) != nil || len(e.Outputs) == 0 {
		return nil
	}
	for _, o := range e.Outputs {
		if _, err := os.Stat(filepath.Join(c.folder(key), o.file())); err != nil {
			return nil
		}
	}
	c.mu.Lock()
	c.entries[key] = e
	c.mu.Unlock()
	return e
}

// folder is where the outputs of key lie.
func (c *Cache) folder(key string) string { return filepath.Join(c.dir, key[:2], key) }

// store keeps the outputs under key: in the folder, written into a
// folder of their own that is then renamed into place, so that no run
// sees half of them; or in memory.
func (c *Cache) store(key string, e *entry, outs []output) error {
	for _, o := range outs {
		e.Outputs = append(e.Outputs, storedOutput{Width: o.width, Height: o.height, Type: o.mime, Ext: o.ext, Share: o.share})
		if c.dir == "" {
			e.data = append(e.data, o.data)
		}
	}
	if c.dir != "" {
		if err := c.write(key, e, outs); err != nil {
			return err
		}
	}
	c.mu.Lock()
	c.entries[key] = e
	c.mu.Unlock()
	return nil
}

func (c *Cache) write(key string, e *entry, outs []output) error {
	final := c.folder(key)
	if err := os.MkdirAll(filepath.Dir(final), 0o777); err != nil {
		return msgCacheMake.At("", 0, 0, "Dir", c.dir, "Err", err)
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := final + ".tmp-" + hex.EncodeToString(rnd[:])
	if err := os.Mkdir(tmp, 0o777); err != nil {
		return msgCacheWrite.At("", 0, 0, "Dir", c.dir, "Err", err)
	}
	defer os.RemoveAll(tmp) // nothing left after the rename
	for i, o := range outs {
		if err := os.WriteFile(filepath.Join(tmp, e.Outputs[i].file()), o.data, 0o666); err != nil {
			return msgCacheWrite.At("", 0, 0, "Dir", c.dir, "Err", err)
		}
	}
	meta, _ := json.Marshal(e)
	if err := os.WriteFile(filepath.Join(tmp, "meta.json"), meta, 0o666); err != nil {
		return msgCacheWrite.At("", 0, 0, "Dir", c.dir, "Err", err)
	}
	if err := os.Rename(tmp, final); err != nil {
		// Another run stored the same key first: its files are the same.
		if _, statErr := os.Stat(filepath.Join(final, "meta.json")); statErr == nil {
			return nil
		}
		if errors.Is(err, fs.ErrExist) {
			os.RemoveAll(final) // a folder left half-written by a run that was killed
			if os.Rename(tmp, final) == nil {
				return nil
			}
		}
		return msgCacheWrite.At("", 0, 0, "Dir", c.dir, "Err", err)
	}
	return nil
}
