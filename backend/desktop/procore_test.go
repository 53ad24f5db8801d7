package desktop

import (
	"context"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/testkeys"
	"qbsettings/qbservice/erp"
)

// The window's Procore section through its bound methods, against the
// project's QuickBooks service and a Procore: the values refused as typed,
// the connection kept, its problem worded with the window's next step.
func TestProcoreThroughTheWindow(t *testing.T) {
	keys := testkeys.Open(t)
	const secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
	t.Cleanup(func() {
		_ = keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: 4242, ClientID: "svc-account"})
		_ = keys.Remove(ctx, secrets.Account{Profile: store.DefaultProfile, User: qbservicetest.User})
	})
	_, procoreURL := procoreemu.Start(t, procoreemu.CompanySeed{ID: 4242, Name: "Summit Construction"}, procoreemu.Client{ID: "svc-account", Secret: secret})
	s := qbservicetest.Start(t, nil, qbservicetest.Options{Keychain: func(context.Context) (erp.Keychain, error) { return keys, nil }})
	app, _, st := newTestApp(t)
	item := settings.Item{ListID: "80000005-1", FullName: "Retainage Payable", Type: "Service", IsActive: true}
	if err := st.ReplaceItems(ctx, store.DefaultProfile, []settings.Item{item}, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	in := settings.Change{Settings: settings.Defaults(), ChangePassword: true, Password: qbservicetest.Password}
	in.Settings.ServiceURL, in.Settings.ServiceUser = s.URL, qbservicetest.User
	in.Settings.RetainageItem = settings.ItemRef{ListID: item.ListID, FullName: item.FullName}
	if res := app.Form.Save(0, in); res.Error != "" || len(res.FieldErrors) != 0 {
		t.Fatalf("save: %+v", res)
	}

	if res := app.Procore.ProcoreStatus(); res.Error != "" || res.State == nil || res.State.Kept {
		t.Fatalf("status: %+v", res)
	}
	typed := appservice.ProcoreInput{CompanyID: "4242", ClientID: "svc-account", ClientSecret: secret, Environment: "custom", BaseURL: procoreURL}
	if errs := app.Procore.ValidateProcore(typed); errs == nil || len(errs) != 0 {
		t.Fatalf("valid: %#v", errs)
	}
	bad := typed
	bad.CompanyID = "Summit"
	if errs := app.Procore.ValidateProcore(bad); len(errs) != 1 || errs[0].Field != "companyId" {
		t.Fatalf("invalid: %+v", errs)
	}
	res := app.Procore.ConnectProcore(typed)
	if res.Error != "" || res.State == nil || !res.State.Connected || res.State.CompanyName != "Summit Construction" || res.State.CompanyID != "4242" || res.State.CheckedAt == "" {
		t.Fatalf("connect: %+v", res)
	}
	if err := keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: 4242, ClientID: "svc-account"}); err != nil {
		t.Fatal(err)
	}
	res = app.Procore.TestProcore()
	if res.State == nil || res.State.Connected || !strings.Contains(res.State.Problem, "Under Procore, click Edit Credentials") {
		t.Fatalf("test without the secret: %+v", res.State)
	}
	if act := app.Procore.Activity(); act.Error != "" || act.Lines == nil || len(act.Lines) != 0 {
		t.Fatalf("activity: %+v", act)
	}
	if res := app.Procore.DisconnectProcore(); res.Error != "" || res.State == nil || res.State.Kept {
		t.Fatalf("disconnect: %+v", res)
	}
}
