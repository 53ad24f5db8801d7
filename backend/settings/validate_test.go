package settings

import (
	"strings"
	"testing"
)

var (
	retainage = Item{ListID: "80000005-1468535148", FullName: "Retainage Payable", Type: "Service", IsActive: true}
	oldItem   = Item{ListID: "80000009-1468535200", FullName: "Old Retainage", Type: "Service", IsActive: false}
	someItems = []Item{retainage, oldItem}
)

// valid is a change that passes every rule; each case below breaks one thing.
func valid() Change {
	s := Defaults()
	s.ServiceURL = "https://qbserver:8443"
	s.ServiceUser = "procore-sync"
	s.RetainageItem = ItemRef{ListID: retainage.ListID, FullName: retainage.FullName}
	return Change{Settings: s, ChangePassword: true, Password: "s3cret"}
}

func TestValidateAcceptsValidChange(t *testing.T) {
	if errs := Validate(valid(), Known{}.WithItems(someItems, valid().Settings.RetainageItem)); len(errs) != 0 {
		t.Fatalf("valid change refused: %v", errs)
	}
}

func TestServiceURL(t *testing.T) {
	cases := []struct {
		url  string
		want string // part of the message; "" means accepted
	}{
		{"https://qbserver:8443", ""},
		{"https://qb.example.com/quickbooks/api", ""},
		{"HTTPS://QB.EXAMPLE.COM", ""},
		{"https://10.0.0.5", ""},
		{"https://[2001:db8::1]:8443", ""},
		{"http://localhost:8765", ""},
		{"http://LOCALHOST.", ""},
		{"http://127.0.0.1:8765", ""},
		{"http://127.45.6.7", ""},
		{"http://[::1]:8765", ""},
		{"", "Enter the address of the QuickBooks service"},
		{"https://" + strings.Repeat("a", MaxServiceURLLength), "too long"},
		{"https://qb\tserver", "hidden character"},
		{"https://qbserver\n", "hidden character"},
		{"https://qb\x00server", "hidden character"},
		{"https://qbserver\u200b:8443", "hidden character"},
		{"https://\u202eqbserver", "hidden character"},
		{"https://qbserver\u2069", "hidden character"},
		{"\ufeffhttps://qbserver", "hidden character"},
		{"https://qb\xc3server", "hidden character"},
		{"qbserver:8443", "full address"},
		{"qbserver", "full address"},
		{"//qbserver", "full address"},
		{"mailto:someone@example.com", "full address"},
		{"ftp://qbserver", "must start with https://"},
		{"https://", "no server name"},
		{"https://:8443", "no server name"},
		{"https://user:pw@qbserver", "Remove the user name and password"},
		{"https://qbserver:0", "port number"},
		{"https://qbserver:70000", "port number"},
		{"https://qbserver/?x=1", "Remove the part after"},
		{"https://qbserver/#top", "Remove the part after"},
		{"http://qbserver:8765", "password would travel over the network unencrypted"},
		{"http://10.0.0.5", "unencrypted"},
		{"http://localhost.evil.com", "unencrypted"},
		{"http://128.0.0.1", "unencrypted"},
		{"https://qb server", "full address"},
	}
	for _, tc := range cases {
		got := serviceURLProblem(tc.url)
		if tc.want == "" && got != "" {
			t.Errorf("%q refused: %s", tc.url, got)
		}
		if tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%q: got %q, want a message containing %q", tc.url, got, tc.want)
		}
	}
}

func TestServiceUser(t *testing.T) {
	cases := []struct{ user, want string }{
		{"procore-sync", ""},
		{"DOMAIN\\bookkeeper", ""},
		{"José Müller", ""},
		{strings.Repeat("é", MaxServiceUserLength), ""},
		{"", "Enter the user name"},
		{strings.Repeat("a", MaxServiceUserLength+1), "too long"},
		{"admin\x00", "hidden character"},
		{"ad\tmin", "hidden character"},
		{"procore\u200b-sync", "hidden character"},
		{"\u202eprocore-sync", "hidden character"},
		{"\ufeffprocore-sync", "hidden character"},
		{"procore\u2028sync", "hidden character"},
		{"procore\xffsync", "hidden character"},
	}
	for _, tc := range cases {
		checkOne(t, serviceUserProblem(tc.user), tc.user, tc.want)
	}
}

func TestPassword(t *testing.T) {
	cases := []struct {
		name   string
		change bool
		pw     string
		stored bool
		want   string
	}{
		{"keep the stored one", false, "", true, ""},
		{"replace the stored one", true, "new-pass", true, ""},
		{"first one", true, "first", false, ""},
		{"spaces kept and allowed", true, "  pass phrase  ", false, ""},
		{"longest allowed", true, strings.Repeat("ü", MaxPasswordLength), false, ""},
		{"none stored for this user and box closed", false, "", false, "No password is stored for this Service User"},
		{"none stored and box empty", true, "", false, "No password is stored yet"},
		{"box opened and left empty", true, "", true, "or keep the current one"},
		{"too long", true, strings.Repeat("a", MaxPasswordLength+1), true, "too long"},
		{"pasted line break", true, "secret\n", false, "hidden character"},
		{"pasted zero-width space", true, "sec\u200bret", false, "hidden character"},
		{"NUL", true, "sec\x00ret", false, "hidden character"},
	}
	for _, tc := range cases {
		_, got := passwordProblem(Change{ChangePassword: tc.change, Password: tc.pw}, tc.stored, true)
		checkOne(t, got, tc.name, tc.want)
	}
}

