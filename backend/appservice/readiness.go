package appservice

import (
	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// CheckID names one link of the chain a sync needs, in the order it
// depends on them.
type CheckID string

const (
	CheckService       CheckID = "service"       // the QuickBooks service answers at the Service URL
	CheckSignIn        CheckID = "signIn"        // it accepts the Service User and Password
	CheckQuickBooks    CheckID = "quickbooks"    // QuickBooks is running and ready for the integration
	CheckCompanyFile   CheckID = "companyFile"   // the company file is open
	CheckFileMode      CheckID = "fileMode"      // the file's mode lets the sync work beside the bookkeeper
	CheckRetainageItem CheckID = "retainageItem" // the Invoice Retainage Item is usable
	CheckSettings      CheckID = "settings"      // the service runs with the saved settings
)

// checkLabels name the links of the chain.
var checkLabels = map[CheckID]locale.Key{
	CheckService:       locale.Message("QuickBooks service"),
	CheckSignIn:        locale.Message("Sign-in"),
	CheckQuickBooks:    locale.Message("QuickBooks"),
	CheckCompanyFile:   locale.Message("Company file"),
	CheckFileMode:      locale.Message("File mode"),
	CheckRetainageItem: locale.Message("Invoice Retainage Item"),
	CheckSettings:      locale.Message("Settings on the service"),
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
	Label   string      `json:"label"`
	Status  CheckStatus `json:"status"`
	Message string      `json:"message"`
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
// and whether the service runs with the saved settings.
func readiness(health quickbooks.Health, failure *quickbooks.Error, st settings.Settings, items store.ItemList, onService Check) []Check {
	checks := make([]Check, 0, 6)
	add := func(id CheckID, status CheckStatus, message string) {
		checks = append(checks, Check{ID: id, Status: status, Message: message})
	}
	// failedAt is the first link the failure breaks; those before it hold,
	// those after it were not checked.
	failedAt := -1
	if failure != nil {
		failedAt = linkOf(failure.Kind)
	}
	chain := []CheckID{CheckService, CheckSignIn, CheckQuickBooks, CheckCompanyFile, CheckFileMode}
	passed := map[CheckID]string{
		CheckService:     locale.T("The QuickBooks service answers."),
		CheckSignIn:      locale.T("The service accepts the Service User and Service Password."),
		CheckQuickBooks:  locale.T("%s is running and ready.", orDefault(health.QBEdition, "QuickBooks")),
		CheckCompanyFile: locale.T("The company file %s is open.", orDefault(health.CompanyName, health.CompanyFile)),
	}
	for i, id := range chain {
		switch {
		case failure != nil && i == failedAt:
			check := Check{ID: id, Status: CheckFail, Message: failure.Message(), Kind: failure.Kind}
			if failure.Kind == quickbooks.KindWrongCompanyFile {
				check.Remedy = RemedyRebind
			}
			checks = append(checks, check)
		case failure != nil && i > failedAt:
			add(id, CheckSkipped, locale.T("Not checked: fix the line above first."))
		case id == CheckFileMode:
			checks = append(checks, fileModeCheck(health.QBFileMode))
		default:
			add(id, CheckPass, passed[id])
		}
	}
	checks = append(checks, retainageItemCheck(st.RetainageItem, items), onService)
	for i := range checks {
		checks[i].Label = checkLabels[checks[i].ID].Text()
	}
	return checks
}

// linkOf says which link of the chain a failure breaks.
func linkOf(k quickbooks.Kind) int {
	switch k {
	case quickbooks.KindUnauthorized:
		return 1
	case quickbooks.KindQuickBooksNotReady, quickbooks.KindQuickBooksBusy, quickbooks.KindQuickBooksRefused, quickbooks.KindServiceError:
		return 2
	case quickbooks.KindCompanyFile, quickbooks.KindWrongCompanyFile:
		return 3
	default: // the service itself: not found, refused, timed out, untrusted, not a QuickBooks service
		return 0
	}
}

func fileModeCheck(mode string) Check {
	switch mode {
	case quickbooks.FileModeMultiUser:
		return Check{ID: CheckFileMode, Status: CheckPass, Message: locale.T("The company file is open in multi-user mode, so the sync can work while people use QuickBooks.")}
	case quickbooks.FileModeSingleUser:
		return Check{ID: CheckFileMode, Status: CheckWarning, Message: locale.T("The company file is open in single-user mode: while the sync works, nobody else can use it. In QuickBooks, choose File > Switch to Multi-user Mode.")}
	}
	return Check{ID: CheckFileMode, Status: CheckSkipped, Message: locale.T("This QuickBooks service does not say which mode the file is open in.")}
}

// retainageItemCheck judges the chosen item against the latest list: it
// must be there, active, a Service item, with a name QuickBooks accepts.
func retainageItemCheck(ref settings.ItemRef, items store.ItemList) Check {
	fail := func(message string) Check {
		return Check{ID: CheckRetainageItem, Status: CheckFail, Message: message, Remedy: RemedyChooseItem}
	}
	switch {
	case ref.IsZero():
		return fail(locale.T("No Invoice Retainage Item is chosen. Choose one (for example \"Retainage Payable\"), then save the settings."))
	case items.RefreshedAt.IsZero():
		return Check{ID: CheckRetainageItem, Status: CheckWarning, Remedy: RemedyRefreshItems,
			Message: locale.T("The item list was never read on this computer, so %q could not be checked. Refresh the item list.", ref.FullName)}
	}
	for _, it := range items.Items {
		if it.ListID != ref.ListID {
			continue
		}
		switch {
		case !it.IsActive:
			return fail(locale.T("The Invoice Retainage Item %q is inactive in QuickBooks, so invoices with retainage cannot sync. Make it active in QuickBooks, or choose another item, then save the settings.", it.FullName))
		case it.Type != "Service":
			return fail(locale.T("The Invoice Retainage Item %q is not a Service item. Choose a Service item (for example \"Retainage Payable\"), then save the settings.", it.FullName))
		}
		return Check{ID: CheckRetainageItem, Status: CheckPass, Message: locale.T("The Invoice Retainage Item %q is an active Service item.", it.FullName)}
	}
	return fail(locale.T("The Invoice Retainage Item %q is no longer in QuickBooks' item list. Choose another item, then save the settings.", ref.FullName))
}

// settingsCheck judges the service's copy of the settings (read with
// readErr) against the saved settings and what this computer last applied.
func settingsCheck(health quickbooks.Health, failure *quickbooks.Error, copyOnService quickbooks.ServiceSettings, readErr error, saved store.Saved, record store.ServiceSync) Check {
	check := func(status CheckStatus, message string) Check {
		return Check{ID: CheckSettings, Status: status, Message: message}
	}
	pending := func(message string) Check {
		c := check(CheckWarning, message)
		c.Remedy = RemedySendSettings
		return c
	}
	switch {
	case failure != nil:
		return check(CheckSkipped, locale.T("Not checked: fix the line above first."))
	case !health.Can(quickbooks.CapabilitySettings):
		return check(CheckSkipped, syncStateOf(saved, store.ServiceSync{Unsupported: true}).Message)
	case saved.Revision == 0:
		return check(CheckWarning, locale.T("The settings are not saved yet. Save them, and they are sent to the QuickBooks service."))
	case readErr != nil:
		if qe, ok := asServiceError(readErr); ok {
			return pending(locale.T("The service's settings could not be read: %s", qe.Message()))
		}
		return pending(locale.T("The service's settings could not be read."))
	case copyOnService.Settings != nil && settings.SameRules(*copyOnService.Settings, saved.Settings):
		return check(CheckPass, locale.T("The service runs the sync with the settings saved on this computer."))
	case changedElsewhere(copyOnService, record):
		c := check(CheckFail, changedElsewhereMessage(elsewhereOf(copyOnService)))
		c.Remedy = RemedySendSettings
		return c
	}
	return pending(locale.T("The settings saved on this computer are not on the service yet. Send them now."))
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
