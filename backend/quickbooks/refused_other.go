//go:build !windows

package quickbooks

import (
	"errors"
	"syscall"
)

// connectionRefused tells whether nothing listens at the address.
func connectionRefused(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }
