package settings

import (
	"net"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"qbsettings/backend/locale"
)

// Change is what the user asks to save: the settings, and what they did with
// the Service Password box.
type Change struct {
	Settings Settings `json:"settings"`
	// ChangePassword is true when the Service Password box is open, that is,
	// the user means to store Password instead of keeping the stored one.
	ChangePassword bool   `json:"changePassword"`
	Password       string `json:"password"`
}

// Known is what validation needs to know about the world. The caller
// gathers it, so that the rules stay free of I/O.
type Known struct {
	PasswordStored bool
	// ItemCount is how many items the stored QuickBooks item list holds.
	ItemCount int
	// Chosen is the stored list's item with the chosen Invoice Retainage
	// Item's ListID; nil when the list does not hold it. The caller looks
	// it up, so that a check as the user types reads one item, not a list.
	Chosen *Item
	// ItemListUnknown: the item list was never read on this computer (an
	// import on a new PC), so a chosen item cannot be checked against it.
	ItemListUnknown bool
	// ChosenIsCostCode: the chosen item was made in QuickBooks for a cost
	// code exported from Procore, which cannot hold retainage (only the
	// QuickBooks service knows it).
	ChosenIsCostCode bool
}

// Validate returns every problem with c, in the order of the form's fields;
// none means c can be saved. c.Settings should be normalized first.
func Validate(c Change, known Known) []FieldError {
	var errs []FieldError
	for _, sp := range table {
		if sp.rule == nil {
			continue
		}
		if code, msg := sp.rule(c, known); msg != "" {
			errs = append(errs, FieldError{Field: sp.Key, Code: code, Message: msg})
		}
	}
	return errs
}

// ValidateFields is Validate limited to the given fields.
func ValidateFields(c Change, fields ...Field) []FieldError {
	var out []FieldError
	for _, e := range Validate(c, Known{PasswordStored: true}) {
		if slices.Contains(fields, e.Field) {
			out = append(out, e)
		}
	}
	return out
}

// passwordRule judges the password against the Service User it belongs to.
// An empty user has no password stored; one that breaks its rule was not
// looked up in the keychain, so whether it has one is not known.
func passwordRule(c Change, known Known) (Problem, string) {
	user := c.Settings.ServiceUser
	storedKnown := user == "" || serviceUserProblem(user) == ""
	return passwordProblem(c, known.PasswordStored, storedKnown)
}

