package cli

import (
	"errors"
	"fmt"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// explain words err for the command line: where a next step is a command
// or an option, these words name it; otherwise the words every shell
// shares do.
func (c *call) explain(err error, serviceURL string) string {
	var (
		noProfile *appservice.NoProfileError
		conflict  *store.ConflictError
		mismatch  *appservice.FingerprintMismatchError
		wrongFile *appservice.WrongCompanyFileError
		qe        *quickbooks.Error
	)
	switch {
	case errors.As(err, &noProfile):
		return locale.T("there is no company profile %q. Run qbsettings profiles list to see the profiles' IDs.", noProfile.ID)
	case errors.As(err, &conflict):
		return locale.T("the settings were saved from somewhere else while this command ran, so nothing was saved. Run the command again.")
	case errors.Is(err, appservice.ErrNotWritten):
		return locale.T("the settings file could not be written, so nothing was saved. Check that the disk is not full, then run the command again.")
	case errors.As(err, &mismatch):
		return locale.T("the service presents the certificate with SHA-256 fingerprint %s, not %s, so nothing was trusted. Check the URL and the fingerprint with whoever runs the QuickBooks service.", mismatch.Presented, mismatch.Asked)
	case errors.As(err, &wrongFile):
		return locale.T("%s To use the open file for these settings, run: qbsettings connection rebind", appservice.MessageFor(err))
	case errors.As(err, &qe):
		if words, ok := cliWords(serviceFailure{qe.Kind, qe.Message(), qe.Certificate}, serviceURL); ok {
			return words
		}
	}
	return appservice.MessageFor(err)
}

// serviceFailure is a failed call to the service: its kind, the shared
// words for it, and the certificate the service presented, if that was why.
type serviceFailure struct {
	kind        quickbooks.Kind
	message     string
	certificate *quickbooks.Certificate
}

// serviceProblem words a failed call to the service, with the command that
// helps where the window's words name a button.
func serviceProblem(f serviceFailure, serviceURL string) string {
	if words, ok := cliWords(f, serviceURL); ok {
		return words
	}
	return f.message
}

// cliWords are the command line's own words for a failed call, where the
// window's name a button; ok is false where the window's words do.
func cliWords(f serviceFailure, serviceURL string) (string, bool) {
	switch f.kind {
	case quickbooks.KindUnauthorized:
		return locale.T("The QuickBooks service did not accept the Service User and Service Password. Check serviceUser, and give the password again on standard input with --password-stdin."), true
	case quickbooks.KindWrongCompanyFile:
		return locale.T("%s If so, run: qbsettings connection rebind", f.message), true
	case quickbooks.KindCertificate:
		if f.certificate != nil {
			return locale.T("This computer does not trust the certificate of the service at %s, so nothing was sent to it. Its SHA-256 fingerprint is %s. If that is the fingerprint your IT support gives for the service, trust it with:\n  qbsettings certificate trust %s --fingerprint %s",
				serviceURL, f.certificate.Fingerprint, serviceURL, f.certificate.Fingerprint), true
		}
	default: // the window's words name no button of its
	}
	return "", false
}

// refused prints the field problems and then, if given, what they meant
// (outcome); the command has failed and said why.
func (c *call) refused(errs []settings.FieldError, outcome string) error {
	c.printFieldErrors(errs)
	if outcome != "" {
		fmt.Fprintln(c.Stderr, outcome)
	}
	return errTold
}

// printFieldErrors prints each field's problem on standard error, in the
// form's words unless the remedy is a command or option.
func (c *call) printFieldErrors(errs []settings.FieldError) {
	for _, e := range errs {
		fmt.Fprintf(c.Stderr, "%s: %s\n", settings.FieldLabel(e.Field), fieldProblem(e))
	}
}

func fieldProblem(e settings.FieldError) string {
	switch e.Code {
	case settings.ProblemPasswordNotStored:
		return locale.T("No password is stored for this Service User. Give it as one line on standard input with --password-stdin.")
	case settings.ProblemPasswordEmpty, settings.ProblemNewPasswordEmpty:
		return locale.T("The password on standard input is empty. Give the password as one line on standard input.")
	case settings.ProblemItemListEmpty:
		return locale.T("The stored item list is empty, so no item can be chosen. Run qbsettings items refresh first (on a new PC with the connection's KEY=VALUE pairs and --password-stdin); QuickBooks needs a Service Item such as \"Retainage Payable\".")
	}
	return e.Message
}
