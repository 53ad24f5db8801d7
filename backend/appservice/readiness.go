package appservice

import (
	"slices"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/serviceapi"
)

// CheckID names one link of the chain a sync needs, in the order it
// depends on them.
type CheckID string

const (
	CheckService       CheckID = "service"       // the QuickBooks service answers at the Service URL
	CheckSignIn        CheckID = "signIn"        // it accepts the Service User and Password
	CheckWebConnector  CheckID = "webConnector"  // the QuickBooks Web Connector calls it (a service reached through it)
	CheckQuickBooks    CheckID = "quickbooks"    // QuickBooks is running and ready for the integration
	CheckCompanyFile   CheckID = "companyFile"   // the company file is open
	CheckFileMode      CheckID = "fileMode"      // the file's mode lets the sync work beside the bookkeeper
	CheckPreferences   CheckID = "preferences"   // QuickBooks' preferences let the sync write what it needs
	CheckRetainageItem CheckID = "retainageItem" // the Invoice Retainage Item is usable
	CheckSettings      CheckID = "settings"      // the service runs with the saved settings
)

// checkLabels name the links of the chain.
var checkLabels = map[CheckID]locale.Key{
	CheckService:       locale.Message("QuickBooks service"),
	CheckSignIn:        locale.Message("Sign-in"),
	CheckWebConnector:  locale.Message("QuickBooks Web Connector"),
	CheckQuickBooks:    locale.Message("QuickBooks"),
	CheckCompanyFile:   locale.Message("Company file"),
	CheckFileMode:      locale.Message("File mode"),
	CheckPreferences:   locale.Message("QuickBooks preferences"),
	CheckRetainageItem: locale.Message("Invoice Retainage Item"),
	CheckSettings:      locale.Message("Settings on the service"),
	CheckProcore:       locale.Message("Procore"),
	CheckProcoreEvents: locale.Message("Procore's requests"),
}

// CheckStatus is a check's outcome.
type CheckStatus string

const (
	CheckPass    CheckStatus = "pass"
	CheckWarning CheckStatus = "warning"
	CheckFail    CheckStatus = "fail"
	// CheckSkipped: not checked, because a link before it failed.
	CheckSkipped CheckStatus = "skipped"
)

// Check is one line of the readiness checklist: its outcome and one next
// step (or what was found), in a bookkeeper's words.
type Check struct {
	ID CheckID `json:"id"`
	// Label names the link in the bookkeeper's words.
	Label  string      `json:"label"`
	Status CheckStatus `json:"status"`
	// Said is what was found, or the next step, worded by the shell.
	Said locale.Said `json:"-"`
	// Kind sorts the failure of the link that failed, as the client does.
	Kind quickbooks.Kind `json:"kind,omitempty"`
	// Remedy names, for a program, what to do when the remedy is an action
	// of the app (the command line words it as a command).
	Remedy Remedy `json:"remedy,omitempty"`
}

// Remedy is an action of the app that fixes a check.
type Remedy string

const (
	RemedyChooseItem   Remedy = "chooseRetainageItem" // choose another Invoice Retainage Item and save
	RemedyRefreshItems Remedy = "refreshItems"        // read the item list from QuickBooks
	RemedyRebind       Remedy = "rebindCompanyFile"   // use the open company file for these settings
	RemedySendSettings Remedy = "sendSettings"        // send the saved settings to the service
)

