package main

import (
	"context"
	"fmt"
	"io"

	"qbsettings/backend/datadir"
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
		fmt.Fprintln(out, "The saved passwords could not be removed: no system keychain is available.", err)
		return 1
	}
	n, err := keys.RemoveAll(context.Background())
	if err != nil {
		fmt.Fprintln(out, "The saved passwords could not all be removed:", err)
		return 1
	}
	dir, err := datadir.Resolve()
	if err == nil {
		err = datadir.RemoveTree(dir)
	}
	if err != nil {
		fmt.Fprintln(out, "The settings folder could not be removed:", err)
		return 1
	}
	fmt.Fprintf(out, "Removed %d saved password(s) and the settings folder %s.\n", n, dir)
	return 0
}
