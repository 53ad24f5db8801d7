package appservice

import (
	"errors"

	"qbsettings/backend/locale"
	"qbsettings/backend/secrets"
)

// keychainMessage explains a keychain failure to the user; outcome says what
// it meant for their save ("" when nothing was being saved).
func keychainMessage(err error, outcome string) string {
	var msg string
	switch {
	case errors.Is(err, secrets.ErrTimeout):
		msg = locale.T("The system keychain did not answer in time. If a keychain or password window is open, unlock it, then try again.")
	case errors.Is(err, secrets.ErrUnavailable):
		msg = locale.T("No system keychain is available to keep the service password safe (Windows Credential Manager, macOS Keychain or GNOME Keyring). Ask your IT support to turn it on.")
	case errors.Is(err, secrets.ErrInvalidName):
		msg = locale.T("The Service User or company cannot name a saved password because it contains a hidden character. Type it again instead of pasting it.")
	default:
		msg = locale.T("The system keychain, where the service password is kept, reported a problem. Try again. If it keeps happening, check that the keychain is unlocked, then close this app and open it again.")
	}
	if outcome != "" {
		msg = outcome + " " + msg
	}
	return msg
}
