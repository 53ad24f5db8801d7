//go:build !windows

package localservice

import (
	"os/exec"
	"syscall"
)

// detach starts cmd in a session of its own, so that it outlives the app
// and a terminal's Ctrl+C does not reach it.
func detach(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} }