// readiness is the checklist of a connection test: health's answer (or
// the failure instead of it), the retainage item against the stored list,
// and whether the service runs with the saved settings. The Web Connector
// has a line when the service says it is reached through one (now words
// how long ago it called).
func readiness(health serviceapi.Health, failure *quickbooks.Error, st settings.Settings, items store.ItemList, onService Check, procore []Check, now time.Time) []Check {
	checks := make([]Check, 0, 8)
	add := func(id CheckID, status CheckStatus, said locale.Said) {
		checks = append(checks, Check{ID: id, Status: status, Said: said})
	}
	wc := health.WebConnector
	if failure != nil {
		wc = failure.WebConnector
	}
	chain := []CheckID{CheckService, CheckSignIn, CheckQuickBooks, CheckCompanyFile, CheckFileMode}
	if wc != nil || failure != nil && failure.Kind == quickbooks.KindWebConnector {
		chain = slices.Insert(chain, 2, CheckWebConnector)
	}
	// failedAt is the first link the failure breaks; those before it hold,
	// those after it were not checked.
	failedAt := -1
	if failure != nil {
		failedAt = slices.Index(chain, linkOf(failure.Kind))
	}
	passed := map[CheckID]locale.Said{
		CheckService:     saidServiceAnswers.With(),
		CheckSignIn:      saidSignInAccepted.With(),
		CheckQuickBooks:  saidQuickBooksReady.With(orDefault(health.QBEdition, "QuickBooks")),
		CheckCompanyFile: saidFileOpen.With(orDefault(health.CompanyName, health.CompanyFile)),
	}
	for i, id := range chain {
		switch {
		case failure != nil && i == failedAt:
			check := Check{ID: id, Status: CheckFail, Said: failure.Said, Kind: failure.Kind}
			if failure.Kind == quickbooks.KindWrongCompanyFile {
				check.Remedy = RemedyRebind
			}
			checks = append(checks, check)
		case failure != nil && i > failedAt:
			add(id, CheckSkipped, saidNotChecked.With())
		case id == CheckWebConnector:
			checks = append(checks, webConnectorCheck(*wc, now))
		case id == CheckFileMode:
			checks = append(checks, fileModeCheck(health.QBFileMode))
		default:
			add(id, CheckPass, passed[id])
		}
	}
	if c, said := preferencesCheck(health.QBPreferences); failure == nil && said {
		checks = append(checks, c)
	}
	checks = append(checks, retainageItemCheck(st.RetainageItem, items), onService)
	checks = append(checks, procore...)
	for i := range checks {
		checks[i].Label = checkLabels[checks[i].ID].Text()
	}
	return checks
}

// linkOf says which link of the chain a failure breaks.
func linkOf(k quickbooks.Kind) CheckID {
	switch k {
	case quickbooks.KindUnauthorized:
		return CheckSignIn
	case quickbooks.KindWebConnector:
		return CheckWebConnector
	case quickbooks.KindQuickBooksNotReady, quickbooks.KindQuickBooksBusy, quickbooks.KindQuickBooksRefused, quickbooks.KindServiceError:
		return CheckQuickBooks
	case quickbooks.KindCompanyFile, quickbooks.KindWrongCompanyFile:
		return CheckCompanyFile
	default: // the service itself: not found, refused, timed out, untrusted, not a QuickBooks service
		return CheckService
	}
}

// webConnectorCheck says when the Web Connector last called, and warns
// when the service had to stop its last session (what it told the Web
// Connector through getLastError).
func webConnectorCheck(wc serviceapi.WebConnector, now time.Time) Check {
	said, problem := quickbooks.WebConnectorCalled(wc, now)
	if problem {
		return Check{ID: CheckWebConnector, Status: CheckWarning, Said: said}
	}
	return Check{ID: CheckWebConnector, Status: CheckPass, Said: said}
}

func fileModeCheck(mode string) Check {
	switch mode {
	case serviceapi.FileModeMultiUser:
		return Check{ID: CheckFileMode, Status: CheckPass, Said: saidMultiUser.With()}
	case serviceapi.FileModeSingleUser:
		return Check{ID: CheckFileMode, Status: CheckWarning, Said: saidSingleUser.With()}
	}
	return Check{ID: CheckFileMode, Status: CheckSkipped, Said: saidModeUnknown.With()}
}

