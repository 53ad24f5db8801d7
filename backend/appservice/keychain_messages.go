package appservice

import (
	"errors"

	"qbsettings/backend/locale"
	"qbsettings/backend/secrets"
)

// keychainSaid explains a keychain failure to the user; outcome says what
// it meant for their action (the zero Phrase when nothing was being done),
// said first.
func keychainSaid(err error, outcome locale.Phrase) locale.Said {
	var said locale.Said
	switch {
	case errors.Is(err, secrets.ErrTimeout):
		said = saidKeychainTimeout.With()
	case errors.Is(err, secrets.ErrUnavailable):
		said = saidKeychainUnavailable.With()
	case errors.Is(err, secrets.ErrInvalidName):
		said = saidKeychainInvalidName.With()
	default:
		said = saidKeychainFailed.With()
	}
	if outcome.Code() != "" {
		said = saidBoth.With(outcome.With(), said)
	}
	return said
}
