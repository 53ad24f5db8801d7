package cli

import (
	"errors"

	"qbsettings/backend/locale"
)

// A command returns an error, and Run turns it into words and an exit
// code, once: a wrong use exits 2 with the command's usage; a failure the
// command has told already (field problems, a check that failed, a
// question answered no) exits 1 with nothing more; any other failure is
// worded for a script writer (explain) and exits 1.

// usageError: the command was used wrongly. Its words say how.
type usageError struct{ words string }

func (e *usageError) Error() string { return "the command was used wrongly" }

// misused is a wrong use of the command, in words.
func misused(words string) error { return &usageError{words} }

// errTold: the failure was told on standard error or in the output.
var errTold = errors.New("the command failed, and said why")

// failure is a failure in the command line's own words.
type failure struct{ words string }

func (e *failure) Error() string { return "the command failed" }

// failed is a failure in the command line's words.
func failed(words string) error { return &failure{words} }

// atServiceError is a failure of a command that talked to the service at
// url, which the words may name.
type atServiceError struct {
	err error
	url string
}

func (e *atServiceError) Error() string { return e.err.Error() + " (service at " + e.url + ")" }
func (e *atServiceError) Unwrap() error { return e.err }

// atService marks err as a failure of the service at url.
func atService(err error, url string) error {
	if err == nil {
		return nil
	}
	return &atServiceError{err, url}
}

// exitCode says err, if it needs saying, and returns the exit code.
func (c *call) exitCode(err error) int {
	var (
		usage *usageError
		own   *failure
		at    *atServiceError
	)
	switch {
	case err == nil:
		return OK
	case errors.As(err, &usage):
		locale.Fprintf(c.Stderr, "qbsettings: %s\n", usage.words)
		locale.Fprintf(c.Stderr, "Usage: qbsettings %s\n", c.cmd.usageLine())
		return Misused
	case errors.Is(err, errTold):
		return Failed
	case errors.As(err, &own):
		locale.Fprintf(c.Stderr, "qbsettings: %s\n", own.words)
		return Failed
	}
	url := ""
	if errors.As(err, &at) {
		url = at.url
	}
	locale.Fprintf(c.Stderr, "qbsettings: %s\n", c.explain(err, url))
	return Failed
}
