package main

import (
	"context"
	"io"

	"qbsettings/backend/locale"
	"qbsettings/backend/userdata"
)

// removeUserDataFlag asks the app, instead of opening its window, to delete
// the user's settings folder and every password it stored. The Windows
// uninstaller runs it only when the user ticks "Remove my settings and
// saved password" (or IT passes /REMOVEDATA); by default an uninstall keeps
// both.
const removeUserDataFlag = "--remove-user-data"

// removeUserData removes the user's data (package userdata), reports on
// out, and returns the exit code.
func removeUserData(out io.Writer) int {
	removed, err := userdata.Remove(context.Background())
	switch userdata.StepOf(err) {
	case "":
		locale.Fprintf(out, "Removed %d saved passwords and the settings folder %s.\n", removed.Passwords, removed.Folder)
		return 0
	case userdata.StepOpenKeychain:
		locale.Fprintf(out, "The saved passwords could not be removed: no system keychain is available. %v\n", err)
	case userdata.StepPasswords:
		locale.Fprintf(out, "The saved passwords could not all be removed: %v\n", err)
	default:
		locale.Fprintf(out, "The settings folder could not be removed: %v\n", err)
	}
	return 1
}
