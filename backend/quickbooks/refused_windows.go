package quickbooks

import (
	"errors"
	"syscall"
)

// wsaeconnrefused is Winsock's "connection refused". Go's syscall.ECONNREFUSED
// on Windows is an invented value that Winsock's errors never match.
const wsaeconnrefused = syscall.Errno(10061)

// connectionRefused tells whether nothing listens at the address.
func connectionRefused(err error) bool {
	return errors.Is(err, wsaeconnrefused) || errors.Is(err, syscall.ECONNREFUSED)
}
