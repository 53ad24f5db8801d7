package appservice

import "qbsettings/backend/locale"

// What the use cases tell the user, each under a code of its own: a
// failure may be kept (why the settings were not sent, the last test's
// outcome) as its code and values, and is worded when shown.
var (
	saidServiceURLUnusable   = locale.Coded("app.serviceURLUnusable", "The Service URL cannot be used. Check it and try again.")
	saidNotAFingerprint      = locale.Coded("app.notAFingerprint", "The fingerprint is not a SHA-256 fingerprint (64 hexadecimal digits, with or without colons). Nothing was trusted.")
	saidOtherCertificate     = locale.Coded("app.otherCertificate", "The service presents a different certificate from the one you named, so nothing was trusted. Check the address and the fingerprint with whoever runs the QuickBooks service.")
	saidCertificateInvalid   = locale.Coded("app.certificateInvalid", "This certificate cannot be trusted: its address or fingerprint is not valid. Test the connection again.")
	saidWrongCompanyFile     = locale.Coded("app.wrongCompanyFile", "The service has %s open, but these settings belong to %s. Open %s in QuickBooks and try again; or, if these settings are now for %s, choose to use that company file.")
	saidNoOpenFile           = locale.Coded("app.noOpenFile", "This QuickBooks service does not say which company file it has open, so there is nothing to choose.")
	saidConnected            = locale.Coded("app.connected", "Company file %s in %s.")
	saidTestCanceled         = locale.Coded("app.testCanceled", "The test was canceled.")
	saidNoCreate             = locale.Coded("app.noCreate", "This QuickBooks service cannot create items. In QuickBooks, create a Service item (Lists > Item List > Item > New, type Service), for example \"Retainage Payable\", then refresh the list.")
	saidNoProfile            = locale.Coded("app.noProfile", "This company no longer exists: it was removed, perhaps from another window or a script.")
	saidNotRead              = locale.Coded("app.databaseNotRead", "The settings could not be read from the settings file on this computer. Close the app, open it again and retry. If it keeps happening, ask your IT support to check the disk.")
	saidNotWritten           = locale.Coded("app.databaseNotWritten", "The settings could not be written to the settings file on this computer, so nothing was saved. Check that the disk is not full, then try again.")
	saidConflict             = locale.Coded("app.conflict", "These settings were saved from somewhere else at %s, after you opened them, so your changes were not saved. Load the latest settings, then make your changes again.")
	saidKeychainTimeout      = locale.Coded("app.keychainTimeout", "The system keychain did not answer in time. If a keychain or password window is open, unlock it, then try again.")
	saidKeychainUnavailable  = locale.Coded("app.keychainUnavailable", "No system keychain is available to keep the service password safe (Windows Credential Manager, macOS Keychain or GNOME Keyring). Ask your IT support to turn it on.")
	saidKeychainInvalidName  = locale.Coded("app.keychainInvalidName", "The Service User or company cannot name a saved password because it contains a hidden character. Type it again instead of pasting it.")
	saidKeychainFailed       = locale.Coded("app.keychainFailed", "The system keychain, where the service password is kept, reported a problem. Try again. If it keeps happening, check that the keychain is unlocked, then close this app and open it again.")
	saidUnknownLanguage      = locale.Coded("app.unknownLanguage", "%q is not a language this app speaks. Choose English (United States), English (United Kingdom), English (Australia) or English (Canada).")
	saidCompanyNameEmpty     = locale.Coded("app.companyNameEmpty", "Enter the company's name.")
	saidCompanyNameLong      = locale.Coded("app.companyNameLong", "The company name is too long. Use at most 80 characters.")
	saidCompanyNameHidden    = locale.Coded("app.companyNameHidden", "The company name contains a hidden character, such as a tab, a line break or an invisible mark copied with pasted text. Type it again instead of pasting it.")
	saidCompanyNameTaken     = locale.Coded("app.companyNameTaken", "There is already a company named \"%s\". Choose another name.")
	saidOnlyCompany          = locale.Coded("app.onlyCompany", "This is the only company, so it cannot be removed. Add another company first.")
	saidAlreadyRemoved       = locale.Coded("app.alreadyRemoved", "This company was already removed.")
	saidNothingToTake        = locale.Coded("app.nothingToTake", "There are no settings from the QuickBooks service to take: the service's settings are not known to differ from this computer's. Send the settings to check again.")
	saidServiceCopyUnusable  = locale.Coded("app.serviceCopyUnusable", "The QuickBooks service's settings cannot be used here, so nothing was taken: %s: %s Keep this computer's settings instead, or correct them where they were changed.")
	saidServiceCopyUnread    = locale.Coded("app.serviceCopyUnreadable", "The service's settings could not be read: %s")
	saidNotSentNoPassword    = locale.Coded("app.notSentNoPassword", "The settings could not be sent: no password is stored on this computer for the Service User. Enter its password, then save again.")
	saidNotSentFieldInvalid  = locale.Coded("app.notSentFieldInvalid", "The settings could not be sent: the saved %s cannot be used. Correct it, then save again.")
	saidServiceRefused       = locale.Coded("app.serviceRefused", "The QuickBooks service refused some of the settings: each is marked with the service's reason. Change them, then save again.")
	saidBadCertificateInFile = locale.Coded("app.badCertificateInFile", "This settings file has a trusted certificate that is not valid, so nothing was imported. Export the settings again and use the new file.")
	saidFileHasProblems      = locale.Coded("app.fileHasProblems", "The file's settings have problems, so nothing was imported. Fix them in the file, or import another file.")
	saidLocalOnly            = locale.Coded("app.localOnly", "This QuickBooks service does not take the integration's settings, so they are kept on this computer only. A service of contract version 1.1 or later takes them.")
)

