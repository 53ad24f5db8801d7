//go:build !windows

package main

// attachConsole is needed only on Windows, where the exe has no console.
func attachConsole() {}
