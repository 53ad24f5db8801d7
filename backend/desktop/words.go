package desktop

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
)

// The window's own words, where the words every shell shares would not
// do: a next step that is a button or a place of the window names it. The
// command line has its own (package cli).

// windowWords stand in for the phrases of these codes, with their values.
var windowWords = locale.Wording{
	"qb.unauthorized":           locale.Message("The QuickBooks service did not accept the Service User and Service Password. Check the user name, and enter the password again with Edit Credentials."),
	"qb.certificateNotTrusted":  locale.Message("This computer does not trust the security certificate of the service at %s, so nothing was sent to it. If this is your own QuickBooks service with a self-signed certificate, compare the fingerprint below with the one your IT support gives you, then choose Trust this certificate."),
	"app.noProfile":             locale.Message("This company no longer exists: it was removed, perhaps from another window. Choose a company at the top of the window."),
	"app.databaseNotWritten":    locale.Message("The settings could not be written to the settings file on this computer, so nothing was saved. Check that the disk is not full, then click Update again."),
	"check.procoreNotConnected": locale.Message("The QuickBooks service is not connected to Procore yet, so nothing moves between Procore and QuickBooks. Under Procore below, enter the Company ID, Client ID and Client Secret, then click Connect to Procore."),
	"qb.procoreSecretMissing":   locale.Message("The Client Secret is no longer in the keychain of the QuickBooks service's computer. Under Procore, click Edit Credentials and enter the Client Secret again."),
	"app.conflict":              locale.Message("These settings were saved from somewhere else at %s, after you opened them, so your changes were not saved. Click Reload to see the latest settings, then make your changes again."),
}

// windowFieldWords stand in for the rules' words for these problems.
var windowFieldWords = map[settings.Problem]locale.Key{
	settings.ProblemPasswordNotStored: locale.Message("No password is stored for this Service User. Click Edit Credentials and enter its password."),
	settings.ProblemNewPasswordEmpty:  locale.Message("Enter the new password, or click Cancel to keep the current one."),
	settings.ProblemItemListEmpty:     locale.Message("Choose the Invoice Retainage Item. The list is empty. Create a Service Item in QuickBooks (for example \"Retainage Payable\"), then click Refresh list."),
}

// windowText words s for the window.
func windowText(s locale.Said) string { return windowWords.Text(s) }

// windowMessage words a failure for the window.
func windowMessage(err error) string { return windowText(appservice.SaidFor(err)) }

// windowFieldErrors words field problems for the window.
func windowFieldErrors(errs []settings.FieldError) []settings.FieldError {
	if len(errs) == 0 {
		return errs
	}
	out := make([]settings.FieldError, len(errs))
	for i, fe := range errs {
		if key, own := windowFieldWords[fe.Code]; own {
			fe.Message = key.Text()
		}
		out[i] = fe
	}
	return out
}
