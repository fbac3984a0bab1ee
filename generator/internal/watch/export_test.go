package watch

import "path/filepath"

// StartWithAdd starts a watcher whose calls to add a directory watch go
// through wrap.
func StartWithAdd(opts Options, wrap func(add func(string) error) func(string) error) (*Watcher, error) {
	return start(opts, wrap)
}

// Inject makes the watcher handle err as if the kernel watcher had sent it.
func (w *Watcher) Inject(err error) { w.inject <- err }

// Lone reports whether b counts as a lone save under root.
func Lone(b Batch, root string) bool {
	return lone(b, func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) })
}
