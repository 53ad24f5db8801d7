package main

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// CertificateInfo is a certificate the service presented that this computer
// does not trust; times are RFC 3339.
type CertificateInfo struct {
	Fingerprint string `json:"fingerprint"`
	Subject     string `json:"subject"`
	Issuer      string `json:"issuer"`
	NotAfter    string `json:"notAfter"`
	SelfSigned  bool   `json:"selfSigned"`
}

// TrustedCertificateInfo is a certificate the user trusts for one address.
type TrustedCertificateInfo struct {
	Origin      string `json:"origin"`
	Fingerprint string `json:"fingerprint"`
	Subject     string `json:"subject"`
	TrustedAt   string `json:"trustedAt"`
}

// ConnectionTestResult is what Test connection found: a status, or the
// field errors that stopped it, or a message for the user.
type ConnectionTestResult struct {
	Status      ConnectionStatus      `json:"status"`
	Kind        quickbooks.Kind       `json:"kind"`
	Certificate *CertificateInfo      `json:"certificate"`
	FieldErrors []settings.FieldError `json:"fieldErrors"`
	Error       string                `json:"error"`
	Canceled    bool                  `json:"canceled"`
	// Checks is the readiness checklist, in the order the links depend on
	// each other.
	Checks []appservice.Check `json:"checks"`
	// OpenCompanyFile names the company file the service has open, for the
	// choice to use it when it is not the settings' own.
	OpenCompanyFile string `json:"openCompanyFile"`
}

// RefreshResult is the refreshed item list, or why it was not refreshed.
type RefreshResult struct {
	Items            []ItemOption          `json:"items"`
	ItemsRefreshedAt string                `json:"itemsRefreshedAt"`
	FieldErrors      []settings.FieldError `json:"fieldErrors"`
	Error            string                `json:"error"`
}

// TrustResult is the trusted certificates after a change, or why it failed.
type TrustResult struct {
	Trusted []TrustedCertificateInfo `json:"trusted"`
	Error   string                   `json:"error"`
}

// TestConnection checks the connection values in the form without saving
// them. It gives up after 10 s; CancelConnectionTest stops it sooner.
func (a *App) TestConnection(c settings.Change) ConnectionTestResult {
	if a.service == nil {
		return ConnectionTestResult{Error: a.problem}
	}
	ctx, done := a.ops.start(a.context(), "connection")
	defer done()
	res, errs, err := a.service.TestConnection(ctx, a.currentProfile(), c)
	switch {
	case err != nil:
		return ConnectionTestResult{Error: appservice.MessageFor(err)}
	case len(errs) > 0:
		return ConnectionTestResult{FieldErrors: errs}
	}
	out := ConnectionTestResult{Status: toConnectionStatus(res.Status), Kind: res.Kind, Canceled: res.Kind == quickbooks.KindCanceled,
		Checks: res.Checks, OpenCompanyFile: appservice.FileName(res.OpenFile)}
	if c := res.Certificate; c != nil {
		out.Certificate = &CertificateInfo{Fingerprint: c.Fingerprint, Subject: c.Subject, Issuer: c.Issuer,
			NotAfter: timeText(c.NotAfter), SelfSigned: c.SelfSigned}
	}
	return out
}

// RebindCompanyFile makes the company file the service has open the one
// these settings belong to (the user chose it after a test found another
// file open), then tests the connection again.
func (a *App) RebindCompanyFile(c settings.Change) ConnectionTestResult {
	if a.service == nil {
		return ConnectionTestResult{Error: a.problem}
	}
	_, errs, err := a.service.RebindCompanyFile(a.context(), a.currentProfile(), c)
	switch {
	case err != nil:
		return ConnectionTestResult{Error: appservice.MessageFor(err)}
	case len(errs) > 0:
		return ConnectionTestResult{FieldErrors: errs}
	}
	return a.TestConnection(c)
}

// CreateItemResult is the item created in QuickBooks with the refreshed
// list, or why it was not created.
type CreateItemResult struct {
	Item             *ItemOption           `json:"item"`
	Items            []ItemOption          `json:"items"`
	ItemsRefreshedAt string                `json:"itemsRefreshedAt"`
	FieldErrors      []settings.FieldError `json:"fieldErrors"`
	Error            string                `json:"error"`
}

