package cli

import (
	"context"
	"errors"
	"io"

	"qbsettings/backend/locale"
	"qbsettings/backend/userdata"
)

// RemoveUserDataFlag asks the app, instead of opening its window, to delete
// the user's settings folder and every password it stored. The Windows
// uninstaller runs it only when the user ticks "Remove my settings and
// saved password" (or IT passes /REMOVEDATA); by default an uninstall keeps
// both.
const RemoveUserDataFlag = "--remove-user-data"

// RemoveUserData removes the user's data (package userdata), reports on
// out, and returns the exit code.
func RemoveUserData(out io.Writer) int {
	removed, err := userdata.Remove(context.Background())
	cause := errors.Unwrap(err) // what went wrong, for the reader; the step is worded here
	switch userdata.StepOf(err) {
	case "":
		locale.Fprintf(out, "Removed %d saved passwords and the settings folder %s.\n", removed.Passwords, removed.Folder)
		return OK
	case userdata.StepOpenKeychain:
		locale.Fprintf(out, "The saved passwords could not be removed: no system keychain is available. %v\n", cause)
	case userdata.StepPasswords:
		locale.Fprintf(out, "The saved passwords could not all be removed: %v\n", cause)
	default:
		locale.Fprintf(out, "The settings folder could not be removed: %v\n", cause)
	}
	return Failed
}
