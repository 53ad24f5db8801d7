//go:build !windows

package localservice

import "errors"

// ErrNoOpener: the Web Connector is a Windows program; elsewhere the window
// names the file for the bookkeeper to take to it.
var ErrNoOpener = errors.New("the QuickBooks Web Connector runs only on Windows")

// Open hands the .qwc file to the Web Connector, which runs only on
// Windows: here it opens nothing.
func Open(string) error { return ErrNoOpener }
