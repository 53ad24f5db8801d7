// Package logging writes the app's log for developers: log/slog text lines in
// a file in the data folder, capped in size. Nothing secret is ever passed to
// it; callers log what happened, never a password.
package logging

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
)

// FileName is the log's name inside the data folder; the previous log is
// kept beside it with ".1" appended.
const FileName = "qbsettings.log"

// DefaultMaxBytes caps the log file: plenty for weeks of a settings app.
const DefaultMaxBytes = 1 << 20

// New returns a logger writing to dir/FileName and the file's closer.
func New(dir string, maxBytes int64) (*slog.Logger, io.Closer, error) {
	w, err := OpenFile(filepath.Join(dir, FileName), maxBytes)
	if err != nil {
		return nil, nil, err
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})), w, nil
}

// OpenFile opens the log at path, capped at about maxBytes as New's is, for
// a program that writes it along with other outputs.
func OpenFile(path string, maxBytes int64) (io.WriteCloser, error) {
	return openCapped(path, maxBytes)
}

// cappedFile appends to a file until it would grow past max bytes, then
// moves it to path.1 (replacing the older one) and starts afresh, so the log
// never takes more than about twice max on disk.
type cappedFile struct {
	mu   sync.Mutex
	path string
	max  int64
	f    *os.File
	size int64
}

func openCapped(path string, limit int64) (*cappedFile, error) {
	c := &cappedFile{path: path, max: limit}
	if err := c.open(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *cappedFile) open() error {
	f, err := os.OpenFile(c.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("open log: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("open log: %w", err)
	}
	c.f, c.size = f, info.Size()
	return nil
}

func (c *cappedFile) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.size > 0 && c.size+int64(len(p)) > c.max {
		if err := c.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := c.f.Write(p)
	c.size += int64(n)
	return n, err
}

func (c *cappedFile) rotate() error {
	if err := c.f.Close(); err != nil {
		return err
	}
	if err := os.Rename(c.path, c.path+".1"); err != nil {
		return err
	}
	return c.open()
}

func (c *cappedFile) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.f.Close()
}
