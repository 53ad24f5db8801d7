package appservice

import (
	"context"
	"errors"
	"fmt"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/store"
)

// UserError is a failure explained for the user: Said is worded when
// shown. Its cause is for the log.
type UserError struct {
	Said  locale.Said
	Cause error
}

// Error is for the log, in one language: the message's code and the cause.
func (e *UserError) Error() string {
	if e.Cause == nil {
		return e.Said.Code
	}
	return e.Said.Code + ": " + e.Cause.Error()
}

func (e *UserError) Unwrap() error { return e.Cause }

// Message is what the user is told, in the language in use.
func (e *UserError) Message() string { return e.Said.Text() }

// MessageFor returns the text to show the user for err.
func MessageFor(err error) string { return SaidFor(err).Text() }

// SaidFor is what the user is told of err, for a shell to word: a
// failure this package did not explain is one it did not expect.
func SaidFor(err error) locale.Said {
	var ue *UserError
	if errors.As(err, &ue) {
		return ue.Said
	}
	return saidUnexpected.With()
}

var saidUnexpected = locale.Coded("app.unexpected", "Something went wrong. Nothing was changed. Close the app, open it again and retry.")

// NoProfileError: no company profile has the ID asked for (a typing
// mistake in --profile, or a company removed meanwhile). Every use of a
// profile checks for it first, in requireProfile; nothing is read or
// changed for a profile that does not exist.
type NoProfileError struct{ ID string }

func (e *NoProfileError) Error() string { return fmt.Sprintf("no company profile %q", e.ID) }

// Unwrap lets errors.Is(err, store.ErrNoProfile) hold too.
func (e *NoProfileError) Unwrap() error { return store.ErrNoProfile }

// requireProfile refuses an ID that names no profile.
func (s *Service) requireProfile(ctx context.Context, id string) error {
	exists, err := s.store.ProfileExists(ctx, id)
	if err != nil {
		return s.storeFailure(reading, err)
	}
	if !exists {
		return &UserError{Said: saidNoProfile.With(), Cause: &NoProfileError{ID: id}}
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
	said := saidNotRead.With()
	if op == writing {
		said = saidNotWritten.With()
		err = errors.Join(ErrNotWritten, err)
	}
	return &UserError{Said: said, Cause: err}
}

func conflictSaid(c *store.ConflictError) locale.Said {
	return saidConflict.With(locale.Current().DateTime(c.StoredAt.Local()))
}

// asServiceError finds the QuickBooks client's explained failure in err.
func asServiceError(err error) (*quickbooks.Error, bool) {
	var qe *quickbooks.Error
	ok := errors.As(err, &qe)
	return qe, ok
}
