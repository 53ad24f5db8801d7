package console

import (
	"os"

	"golang.org/x/sys/windows"
)

// Attach lets the command line print in the cmd or PowerShell window
// it was started from: the exe is built for the GUI subsystem (no console
// window of its own), so it attaches to its parent's console, if any.
func Attach() {
	const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS
	kernel32 := windows.NewLazySystemDLL("kernel32.dll")
	if r, _, _ := kernel32.NewProc("AttachConsole").Call(uintptr(attachParentProcess)); r == 0 {
		return // started without a console (a shortcut, a scheduler): nothing to print to
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		if !isRedirected(os.Stdout) {
			os.Stdout = out
		}
		if !isRedirected(os.Stderr) {
			os.Stderr = out
		}
	}
	if in, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil && !isRedirected(os.Stdin) {
		os.Stdin = in
	}
}

// isRedirected tells a handle the caller redirected (to a file or a pipe)
// from the nothing a GUI program is given.
func isRedirected(f *os.File) bool {
	if f == nil {
		return false
	}
	t, err := windows.GetFileType(windows.Handle(f.Fd()))
	return err == nil && (t == windows.FILE_TYPE_DISK || t == windows.FILE_TYPE_PIPE)
}