// CreateRetainageItem creates a Service item named name in QuickBooks with
// the connection values in the form, refreshes the list, and returns the
// new item for the form to choose.
func (a *App) CreateRetainageItem(c settings.Change, name string) CreateItemResult {
	if a.service == nil {
		return CreateItemResult{Error: a.problem}
	}
	it, list, errs, err := a.service.CreateRetainageItem(a.context(), a.currentProfile(), c, name)
	switch {
	case err != nil:
		return CreateItemResult{Error: appservice.MessageFor(err)}
	case len(errs) > 0:
		return CreateItemResult{FieldErrors: errs}
	}
	item := ItemOption{ListID: it.ListID, FullName: it.FullName, Type: it.Type, IsActive: it.IsActive}
	return CreateItemResult{Item: &item, Items: toItemOptions(list), ItemsRefreshedAt: timeText(list.RefreshedAt)}
}

// CancelConnectionTest stops a running connection test.
func (a *App) CancelConnectionTest() { a.ops.cancel("connection") }

// RefreshItems has the service re-read QuickBooks' items and stores them,
// reporting progress as EventItemsRefreshProgress events.
func (a *App) RefreshItems(c settings.Change) RefreshResult {
	if a.service == nil {
		return RefreshResult{Error: a.problem}
	}
	ctx, done := a.ops.start(a.context(), "refresh")
	defer done()
	list, errs, err := a.service.RefreshItems(ctx, a.currentProfile(), c, func(state string) {
		a.window.EventsEmit(a.ctx, EventItemsRefreshProgress, state)
	})
	switch {
	case err != nil:
		return RefreshResult{Error: appservice.MessageFor(err)}
	case len(errs) > 0:
		return RefreshResult{FieldErrors: errs}
	}
	return RefreshResult{Items: toItemOptions(list), ItemsRefreshedAt: timeText(list.RefreshedAt)}
}

// CancelRefresh stops a running list refresh; the stored list stays.
func (a *App) CancelRefresh() { a.ops.cancel("refresh") }

// TrustCertificate trusts the certificate with fingerprint for the address
// of serviceURL.
func (a *App) TrustCertificate(serviceURL, fingerprint, subject string) TrustResult {
	if a.service == nil {
		return TrustResult{Error: a.problem}
	}
	if err := a.service.TrustCertificate(a.context(), a.currentProfile(), serviceURL, fingerprint, subject); err != nil {
		return TrustResult{Error: appservice.MessageFor(err)}
	}
	return a.trusted()
}

// RemoveTrustedCertificate stops trusting the certificate of origin.
func (a *App) RemoveTrustedCertificate(origin string) TrustResult {
	if a.service == nil {
		return TrustResult{Error: a.problem}
	}
	if err := a.service.RemoveTrustedCertificate(a.context(), a.currentProfile(), origin); err != nil {
		return TrustResult{Error: appservice.MessageFor(err)}
	}
	return a.trusted()
}

func (a *App) trusted() TrustResult {
	list, err := a.service.TrustedCertificates(a.context(), a.currentProfile())
	if err != nil {
		return TrustResult{Error: appservice.MessageFor(err)}
	}
	return TrustResult{Trusted: toTrustedInfos(list)}
}

func toTrustedInfos(list []store.TrustedCertificate) []TrustedCertificateInfo {
	out := make([]TrustedCertificateInfo, len(list))
	for i, c := range list {
		out[i] = TrustedCertificateInfo{Origin: c.Origin, Fingerprint: c.Fingerprint, Subject: c.Subject, TrustedAt: timeText(c.TrustedAt)}
	}
	return out
}

func toItemOptions(list store.ItemList) []ItemOption {
	out := make([]ItemOption, len(list.Items))
	for i, it := range list.Items {
		out[i] = ItemOption{ListID: it.ListID, FullName: it.FullName, Type: it.Type, IsActive: it.IsActive}
	}
	return out
}
