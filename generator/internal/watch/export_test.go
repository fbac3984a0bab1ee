package watch

// StartWithAdd starts a watcher whose calls to add a directory watch go
// through wrap.
func StartWithAdd(opts Options, wrap func(add func(string) error) func(string) error) (*Watcher, error) {
	return start(opts, wrap)
}

// Inject makes the watcher handle err as if the kernel watcher had sent it.
func (w *Watcher) Inject(err error) { w.inject <- err }