func TestChoices(t *testing.T) {
	checkOne(t, directCostProblem(DirectCostReadOnly), "read only", "")
	checkOne(t, directCostProblem(DirectCostEditable), "editable", "")
	checkOne(t, directCostProblem(""), "none", "Direct Cost column")
	checkOne(t, directCostProblem("both"), "unknown", "Direct Cost column")
	checkOne(t, vendorUpdatesProblem(VendorUpdatesAutomatic), "automatic", "")
	checkOne(t, vendorUpdatesProblem(VendorUpdatesNone), "none", "")
	checkOne(t, vendorUpdatesProblem("sometimes"), "unknown", "vendors are updated")
}

func TestRetainageItem(t *testing.T) {
	ref := func(it Item) ItemRef { return ItemRef{ListID: it.ListID, FullName: it.FullName} }
	cases := []struct {
		name  string
		ref   ItemRef
		items []Item
		want  string
	}{
		{"active item", ref(retainage), someItems, ""},
		{"none chosen, empty list", ItemRef{}, nil, "Create a Service Item in QuickBooks (for example \"Retainage Payable\"), then refresh the item list"},
		{"none chosen", ItemRef{}, someItems, "required to sync subcontractor invoices"},
		{"gone from the list", ItemRef{ListID: "X-1", FullName: "Deleted Item"}, someItems, "\"Deleted Item\" is no longer in the QuickBooks item list"},
		{"inactive", ref(oldItem), someItems, "\"Old Retainage\" is inactive"},
	}
	for _, tc := range cases {
		checkOne(t, second(retainageItemProblem(tc.ref, Known{}.WithItems(tc.items, tc.ref))), tc.name, tc.want)
	}
}

func TestUnknownItemListAcceptsAChosenItem(t *testing.T) {
	ref := ItemRef{ListID: "X-1", FullName: "Retainage Payable"}
	checkOne(t, second(retainageItemProblem(ref, Known{ItemListUnknown: true})), "imported", "")
	checkOne(t, second(retainageItemProblem(ItemRef{}, Known{ItemListUnknown: true})), "none", "Choose the Invoice Retainage Item")
}

func TestValidateReportsEveryFieldInFormOrder(t *testing.T) {
	c := Change{Settings: Settings{ServiceURL: "http://qbserver"}}
	errs := Validate(c, Known{})
	var fields []string
	for _, e := range errs {
		fields = append(fields, string(e.Field))
	}
	want := "serviceUrl serviceUser password directCostColumn vendorUpdates retainageItem"
	if got := strings.Join(fields, " "); got != want {
		t.Fatalf("fields = %q, want %q", got, want)
	}
}

func TestNormalizeTrimsTextButNotChoices(t *testing.T) {
	s := Normalize(Settings{ServiceURL: "  https://qbserver \t", ServiceUser: "\u00a0sync\n"})
	if s.ServiceURL != "https://qbserver" || s.ServiceUser != "sync" {
		t.Fatalf("not trimmed: %+v", s)
	}
}

func TestDefaultsNeedOnlyConnectionAndItem(t *testing.T) {
	errs := Validate(Change{Settings: Defaults()}, Known{})
	for _, e := range errs {
		if e.Field == FieldDirectCostColumn || e.Field == FieldVendorUpdates {
			t.Errorf("default refused: %v", e)
		}
	}
}

func checkOne(t *testing.T, got, input, want string) {
	t.Helper()
	if want == "" && got != "" {
		t.Errorf("%q refused: %s", input, got)
	}
	if want != "" && !strings.Contains(got, want) {
		t.Errorf("%q: got %q, want a message containing %q", input, got, want)
	}
}

func TestValidateConnectionIgnoresTheRest(t *testing.T) {
	c := valid()
	c.Settings.RetainageItem = ItemRef{}
	c.Settings.VendorUpdates = ""
	if errs := ValidateConnection(c, Known{}); len(errs) != 0 {
		t.Fatalf("connection fields refused: %v", errs)
	}
	c.Settings.ServiceUser = ""
	if errs := ValidateConnection(c, Known{}); len(errs) != 1 || errs[0].Field != FieldServiceUser {
		t.Fatalf("errors = %v, want the Service User's only", errs)
	}
}

// A Service User that breaks its own rule is not looked up in the keychain,
// so the password is not judged against a stored one: the user's own
// message is the one to act on.
func TestNoStoredPasswordComplaintWithoutAUsableUser(t *testing.T) {
	c := valid()
	c.ChangePassword = false
	c.Settings.ServiceUser = "sync\x00"
	errs := Validate(c, Known{}.WithItems(someItems, c.Settings.RetainageItem))
	if len(errs) != 1 || errs[0].Field != FieldServiceUser {
		t.Fatalf("errs = %v, want only the Service User's", errs)
	}
	if ServiceUserUsable(c.Settings.ServiceUser) || !ServiceUserUsable("procore-sync") {
		t.Fatal("ServiceUserUsable disagrees with the rule")
	}
}

func TestHasHiddenCharacter(t *testing.T) {
	for _, s := range []string{"plain", "José Müller", "日本語", "a b", "DOMAIN\\user", "emoji 👍"} {
		if HasHiddenCharacter(s) {
			t.Errorf("%q: seen as hidden", s)
		}
	}
	for _, s := range []string{"\x00", "\t", "\r\n", "\u200b", "\u200d", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\u00ad", "\u2028", "\u2029", "\xff", "\x85"} {
		if !HasHiddenCharacter("a" + s + "b") {
			t.Errorf("%q: not seen as hidden", s)
		}
	}
}

func second(_ Problem, msg string) string { return msg }