// preferencesCheck judges the company file's preferences the sync needs,
// when the service says them (said): purchase orders must be active for
// commitments and invoices to be exported, and estimates for budgets. A
// warning, not a failure: the rest of the sync works without them.
func preferencesCheck(p *serviceapi.QBPreferences) (Check, bool) {
	if p == nil || p.PurchaseOrders == nil {
		return Check{}, false
	}
	warn := func(said locale.Said) (Check, bool) {
		return Check{ID: CheckPreferences, Status: CheckWarning, Said: said}, true
	}
	estimatesOff := p.Estimates != nil && !*p.Estimates
	switch {
	case !*p.PurchaseOrders && estimatesOff:
		return warn(saidBothOff.With())
	case !*p.PurchaseOrders:
		return warn(saidPurchaseOrdersOff.With())
	case estimatesOff:
		return warn(saidEstimatesOff.With())
	case p.Estimates == nil:
		return Check{ID: CheckPreferences, Status: CheckPass, Said: saidPurchaseOrdersOn.With()}, true
	}
	return Check{ID: CheckPreferences, Status: CheckPass, Said: saidPreferencesOn.With()}, true
}

// retainageItemCheck judges the chosen item against the latest list: it
// must be there, active, a Service item, with a name QuickBooks accepts.
func retainageItemCheck(ref settings.ItemRef, items store.ItemList) Check {
	fail := func(said locale.Said) Check {
		return Check{ID: CheckRetainageItem, Status: CheckFail, Said: said, Remedy: RemedyChooseItem}
	}
	switch {
	case ref.IsZero():
		return fail(saidNoItemChosen.With())
	case items.RefreshedAt.IsZero():
		return Check{ID: CheckRetainageItem, Status: CheckWarning, Remedy: RemedyRefreshItems,
			Said: saidListNeverRead.With(ref.FullName)}
	}
	for _, it := range items.Items {
		if it.ListID != ref.ListID {
			continue
		}
		switch {
		case !it.IsActive:
			return fail(saidItemInactive.With(it.FullName))
		case it.Type != "Service":
			return fail(saidItemNotService.With(it.FullName))
		}
		return Check{ID: CheckRetainageItem, Status: CheckPass, Said: saidItemGood.With(it.FullName)}
	}
	return fail(saidItemGone.With(ref.FullName))
}

// settingsCheck judges the service's copy of the settings (read with
// readErr) against the saved settings and what this computer last applied.
func settingsCheck(health serviceapi.Health, failure *quickbooks.Error, copyOnService serviceapi.ServiceSettings, readErr error, saved store.Saved, record store.ServiceSync) Check {
	check := func(status CheckStatus, said locale.Said) Check {
		return Check{ID: CheckSettings, Status: status, Said: said}
	}
	pending := func(said locale.Said) Check {
		c := check(CheckWarning, said)
		c.Remedy = RemedySendSettings
		return c
	}
	switch {
	case failure != nil:
		return check(CheckSkipped, saidNotChecked.With())
	case !health.Can(serviceapi.CapabilitySettings):
		return check(CheckSkipped, saidLocalOnly.With())
	case saved.Revision == 0:
		return check(CheckWarning, saidNotSavedYet.With())
	case readErr != nil:
		if qe, ok := asServiceError(readErr); ok {
			return pending(saidServiceCopyUnread.With(qe.Said))
		}
		return pending(saidServiceCopyUnreadNoReason.With())
	case copyOnService.Settings != nil && settings.SameRules(*copyOnService.Settings, saved.Settings) && health.Can(serviceapi.CapabilitySync):
		return check(CheckPass, saidRunsWithSaved.With())
	case copyOnService.Settings != nil && settings.SameRules(*copyOnService.Settings, saved.Settings):
		return check(CheckPass, saidKeepsSaved.With())
	case changedElsewhere(copyOnService, record):
		c := check(CheckFail, changedElsewhereSaid(elsewhereOf(copyOnService)))
		c.Remedy = RemedySendSettings
		return c
	}
	return pending(saidNotOnServiceYet.With())
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
