package settings

import (
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// The rules take anything a user can type or paste, or a script can pass:
// they never panic, and what they accept is within the limits the rest of
// the app relies on (no hidden characters, bounded lengths, a loopback-only
// http:// address, a known choice).
func FuzzValidate(f *testing.F) {
	f.Add("https://qbserver:8443", "procore-sync", "s3cret", true, "readOnlyFromQuickBooks", "automatic", "80000005-1468535148")
	f.Add("http://localhost:8765", "demo", "", false, "editableFromProcore", "none", "")
	f.Add(" https://qb\u200bserver ", "a\x00b", "pw\n", true, "", "sometimes", "X-1")
	f.Add("http://[::1]:0", "\u202eadmin", strings.Repeat("p", 600), true, "both", "none", "80000005-1468535148")
	f.Add("http://127.evil.com:8765", "demo", "pw", true, "readOnlyFromQuickBooks", "automatic", "80000005-1468535148")
	f.Add("http://localhost.evil.com/", "demo", "pw", true, "readOnlyFromQuickBooks", "automatic", "80000005-1468535148")
	f.Fuzz(func(t *testing.T, address, user, password string, change bool, direct, vendors, listID string) {
		s := Defaults()
		s.ServiceURL, s.ServiceUser = address, user
		s.DirectCostColumn, s.VendorUpdates = DirectCostColumn(direct), VendorUpdates(vendors)
		s.RetainageItem = ItemRef{ListID: listID, FullName: "Retainage Payable"}
		c := Change{Settings: Normalize(s), ChangePassword: change, Password: password}
		known := Known{PasswordStored: !change}.WithItems([]Item{{ListID: "80000005-1468535148", FullName: "Retainage Payable", Type: "Service", IsActive: true}}, s.RetainageItem)
		errs := Validate(c, known)
		for _, e := range errs {
			if e.Message == "" || e.Field == "" {
				t.Fatalf("a field error without words: %+v", e)
			}
		}
		if len(errs) > 0 {
			return
		}
		got := c.Settings
		for _, v := range []string{got.ServiceURL, got.ServiceUser} {
			if v == "" || HasHiddenCharacter(v) || strings.TrimSpace(v) != v {
				t.Fatalf("accepted %q", v)
			}
		}
		if utf8.RuneCountInString(got.ServiceURL) > MaxServiceURLLength || utf8.RuneCountInString(got.ServiceUser) > MaxServiceUserLength {
			t.Fatalf("accepted an overlong value: %q %q", got.ServiceURL, got.ServiceUser)
		}
		if change && (HasHiddenCharacter(password) || utf8.RuneCountInString(password) > MaxPasswordLength || password == "") {
			t.Fatalf("accepted the password %q", password)
		}
		u, err := url.Parse(got.ServiceURL)
		if err != nil {
			t.Fatalf("accepted an address that does not parse: %q", got.ServiceURL)
		}
		if strings.EqualFold(u.Scheme, "http") && !thisComputer(u.Hostname()) {
			t.Fatalf("accepted a plain-http address off this computer: %q (host %q)", got.ServiceURL, u.Hostname())
		}
	})
}

// thisComputer is the oracle's own idea of a host on this computer, written
// apart from the rule it checks: the name localhost, or a loopback address
// (127.0.0.0/8, ::1, or either inside IPv6).
func thisComputer(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" {
		return true
	}
	addr, err := netip.ParseAddr(host)
	return err == nil && addr.Unmap().IsLoopback()
}
