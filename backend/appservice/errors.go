package appservice

import (
	"context"
	"errors"
	"fmt"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/store"
)

// UserError is a failure explained for the user. Its cause is for the log.
type UserError struct {
	Message string
	Cause   error
}

func (e *UserError) Error() string { return e.Message }
func (e *UserError) Unwrap() error { return e.Cause }

// MessageFor returns the text to show the user for err.
func MessageFor(err error) string {
	var ue *UserError
	if errors.As(err, &ue) {
		return ue.Message
	}
	return locale.T("Something went wrong. Nothing was changed. Close the app, open it again and retry.")
}

// NoProfileError: no company profile has the ID asked for (a typing
// mistake in --profile, or a company removed meanwhile). Every use of a
// profile checks for it first, in requireProfile; nothing is read or
// changed for a profile that does not exist.
type NoProfileError struct{ ID string }

func (e *NoProfileError) Error() string { return fmt.Sprintf("no company profile %q", e.ID) }

// Unwrap lets errors.Is(err, store.ErrNoProfile) hold too.
func (e *NoProfileError) Unwrap() error { return store.ErrNoProfile }

// noProfileMessage is the window's words for a NoProfileError; the command
// line words its own.
var noProfileMessage = locale.Message("This company no longer exists: it was removed, perhaps from another window. Choose a company at the top of the window.")

// requireProfile refuses an ID that names no profile.
func (s *Service) requireProfile(ctx context.Context, id string) error {
	exists, err := s.store.ProfileExists(ctx, id)
	if err != nil {
		return s.storeFailure(reading, err)
	}
	if !exists {
		return &UserError{Message: noProfileMessage.Text(), Cause: &NoProfileError{ID: id}}
	}
	return nil
}

// dbOp is what the service was doing with the settings database when it
// failed, which decides what the user is told.
type dbOp int

const (
	reading dbOp = iota
	writing
)

func (op dbOp) String() string {
	if op == writing {
		return "write"
	}
	return "read"
}

// ErrNotWritten marks a failure to write the settings database: nothing
// was saved, and trying again may help once the disk has room.
var ErrNotWritten = errors.New("the settings database could not be written")

func (s *Service) storeFailure(op dbOp, err error) error {
	s.log.Error("settings database failed", "op", op, "err", err)
	msg := locale.T("The settings could not be read from the settings file on this computer. Close the app, open it again and retry. If it keeps happening, ask your IT support to check the disk.")
	if op == writing {
		msg = locale.T("The settings could not be written to the settings file on this computer, so nothing was saved. Check that the disk is not full, then click Update again.")
		err = errors.Join(ErrNotWritten, err)
	}
	return &UserError{Message: msg, Cause: err}
}

func conflictMessage(c *store.ConflictError) string {
	return locale.T("These settings were saved from somewhere else at %s, after you opened them, so your changes were not saved. Click Reload to see the latest settings, then make your changes again.",
		locale.Current().DateTime(c.StoredAt.Local()))
}

// asServiceError finds the QuickBooks client's explained failure in err.
func asServiceError(err error) (*quickbooks.Error, bool) {
	var qe *quickbooks.Error
	ok := errors.As(err, &qe)
	return qe, ok
}
