// Package datadir finds the folder that holds the app's database and log.
package datadir

import (
	"fmt"
	"os"
	"path/filepath"
)

// EnvVar overrides the data folder (tests and demos use a temporary one).
const EnvVar = "QBSETTINGS_DATA_DIR"

// FolderName is the data folder's name inside the user's config folder:
// %APPDATA%\QuickBooks Integration Settings on Windows.
const FolderName = "QuickBooks Integration Settings"

// Resolve returns the data folder, creating it (readable by the user only)
// if it does not exist.
func Resolve() (string, error) {
	dir := os.Getenv(EnvVar)
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find the user's config folder: %w", err)
		}
		dir = filepath.Join(base, FolderName)
	}
	// The folder is the user's own choice (QBSETTINGS_DATA_DIR) or theirs
	// by the platform's rules: any path they can write to is theirs to use.
	if err := os.MkdirAll(dir, 0o700); err != nil { //nolint:gosec // see above
		return "", fmt.Errorf("create data folder: %w", err)
	}
	return dir, nil
}