func serviceURLProblem(raw string) string {
	switch {
	case raw == "":
		return locale.T("Enter the address of the QuickBooks service, for example https://qbserver:8443.")
	case utf8.RuneCountInString(raw) > MaxServiceURLLength:
		return locale.T("The Service URL is too long. Use at most %d characters.", MaxServiceURLLength)
	case HasHiddenCharacter(raw):
		return locale.T("The Service URL contains a hidden character, such as a tab, a line break or an invisible mark copied with pasted text. Type it again instead of pasting it.")
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Opaque != "" {
		return locale.T("Enter a full address that starts with https://, for example https://qbserver:8443.")
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return locale.T("The Service URL must start with https:// (or http:// for a service on this computer).")
	case u.User != nil:
		return locale.T("Remove the user name and password from the Service URL. Enter them in Service User and Service Password instead.")
	case u.Hostname() == "":
		return locale.T("The Service URL has no server name. Enter it as https://server-name:port.")
	case u.Port() != "" && !validPort(u.Port()):
		return locale.T("The port number in the Service URL is not valid. Use a number from 1 to 65535.")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return locale.T("Remove the part after \"?\" or \"#\" from the Service URL. Enter only the service's address.")
	case scheme == "http" && !isLoopbackHost(u.Hostname()):
		return locale.T("Use https:// for this address. With http:// the service password would travel over the network unencrypted; http:// is allowed only for a service on this computer (localhost).")
	}
	return ""
}

func validPort(p string) bool {
	n := 0
	for _, r := range p {
		if r < '0' || r > '9' {
			return false
		}
		n = n*10 + int(r-'0')
		if n > 65535 {
			return false
		}
	}
	return n >= 1
}

// isLoopbackHost reports whether host is this computer: localhost or an
// address in 127.0.0.0/8 or ::1.
func isLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func serviceUserProblem(user string) string {
	switch {
	case user == "":
		return locale.T("Enter the user name of the QuickBooks service account.")
	case utf8.RuneCountInString(user) > MaxServiceUserLength:
		return locale.T("The Service User is too long. Use at most %d characters.", MaxServiceUserLength)
	case HasHiddenCharacter(user):
		return locale.T("The Service User contains a hidden character, such as a tab, a line break or an invisible mark copied with pasted text. Type it again instead of pasting it.")
	}
	return ""
}

// passwordProblem checks the password only when one is to be stored. It is
// never trimmed: spaces at either end may be part of it. Whether one is
// stored is asked of the keychain only for a usable Service User; when it
// is not known, there is nothing to say about a stored password.
func passwordProblem(c Change, stored, storedKnown bool) (Problem, string) {
	if !c.ChangePassword {
		if stored || !storedKnown {
			return "", ""
		}
		// A password belongs to one Service User: a changed user needs its own.
		return ProblemPasswordNotStored, locale.T("No password is stored for this Service User. Enter its password.")
	}
	switch {
	case c.Password == "" && stored:
		return ProblemNewPasswordEmpty, locale.T("Enter the new password, or keep the current one.")
	case c.Password == "":
		return ProblemPasswordEmpty, locale.T("Enter the password of the QuickBooks service account. No password is stored yet.")
	case utf8.RuneCountInString(c.Password) > MaxPasswordLength:
		return "", locale.T("The password is too long. Use at most %d characters.", MaxPasswordLength)
	case HasHiddenCharacter(c.Password):
		return "", locale.T("The password contains a hidden character, such as a tab, a line break or an invisible mark copied with pasted text. Type it again instead of pasting it.")
	}
	return "", ""
}

func directCostProblem(v DirectCostColumn) string {
	if v == DirectCostReadOnly || v == DirectCostEditable {
		return ""
	}
	return locale.T("Choose how Procore's Budget fills the Direct Cost column.")
}

func vendorUpdatesProblem(v VendorUpdates) string {
	if v == VendorUpdatesAutomatic || v == VendorUpdatesNone {
		return ""
	}
	return locale.T("Choose whether vendors are updated automatically.")
}

func retainageItemProblem(ref ItemRef, known Known) (Problem, string) {
	if ref.IsZero() {
		if known.ItemCount == 0 {
			return ProblemItemListEmpty, locale.T("Choose the Invoice Retainage Item. The list is empty. Create a Service Item in QuickBooks (for example \"Retainage Payable\"), then refresh the item list.")
		}
		return "", locale.T("Choose the Invoice Retainage Item. It is required to sync subcontractor invoices with QuickBooks.")
	}
	if known.ItemListUnknown {
		return "", ""
	}
	it := known.Chosen
	switch {
	case it == nil || it.ListID != ref.ListID:
		return "", locale.T("The item %q is no longer in the QuickBooks item list. Choose another item.", ref.FullName)
	case !it.IsActive:
		return "", locale.T("The item %q is inactive in QuickBooks. Choose an active item.", it.FullName)
	case known.ChosenIsCostCode:
		return "", locale.T("The item %q is a cost code exported from Procore, which cannot hold retainage. Choose another Service item (for example \"Retainage Payable\").", it.FullName)
	}
	return "", ""
}

// ServiceUserUsable reports whether user passes its rule, and so may be
// used to name the user's password in the keychain.
func ServiceUserUsable(user string) bool { return serviceUserProblem(user) == "" }

// ValidateConnection returns the problems with the fields a connection
// needs (Service URL, User and Password), as Validate words them.
func ValidateConnection(c Change, known Known) []FieldError {
	var out []FieldError
	for _, e := range Validate(c, known) {
		if sp, ok := SpecOf(e.Field); ok && sp.Connection {
			out = append(out, e)
		}
	}
	return out
}
