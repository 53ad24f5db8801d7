package desktop

import (
	"strings"
	"testing"
)

func TestProfilesThroughTheApp(t *testing.T) {
	app, _, _ := newTestApp(t)
	res := app.Companies.AddProfile("Summit Ridge Builders")
	if res.Error != "" || len(res.Profiles) != 2 || res.Current == "default" {
		t.Fatalf("add: %+v", res)
	}
	added := res.Current
	if st := app.Form.Load().State; st.Revision != 0 || st.Settings.ServiceURL != "" {
		t.Fatalf("the new company's form: %+v", st)
	}
	if r := app.Companies.RenameProfile(added, "Summit Ridge Builders LLC"); r.Error != "" {
		t.Fatalf("rename: %+v", r)
	}
	if r := app.Companies.AddProfile("summit ridge builders llc"); !strings.Contains(r.Error, "already a company") {
		t.Fatalf("duplicate: %+v", r)
	}
	if l := app.Companies.SwitchProfile("default"); l.Error != "" || app.shell.currentProfile() != "default" {
		t.Fatalf("switch: %+v", l)
	}
	if l := app.Companies.SwitchProfile("nope"); !strings.Contains(l.Error, "no longer exists") || app.shell.currentProfile() != "default" {
		t.Fatal("switched to a missing company")
	}
	app.Companies.SwitchProfile(added)
	if r := app.Companies.RemoveProfile(added); r.Error != "" || r.Current != "default" || len(r.Profiles) != 1 {
		t.Fatalf("remove the current company: %+v", r)
	}
	if r := app.Companies.RemoveProfile("default"); !strings.Contains(r.Error, "only company") {
		t.Fatalf("remove the last: %+v", r)
	}
}
