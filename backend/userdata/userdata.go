// Package userdata removes what the app keeps of one user's: every
// password it stored in the keychain and the settings folder. The Windows
// uninstaller asks for it only when the user ticks "Remove my settings and
// saved password" (or IT passes /REMOVEDATA); by default an uninstall keeps
// both.
package userdata

import (
	"context"
	"errors"
	"fmt"

	"qbsettings/backend/datadir"
	"qbsettings/backend/secrets"
)

// Step names the part of the removal that failed.
type Step string

const (
	StepOpenKeychain Step = "openKeychain" // no keychain could be used: nothing was removed
	StepPasswords    Step = "passwords"    // some passwords may be left: the folder was kept
	StepFolder       Step = "folder"       // the passwords are gone, the folder is not
)

// Error is a removal that stopped at Step.
type Error struct {
	Step Step
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("remove user data: %s: %v", e.Step, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Removed is what a removal took away.
type Removed struct {
	Passwords int    // keychain entries of this app's
	Folder    string // the settings folder, with its database and log
}

// Remove deletes the passwords first: a data folder without passwords is
// harmless, passwords without the settings that name them would be orphans
// nobody finds. So a failure with the passwords keeps the folder.
func Remove(ctx context.Context) (Removed, error) {
	keys, err := secrets.Open(ctx)
	if err != nil {
		return Removed{}, &Error{StepOpenKeychain, err}
	}
	n, err := keys.RemoveAll(ctx)
	if err != nil {
		return Removed{Passwords: n}, &Error{StepPasswords, err}
	}
	dir, err := datadir.Resolve()
	if err == nil {
		err = datadir.RemoveTree(dir)
	}
	if err != nil {
		return Removed{Passwords: n}, &Error{StepFolder, err}
	}
	return Removed{Passwords: n, Folder: dir}, nil
}

// StepOf is the step a removal's error stopped at ("" if it is not one).
func StepOf(err error) Step {
	var e *Error
	if errors.As(err, &e) {
		return e.Step
	}
	return ""
}
