package secrets

import (
	"context"
	"strconv"
	"strings"

	"qbsettings/backend/locale"
)

// Entry is one of the app's keychain entries: an Account's password, or a
// PendingPassword.
type Entry interface {
	// Key names the entry within the app's part of the keychain.
	Key() string
	description() string
}

// Account is whose password an entry holds: a password belongs to one
// Service User of one company profile.
type Account struct {
	Profile string
	User    string
}

// Key names the account's entry. It is what Windows Credential Manager shows
// after the product name ("QuickBooks Integration Settings:service
// password:profile default, user procore-sync"), so IT can find it; the
// Secret Service collection is shared with other programs, so it also says
// whose entry it is.
func (a Account) Key() string { return "profile " + a.Profile + ", user " + a.User }

func (a Account) description() string {
	return locale.T("Password of the QuickBooks service account %s", a.User)
}

// PendingPassword is a new password of an account, written before the
// revision that brings it is committed to the settings database. It becomes
// the account's password only once that revision has landed, so a save cut
// short leaves the current password as it was.
type PendingPassword struct {
	Account
	// Token says which save wrote it: the database's identifier, a dot, and
	// a random part recorded with the save's revision.
	Token string
}

const pendingPrefix = "pending "

// Key names the pending entry: "pending TOKEN, profile P, user U".
func (p PendingPassword) Key() string {
	return pendingPrefix + p.Token + ", " + p.Account.Key()
}

func (p PendingPassword) description() string {
	return locale.T("New password of the QuickBooks service account %s, while its change is saved", p.User)
}

// ProcoreSecret is the Client Secret of a Procore service account (a
// Developer Managed Service Account), which the QuickBooks service keeps
// in the keychain of the user it runs as, for one Procore company.
type ProcoreSecret struct {
	CompanyID int64
	ClientID  string
}

const procorePrefix = "procore company "

// Key names the entry: "procore company 42, client ID".
func (p ProcoreSecret) Key() string {
	return procorePrefix + strconv.FormatInt(p.CompanyID, 10) + ", client " + p.ClientID
}

func (p ProcoreSecret) description() string {
	return locale.T("Client Secret of the Procore service account %s", p.ClientID)
}

// parseKey reads back an entry's name; ok is false for a name that is not
// one of the app's (the Secret Service's collection is shared).
func parseKey(key string) (e Entry, ok bool) {
	if rest, isProcore := strings.CutPrefix(key, procorePrefix); isProcore {
		company, client, found := strings.Cut(rest, ", client ")
		id, err := strconv.ParseInt(company, 10, 64)
		if !found || err != nil || id <= 0 || client == "" {
			return nil, false
		}
		return ProcoreSecret{CompanyID: id, ClientID: client}, true
	}
	if rest, isPending := strings.CutPrefix(key, pendingPrefix); isPending {
		token, account, found := strings.Cut(rest, ", ")
		a, ok := parseAccount(account)
		if !found || token == "" || !ok {
			return nil, false
		}
		return PendingPassword{Account: a, Token: token}, true
	}
	a, ok := parseAccount(key)
	return a, ok
}

// parseAccount reads "profile P, user U". Profile names are the app's own
// identifiers and never hold ", user ", so the first one splits them.
func parseAccount(key string) (Account, bool) {
	rest, ok := strings.CutPrefix(key, "profile ")
	if !ok {
		return Account{}, false
	}
	profile, user, ok := strings.Cut(rest, ", user ")
	if !ok || profile == "" {
		return Account{}, false
	}
	return Account{Profile: profile, User: user}, true
}

// PendingPasswords lists the pending entries whose token starts with
// tokenPrefix: those of one settings database.
func (k *Keychain) PendingPasswords(ctx context.Context, tokenPrefix string) ([]PendingPassword, error) {
	keys, err := k.keys(ctx)
	if err != nil {
		return nil, err
	}
	var out []PendingPassword
	for _, key := range keys {
		if e, ok := parseKey(key); ok {
			if p, ok := e.(PendingPassword); ok && strings.HasPrefix(p.Token, tokenPrefix) {
				out = append(out, p)
			}
		}
	}
	return out, nil
}
