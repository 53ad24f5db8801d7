package quickbooks

import (
	"fmt"

	"qbsettings/backend/locale"
	"qbsettings/serviceapi"
)

// What QuickBooks' own codes mean for a bookkeeper: each has its own next
// step. (Intuit's SDK documents the HRESULTs and status codes; the words
// are ours.)

// condition is a QuickBooks code explained.
type condition struct {
	kind Kind
	// retry: trying again soon usually works (nothing needs fixing).
	retry bool
	said  locale.Phrase
}

var hresults = map[string]condition{
	"0x80040408": {KindQuickBooksNotReady, false, locale.Coded("qb.hresult.0x80040408", "QuickBooks could not be started on the service's computer. Open QuickBooks Desktop there with the company file, then try again.")},
	"0x8004040A": {KindCompanyFile, false, locale.Coded("qb.hresult.0x8004040A", "QuickBooks has a different company file open on the service's computer. Open this company's file in QuickBooks (File > Open or Restore Company), then try again.")},
	"0x80040410": {KindCompanyFile, false, locale.Coded("qb.hresult.0x80040410", "The company file is open in QuickBooks in a mode that does not allow this. In QuickBooks, switch the file to multi-user mode (File > Switch to Multi-user Mode), then try again.")},
	"0x80040414": {KindQuickBooksBusy, true, locale.Coded("qb.hresult.0x80040414", "QuickBooks is showing a dialog box on the service's computer and cannot answer. Close the dialog in QuickBooks, then try again.")},
	"0x80040418": {KindQuickBooksRefused, false, locale.Coded("qb.hresult.0x80040418", "QuickBooks has not yet allowed the integration to use this company file. On the QuickBooks computer, open the file in QuickBooks as the Admin, in single-user mode; then choose Update Selected in the QuickBooks Web Connector, and when QuickBooks asks, choose \"Yes, always; allow access even if QuickBooks is not running\".")},
	"0x8004041A": {KindQuickBooksRefused, false, locale.Coded("qb.hresult.0x8004041A", "QuickBooks does not allow the integration to use this company file. A QuickBooks Admin must allow it: in QuickBooks, Edit > Preferences > Integrated Applications > Company Preferences, tick Allow Access beside QuickBooks Integration Settings; then choose Update Selected in the QuickBooks Web Connector.")},
	"0x8004041B": {KindQuickBooksBusy, true, locale.Coded("qb.hresult.0x8004041B", "QuickBooks is busy with this company file (someone is changing something the integration needs). Try again in a few minutes.")},
	"0x8004041D": {KindQuickBooksRefused, false, locale.Coded("qb.hresult.0x8004041D", "QuickBooks does not allow the integration to sign in to this company file by itself. A QuickBooks Admin must allow it: in QuickBooks, Edit > Preferences > Integrated Applications > Company Preferences, select QuickBooks Integration Settings, choose Properties, tick \"Allow this application to login automatically\" and choose the Admin as the user; then choose Update Selected in the QuickBooks Web Connector.")},
	"0x8004041E": {KindQuickBooksRefused, false, locale.Coded("qb.hresult.0x8004041E", "QuickBooks' permission for the integration to sign in by itself has expired. On the QuickBooks computer, open the file in QuickBooks as the Admin; then choose Update Selected in the QuickBooks Web Connector, and when QuickBooks asks, choose \"Yes, always; allow access even if QuickBooks is not running\".")},
	"0x80040420": {KindQuickBooksRefused, false, locale.Coded("qb.hresult.0x80040420", "Someone answered No when QuickBooks asked whether to let the integration in. On the QuickBooks computer, open the file in QuickBooks as the Admin; then choose Update Selected in the QuickBooks Web Connector, and when QuickBooks asks, choose \"Yes, always; allow access even if QuickBooks is not running\".")},
	"0x80040422": {KindCompanyFile, false, locale.Coded("qb.hresult.0x80040422", "QuickBooks needs the company file in single-user mode for this. Ask everyone to close the file, switch it to single-user mode (File > Switch to Single-user Mode), then try again.")},
	"0x80040423": {KindQuickBooksNotReady, false, locale.Coded("qb.hresult.0x80040423", "The QuickBooks Desktop on the QuickBooks computer is too old for the integration: it does not support qbXML 5.0 or later. Install a newer QuickBooks Desktop there, then choose Update Selected in the QuickBooks Web Connector.")},
	"0x80040424": {KindQuickBooksBusy, true, locale.Coded("qb.hresult.0x80040424", "QuickBooks is still starting on the service's computer. Wait a minute, then try again.")},
}

var statusCodes = map[int]condition{
	3100: {KindNameInUse, false, locale.Coded("qb.status.3100", "QuickBooks already has an item with that name. Choose it from the list, or use another name.")},
	3120: {KindQuickBooksRecord, false, locale.Coded("qb.status.3120", "QuickBooks could not find that record: it may have been deleted. Refresh the list, then try again.")},
	3170: {KindQuickBooksBusy, true, locale.Coded("qb.status.3170", "Someone is changing this list in QuickBooks right now. Try again in a moment.")},
	3175: {KindQuickBooksBusy, true, locale.Coded("qb.status.3175", "This list is in use in QuickBooks right now. Try again in a moment.")},
	3176: {KindQuickBooksBusy, true, locale.Coded("qb.status.3176", "This record is being edited in QuickBooks right now. Try again in a moment.")},
	3180: {KindQuickBooksBusy, true, locale.Coded("qb.status.3180", "QuickBooks could not save this because the list is being changed by another user. Try again in a moment.")},
	3200: {KindQuickBooksRecord, false, locale.Coded("qb.status.3200", "The record was changed in QuickBooks after it was read. Refresh the list, then try again.")},
}

// quickBooksError explains a failure QuickBooks itself reported; ok is
// false for a code this client does not know, which the caller words from
// the service's own message.
func quickBooksError(code *serviceapi.Code, detail string) (*Error, bool) {
	c, ok := hresults[normalizeHResult(code.HResult)]
	if !ok && code.StatusCode != 0 {
		c, ok = statusCodes[code.StatusCode]
	}
	if !ok {
		return nil, false
	}
	return &Error{Kind: c.kind, Said: c.said.With(), Detail: detail, QuickBooks: code, Retry: c.retry}, true
}

// normalizeHResult writes an HRESULT as 0x followed by eight upper-case
// hex digits, however the service wrote it.
func normalizeHResult(h string) string {
	var v uint32
	if _, err := fmt.Sscanf(h, "0x%x", &v); err != nil {
		if _, err := fmt.Sscanf(h, "0X%x", &v); err != nil {
			return h
		}
	}
	return fmt.Sprintf("0x%08X", v)
}

// HResultWords are the words for QuickBooks' HRESULT h in the language in
// use, or message (QuickBooks' own, as the service passed it on) for a code
// this client does not know.
func HResultWords(h, message string) string {
	if c, ok := hresults[normalizeHResult(h)]; ok {
		return c.said.Text()
	}
	return message
}
