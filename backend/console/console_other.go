//go:build !windows

package console

// Attach is needed only on Windows, where the exe has no console.
func Attach() {}
