package localservice

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// Open hands the .qwc file at path to the program Windows opens it with:
// the QuickBooks Web Connector, which then asks to add the application.
func Open(path string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	dir, err := windows.UTF16PtrFromString(filepath.Dir(path))
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, dir, windows.SW_SHOWNORMAL)
}
