// Package console lets the command line use the console it was started
// from, which a Windows GUI program does not get by itself, and tells a
// console from a file or pipe.
package console

import "os"

// IsTerminal tells whether f is a terminal (a console), not a file or pipe.
func IsTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
