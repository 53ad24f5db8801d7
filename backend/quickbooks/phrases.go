package quickbooks

import "qbsettings/backend/locale"

// What a failure says to the user, each under a code of its own: a failure
// is kept (the last test's outcome, why the settings were not sent) as its
// code and values, and worded when shown.
var (
	saidCanceled          = locale.Coded("qb.canceled", "Canceled.")
	saidCertificate       = locale.Coded("qb.certificateNotTrusted", "This computer does not trust the security certificate of the service at %s, so nothing was sent to it. If this is your own QuickBooks service with a self-signed certificate, compare its fingerprint with the one your IT support gives you before you trust it.")
	saidTimeout           = locale.Coded("qb.timeout", "The QuickBooks service at %s did not answer in time. Check that the computer running it is on and the service is started, then try again.")
	saidHostNotFound      = locale.Coded("qb.hostNotFound", "The server name %q could not be found on the network. Check the Service URL for typing mistakes, and that this computer is connected to the office network.")
	saidConnectionRefused = locale.Coded("qb.connectionRefused", "Nothing is accepting connections at %s. Check that the QuickBooks service is running on that computer and that the port in the Service URL is right.")
	saidNotHTTPS          = locale.Coded("qb.notHTTPS", "The address %s does not answer secure (https) connections. Check the Service URL: ask your IT support whether it starts with https:// or http://.")
	saidConnectionLost    = locale.Coded("qb.connectionLost", "The connection to the QuickBooks service at %s was lost before it answered. Try again; if it keeps happening, restart the QuickBooks service.")
	saidUnauthorized      = locale.Coded("qb.unauthorized", "The QuickBooks service did not accept the Service User and Service Password. Check the user name and the password.")
	saidSlowedDown        = locale.Coded("qb.signInSlowedDown", "The QuickBooks service is slowing sign-ins down after several wrong passwords, so it checked nothing. Try again in %s; if this keeps happening while no one is typing a wrong password, someone may be guessing it: change the Service Password.")
	saidSettingsChanged   = locale.Coded("qb.settingsChanged", "The settings on the QuickBooks service were changed from somewhere else (another computer, or Procore) since this computer last applied them, so nothing was sent. Compare them with yours, then choose which to keep.")
	saidSettingsRefused   = locale.Coded("qb.settingsRefused", "The QuickBooks service did not accept some of the settings, so none were applied there. The reasons are shown beside the settings.")
	// saidByService is the service's own words for the user, kept as they
	// came: the one message whose words are not ours.
	saidByService           = locale.Coded("qb.serviceSaid", "%s")
	saidServiceError        = locale.Coded("qb.serviceError", "The QuickBooks service reported a problem (error %d). Try again in a few minutes; if it keeps happening, ask your IT support to check the QuickBooks service.")
	saidNotQuickBooks       = locale.Coded("qb.notQuickBooks", "Something answered at %s, but not the way a QuickBooks service does. Check the Service URL with your IT support.")
	saidNotRunning          = locale.Coded("qb.quickBooksNotRunning", "The QuickBooks service answered, but QuickBooks is not running on its computer. Open QuickBooks Desktop with the company file, then try again.")
	saidEndlessPages        = locale.Coded("qb.endlessPages", "The QuickBooks service kept sending more pages of items without end, so the list was not changed. Restart the QuickBooks service, then refresh the list again.")
	saidRepeatedPage        = locale.Coded("qb.repeatedPage", "The QuickBooks service sent the same page of items again and again, so the list was not changed. Restart the QuickBooks service, then refresh the list again.")
	saidTooLarge            = locale.Coded("qb.answerTooLarge", "The QuickBooks service sent an answer far larger than expected (over %d MB), so it was not used. Check the Service URL; if it is right, restart the QuickBooks service.")
	saidBrokeOff            = locale.Coded("qb.answerBrokeOff", "The QuickBooks service's answer broke off before its end, so it was not used. Try again; if it keeps happening, restart the QuickBooks service.")
	saidRefreshFailed       = locale.Coded("qb.refreshFailed", "The QuickBooks service could not read the item list from QuickBooks. The stored list was not changed.")
	saidRefreshSaid         = locale.Coded("qb.refreshFailedSaid", "%s The stored list was not changed.")
	saidRefreshPending      = locale.Coded("qb.refreshPending", "The QuickBooks service has the refresh queued, but QuickBooks has not been reached: the QuickBooks Web Connector has not called the service since. Check on the QuickBooks computer that the Web Connector is running with Auto-Run ticked, then refresh the list again. The stored list was not changed.")
	saidRefreshStillRunning = locale.Coded("qb.refreshStillRunning", "QuickBooks is still sending the item list to the QuickBooks service. Refresh the list again in a few minutes. The stored list was not changed.")
	saidCreatePending       = locale.Coded("qb.createPending", "QuickBooks has not created %q yet: the QuickBooks Web Connector has not called the QuickBooks service since it was asked. The service will create it when the Web Connector next calls; then refresh the item list and choose it.")
	saidRefreshHeldBack     = locale.Coded("qb.refreshHeldBack", "%s The QuickBooks service keeps the refresh queued and runs it when the Web Connector next calls after that; then refresh the list again here. The stored list was not changed.")
	saidCreateHeldBack      = locale.Coded("qb.createHeldBack", "QuickBooks has not created %q yet. %s The QuickBooks service keeps the item queued and QuickBooks makes it when the Web Connector next calls after that; then refresh the item list and choose it.")
	saidQuickBooksCode      = locale.Coded("qb.quickBooksCode", "QuickBooks could not do it on the service's computer (code %s).")
	saidNoCertificate       = locale.Coded("qb.noCertificate", "The address %s is not an https:// address, so it has no certificate.")
	saidNameEmpty           = locale.Coded("qb.itemNameEmpty", "Enter a name for the item.")
	saidNameTooLong         = locale.Coded("qb.itemNameTooLong", "QuickBooks accepts an item name of at most %d characters; this one has %d. Shorten it.")
	saidNameColon           = locale.Coded("qb.itemNameColon", "QuickBooks uses a colon to join a sub-item to its parent, so a name cannot contain one. Remove the colon.")
	saidNameHidden          = locale.Coded("qb.itemNameHidden", "The name contains a hidden character, such as a tab or an invisible mark copied with pasted text. Type it again.")
)
