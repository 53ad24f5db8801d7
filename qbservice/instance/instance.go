// Package instance keeps one QuickBooks service to a data folder. The
// running service holds a lock on a file in the folder and writes its
// process ID there, so that a second start (a second logon, a developer's
// run beside the installed one) is refused before it opens the database,
// and the installer can find the one that runs and stop it before its
// program is replaced or removed.
//
// The lock is the operating system's and dies with the process, so a
// service that was killed leaves nothing to clean up: the file stays, the
// lock does not.
package instance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// FileName is the lock file's name in the data folder.
const FileName = "qbservice.pid"

// ErrRunning: another service holds the data folder.
var ErrRunning = errors.New("another QuickBooks service uses this data folder")

// RunningError is ErrRunning with the holder's process ID (0 when it has
// not written it yet).
type RunningError struct{ PID int }

func (e *RunningError) Error() string {
	return fmt.Sprintf("%v (process %d)", ErrRunning, e.PID)
}

func (e *RunningError) Is(target error) bool { return target == ErrRunning }

// Lock is the running service's hold on its data folder.
type Lock struct{ f *os.File }

// Acquire takes dir for this process, or returns a *RunningError when
// another process has it.
func Acquire(dir string) (*Lock, error) {
	f, err := os.OpenFile(filepath.Join(dir, FileName), os.O_RDWR|os.O_CREATE, 0o600) //nolint:gosec // the service's own data folder, named by its operator
	if err != nil {
		return nil, fmt.Errorf("open the lock file: %w", err)
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock the data folder: %w", err)
	}
	if !held {
		pid := readPID(f)
		f.Close()
		return nil, &RunningError{PID: pid}
	}
	if err := writePID(f, os.Getpid()); err != nil {
		f.Close()
		return nil, fmt.Errorf("write the process ID: %w", err)
	}
	return &Lock{f: f}, nil
}

// Release gives the data folder up.
func (l *Lock) Release() error {
	return l.f.Close() // closing the file releases the lock
}

// Holder tells whether a process holds dir now, and which. It only looks:
// the lock file is neither made nor written, so a status or a stop leaves
// the folder as it found it.
func Holder(dir string) (pid int, held bool, err error) {
	f, err := os.OpenFile(filepath.Join(dir, FileName), os.O_RDWR, 0) //nolint:gosec // the service's own data folder
	if errors.Is(err, os.ErrNotExist) {
		return 0, false, nil // nothing ever ran there
	}
	if err != nil {
		return 0, false, fmt.Errorf("open the lock file: %w", err)
	}
	defer f.Close() // releases the lock if this look took it
	free, err := tryLock(f)
	if err != nil || free {
		return 0, false, err
	}
	return readPID(f), true, nil
}

// Stop ends the service that holds dir, if any, and waits until the folder
// is free. It returns the stopped process's ID, or 0 when none was running.
// It is asked to end, and killed if it has not within a few seconds: the
// service keeps its work safe when killed (its queue is in SQLite, written
// before it is acted on).
func Stop(ctx context.Context, dir string) (int, error) {
	pid, held, err := Holder(dir)
	if err != nil || !held {
		return 0, err
	}
	if pid <= 0 {
		return 0, fmt.Errorf("%w, but its process ID is not known", ErrRunning)
	}
	p, err := os.FindProcess(pid)
	if err == nil {
		_ = askToEnd(p) // it may have ended by itself meanwhile; the lock decides below
	}
	killAt := time.Now().Add(graceful)
	for {
		if p != nil && time.Now().After(killAt) {
			_ = p.Kill()
			p = nil
		}
		_, held, err := Holder(dir)
		if err != nil {
			return 0, err
		}
		if !held {
			return pid, nil
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("process %d did not end: %w", pid, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// graceful is how long a service asked to end has before it is killed.
var graceful = 10 * time.Second

func writePID(f *os.File, pid int) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(strconv.Itoa(pid)+"\n"), 0)
	return err
}

func readPID(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(string(bytes.TrimSpace(buf[:n])))
	if err != nil {
		return 0
	}
	return pid
}
