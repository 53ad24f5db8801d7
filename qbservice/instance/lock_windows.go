package instance

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// The process ID is written at the file's start; the lock is on a byte far
// beyond it, since a range locked on Windows cannot be read by another
// process, and the ID must stay readable.
const lockOffset = 1 << 20

// tryLock takes an exclusive lock on f without waiting; held is false when
// another process has it.
func tryLock(f *os.File) (held bool, err error) {
	ol := windows.Overlapped{Offset: lockOffset}
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

// askToEnd ends p: a windowless process has no message to take, so it is
// terminated, which the service's queue is made to survive.
func askToEnd(p *os.Process) error { return p.Kill() }
