//go:build !windows

package instance

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// tryLock takes an exclusive lock on f without waiting; held is false when
// another process has it. flock, not fcntl: its lock belongs to the open
// file, so a second open in the same process is refused too.
func tryLock(f *os.File) (held bool, err error) {
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// askToEnd asks p to end: SIGTERM, which the service answers by finishing
// its requests and closing its database.
func askToEnd(p *os.Process) error { return p.Signal(syscall.SIGTERM) }
