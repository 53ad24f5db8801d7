package appservice

import (
	"testing"

	"qbsettings/backend/settings"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
)

// quickBooksService is the project's QuickBooks service over loopback,
// with the emulated Web Connector and QuickBooks behind it: where
// QuickBooks' own faults are played, as QuickBooks answers them.
type quickBooksService struct {
	*qbservicetest.Service
}

// startQuickBooksService starts the service with QuickBooks holding the
// fixture's retainage item; the Web Connector has called once.
func startQuickBooksService(t *testing.T) quickBooksService {
	t.Helper()
	s := qbservicetest.Start(t, []qbwcemu.Item{{
		Kind: retainage.Type, ListID: retainage.ListID, Name: retainage.FullName, FullName: retainage.FullName, IsActive: true, EditSequence: "1",
	}}, qbservicetest.Options{Contract: true})
	s.Session(t)
	return quickBooksService{s}
}

// connection is the form filled in for the service, its account's user
// signing in with password.
func (s quickBooksService) connection(password string) settings.Change {
	c := connectionTo(s.URL, password)
	c.Settings.ServiceUser = qbservicetest.User
	return c
}
