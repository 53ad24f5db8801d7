package main

import (
	"context"
	"io"

	"qbsettings/backend/datadir"
	"qbsettings/backend/locale"
	"qbsettings/backend/secrets"
)

// removeUserDataFlag asks the app, instead of opening its window, to delete
// the user's settings folder and every password it stored. The Windows
// uninstaller runs it only when the user ticks "Remove my settings and
// saved password"; by default an uninstall keeps both.
const removeUserDataFlag = "--remove-user-data"

// removeUserData removes the passwords first: a data folder without
// passwords is harmless, passwords without the settings that name them
// would be orphans nobody finds. It reports on out and returns the exit code.
func removeUserData(out io.Writer) int {
	keys, err := secrets.Open(context.Background())
	if err != nil {
		locale.Fprintf(out, "The saved passwords could not be removed: no system keychain is available. %v\n", err)
		return 1
	}
	n, err := keys.RemoveAll(context.Background())
	if err != nil {
		locale.Fprintf(out, "The saved passwords could not all be removed: %v\n", err)
		return 1
	}
	dir, err := datadir.Resolve()
	if err == nil {
		err = datadir.RemoveTree(dir)
	}
	if err != nil {
		locale.Fprintf(out, "The settings folder could not be removed: %v\n", err)
		return 1
	}
	locale.Fprintf(out, "Removed %d saved passwords and the settings folder %s.\n", n, dir)
	return 0
}
