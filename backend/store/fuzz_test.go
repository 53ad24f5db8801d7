package store

import (
	"testing"
	"time"

	"qbsettings/backend/settings"
)

// Whatever the rules accept is stored and read back exactly, in the
// settings row and in the history.
func FuzzAcceptedSettingsRoundTrip(f *testing.F) {
	f.Add("https://qbserver:8443", "procore-sync", true, false, true, "80000005-1468535148", "Retainage Payable")
	f.Add("https://qb.example.com/ä/api", "José Müller 日本", false, true, false, "X'; DROP TABLE settings;--", "Parent:Child \"quoted\"")
	f.Add("http://127.0.0.1:8765", "DOMAIN\\user", true, true, true, "%", "_")
	s, _ := openTemp(f)
	base := int64(0)
	f.Fuzz(func(t *testing.T, url, user string, contract, costCodes, hide bool, listID, fullName string) {
		st := settings.Defaults()
		st.ServiceURL, st.ServiceUser = url, user
		st.UseProcoreContractNumber, st.AutoAddNewCostCodes, st.HideJobToDateCosts = contract, costCodes, hide
		st.RetainageItem = settings.ItemRef{ListID: listID, FullName: fullName}
		st = settings.Normalize(st)
		item := settings.Item{ListID: listID, FullName: fullName, Type: "Service", IsActive: true}
		if errs := settings.Validate(settings.Change{Settings: st}, settings.Known{PasswordStored: true}.WithItems([]settings.Item{item}, st.RetainageItem)); len(errs) > 0 {
			return
		}
		saved, err := s.SaveSettings(ctx, DefaultProfile, base, st, time.Now(), Author{SavedBy: user})
		if err != nil {
			t.Fatalf("accepted settings not stored: %v", err)
		}
		base = saved.Revision
		got, err := s.LoadSettings(ctx, DefaultProfile)
		if err != nil || got.Settings != st {
			t.Fatalf("read back %+v (%v), stored %+v", got.Settings, err, st)
		}
		h, err := s.History(ctx, DefaultProfile, 1)
		if err != nil || len(h) != 1 || h[0].Settings != st || h[0].SavedBy != user {
			t.Fatalf("history read back %+v (%v)", h, err)
		}
	})
}