// Where the saved settings stand on the service.
var (
	saidSaveToSend       = locale.Coded("sync.saveToSend", "Save the settings, and they are sent to the QuickBooks service.")
	saidInEffect         = locale.Coded("sync.inEffect", "The sync runs with the settings saved on this computer.")
	saidKeptForSync      = locale.Coded("sync.kept", "The QuickBooks service keeps the settings saved on this computer. It does not run the sync with Procore yet; they take effect when it does.")
	saidNotSentYet       = locale.Coded("sync.notSentYet", "They have not been sent to the service yet.")
	saidChangedOnBy      = locale.Coded("sync.changedOnBy", "The settings the QuickBooks service runs with were changed on %s by %s, so they differ from the settings saved on this computer. Choose which to keep: nothing is replaced until you do.")
	saidChangedOn        = locale.Coded("sync.changedOn", "The settings the QuickBooks service runs with were changed on %s, so they differ from the settings saved on this computer. Choose which to keep: nothing is replaced until you do.")
	saidChangedElsewhere = locale.Coded("sync.changedElsewhere", "The settings the QuickBooks service runs with were changed from somewhere else (another computer, or Procore's page), so they differ from the settings saved on this computer. Choose which to keep: nothing is replaced until you do.")
)

// The readiness checklist's findings and next steps.
var (
	saidServiceAnswers            = locale.Coded("check.serviceAnswers", "The QuickBooks service answers.")
	saidSignInAccepted            = locale.Coded("check.signInAccepted", "The service accepts the Service User and Service Password.")
	saidQuickBooksReady           = locale.Coded("check.quickBooksReady", "%s is running and ready.")
	saidFileOpen                  = locale.Coded("check.fileOpen", "The company file %s is open.")
	saidNotChecked                = locale.Coded("check.notChecked", "Not checked: fix the line above first.")
	saidMultiUser                 = locale.Coded("check.multiUser", "The company file is open in multi-user mode, so the sync can work while people use QuickBooks.")
	saidSingleUser                = locale.Coded("check.singleUser", "The company file is open in single-user mode: while the sync works, nobody else can use it. In QuickBooks, choose File > Switch to Multi-user Mode.")
	saidModeUnknown               = locale.Coded("check.modeUnknown", "This QuickBooks service does not say which mode the file is open in.")
	saidPurchaseOrdersOn          = locale.Coded("check.purchaseOrdersOn", "Purchase orders are active in QuickBooks, so commitments and subcontractor invoices can be exported.")
	saidPurchaseOrdersOff         = locale.Coded("check.purchaseOrdersOff", "Purchase orders are turned off in QuickBooks, so commitments and subcontractor invoices exported from Procore are refused. In QuickBooks, choose Edit > Preferences > Items & Inventory > Company Preferences and tick Inventory and purchase orders are active.")
	saidPreferencesOn             = locale.Coded("check.preferencesOn", "Purchase orders and estimates are active in QuickBooks, so commitments, subcontractor invoices and budgets can be exported.")
	saidEstimatesOff              = locale.Coded("check.estimatesOff", "Estimates are turned off in QuickBooks, so budgets exported from Procore are refused. In QuickBooks, choose Edit > Preferences > Jobs & Estimates > Company Preferences and turn estimates on.")
	saidBothOff                   = locale.Coded("check.preferencesOff", "Purchase orders and estimates are turned off in QuickBooks, so commitments, subcontractor invoices and budgets exported from Procore are refused. In QuickBooks, choose Edit > Preferences: under Items & Inventory tick Inventory and purchase orders are active, and under Jobs & Estimates turn estimates on.")
	saidNoItemChosen              = locale.Coded("check.noItemChosen", "No Invoice Retainage Item is chosen. Choose one (for example \"Retainage Payable\"), then save the settings.")
	saidListNeverRead             = locale.Coded("check.listNeverRead", "The item list was never read on this computer, so %q could not be checked. Refresh the item list.")
	saidItemInactive              = locale.Coded("check.itemInactive", "The Invoice Retainage Item %q is inactive in QuickBooks, so invoices with retainage cannot sync. Make it active in QuickBooks, or choose another item, then save the settings.")
	saidItemNotService            = locale.Coded("check.itemNotService", "The Invoice Retainage Item %q is not a Service item. Choose a Service item (for example \"Retainage Payable\"), then save the settings.")
	saidItemGood                  = locale.Coded("check.itemGood", "The Invoice Retainage Item %q is an active Service item.")
	saidItemGone                  = locale.Coded("check.itemGone", "The Invoice Retainage Item %q is no longer in QuickBooks' item list. Choose another item, then save the settings.")
	saidNotSavedYet               = locale.Coded("check.notSavedYet", "The settings are not saved yet. Save them, and they are sent to the QuickBooks service.")
	saidServiceCopyUnreadNoReason = locale.Coded("check.serviceCopyUnreadable", "The service's settings could not be read.")
	saidRunsWithSaved             = locale.Coded("check.runsWithSaved", "The service runs the sync with the settings saved on this computer.")
	saidKeepsSaved                = locale.Coded("check.keepsSaved", "The service keeps the settings saved on this computer. It does not run the sync with Procore yet.")
	saidNotOnServiceYet           = locale.Coded("check.notOnServiceYet", "The settings saved on this computer are not on the service yet. Send them now.")
)

// What a failure meant for the user's action, said with its reason: two
// whole sentences, saidBoth.With(first, second).
var (
	saidBoth            = locale.Coded("app.twoSentences", "%s %s")
	notTested           = locale.Coded("app.notTested", "The connection was not tested.")
	nothingSaved        = locale.Coded("app.nothingSaved", "Nothing was saved.")
	nothingCreated      = locale.Coded("app.nothingCreated", "Nothing was created.")
	listNotChanged      = locale.Coded("app.listNotChanged", "The stored item list was not changed.")
	companyFileNotBound = locale.Coded("app.companyFileNotBound", "The company file was not changed.")
	companyNotRemoved   = locale.Coded("app.companyNotRemoved", "The company was not removed.")
	nothingCopied       = locale.Coded("app.nothingCopied", "Nothing was copied.")
)
