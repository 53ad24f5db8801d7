package desktop

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/cli"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
)

// Every setting of the one description (settings.Specs) reaches every use:
// the form's description, the command line, the store, history and the
// export file. Adding a setting is a field in settings.Settings, an entry
// in the table with its rule, and a column; this test then fails until
// each use carries it, and passes without further edits elsewhere.
func TestEverySettingReachesEveryUse(t *testing.T) {
	// The model and the description name the same settings.
	jsonKeys := map[string]bool{}
	st := reflect.TypeOf(settings.Settings{})
	for i := range st.NumField() {
		jsonKeys[strings.Split(st.Field(i).Tag.Get("json"), ",")[0]] = true
	}
	for _, sp := range settings.Specs() {
		if sp.Stored() != jsonKeys[string(sp.Key)] {
			t.Errorf("%s: in the description, stored=%v, but the model's JSON keys say %v", sp.Key, sp.Stored(), jsonKeys[string(sp.Key)])
		}
		delete(jsonKeys, string(sp.Key))
	}
	for k := range jsonKeys {
		t.Errorf("settings.Settings has %q, which the description lacks", k)
	}

	// The form's description: every setting with its words.
	form := &Form{}
	described := map[settings.Field]settings.Spec{}
	for _, d := range form.FieldDescriptions() {
		described[d.Key] = d
	}
	for _, sp := range settings.Specs() {
		d := described[sp.Key]
		if d.Label == "" || d.Control == "" || (sp.Control == settings.ControlChoice && len(d.Choices) < 2) {
			t.Errorf("%s: the form's description lacks words: %+v", sp.Key, d)
		}
		for _, c := range d.Choices {
			if c.Value == "" || c.Label == "" {
				t.Errorf("%s: a choice without words: %+v", sp.Key, c)
			}
		}
	}

	w := newFieldWorld(t)
	for _, sp := range settings.Specs() {
		if !sp.Stored() {
			continue
		}
		t.Run(string(sp.Key), func(t *testing.T) {
			before := w.load(t)
			value := w.otherValue(t, sp, before)
			// The command line sets it by its key.
			if code, out, errOut := w.run("", "settings", "set", string(sp.Key)+"="+value); code != cli.OK {
				t.Fatalf("settings set %s=%s: %d %s%s", sp.Key, value, code, out, errOut)
			}
			// The store keeps it.
			after := w.load(t)
			itemByName := sp.Control == settings.ControlItem && strings.EqualFold(after.RetainageItem.FullName, value)
			if sp.Text(after) != value && !itemByName {
				t.Fatalf("stored %q, want %q", sp.Text(after), value)
			}
			// History tells it in the article's words.
			h, err := w.svc.History(context.Background(), store.DefaultProfile)
			if err != nil || len(h) == 0 {
				t.Fatal(err)
			}
			want := settings.FieldChange{Label: sp.Label, Old: sp.Describe(before), New: sp.Describe(after)}
			if !containsChange(h[0].Changes, want) {
				t.Fatalf("history %+v lacks %+v", h[0].Changes, want)
			}
			// The export file and settings get --json carry it by its key.
			for _, args := range [][]string{{"settings", "export", "-"}, {"settings", "get", "--json"}} {
				_, out, _ := w.run("", args...)
				var doc struct{ Settings map[string]any }
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatalf("%v: %v", args, err)
				}
				got, ok := doc.Settings[string(sp.Key)]
				gotJSON, _ := json.Marshal(got)
				// Through the same map as got, so that both have sorted keys.
				var wantAny any
				raw, _ := json.Marshal(sp.Pointer(&after))
				json.Unmarshal(raw, &wantAny)
				wantJSON, _ := json.Marshal(wantAny)
				if !ok || string(gotJSON) != string(wantJSON) {
					t.Fatalf("%v: %s is %s, want %s", args, sp.Key, gotJSON, wantJSON)
				}
			}
			// settings get tells it by its label.
			if _, out, _ := w.run("", "settings", "get"); !strings.Contains(out, sp.Label+": "+sp.Describe(after)+"\n") {
				t.Fatalf("settings get lacks %q:\n%s", sp.Label+": "+sp.Describe(after), out)
			}
		})
	}
}

func containsChange(list []settings.FieldChange, want settings.FieldChange) bool {
	for _, c := range list {
		if c == want {
			return true
		}
	}
	return false
}

// fieldWorld is a data folder with saved settings, a stored password for
// every Service User the test uses, and two items to choose from.
type fieldWorld struct {
	svc  *appservice.Service
	st   *store.Store
	keys *secrets.Keychain
}

func newFieldWorld(t *testing.T) *fieldWorld {
	t.Helper()
	st, err := store.Open(filepath.Join(testdir.New(t), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	keys := testkeys.Open(t)
	t.Cleanup(func() { keys.RemoveAll(context.Background()) })
	w := &fieldWorld{st: st, keys: keys}
	w.svc = appservice.New(st, func(context.Context) (appservice.Passwords, error) { return keys, nil }, slog.New(slog.DiscardHandler))
	items := []settings.Item{
		{ListID: "80000005-1", FullName: "Retainage Payable", Type: "Service", IsActive: true},
		{ListID: "80000006-1", FullName: "Retention Held", Type: "OtherCharge", IsActive: true},
	}
	if err := st.ReplaceItems(context.Background(), store.DefaultProfile, items, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	for _, sp := range settings.Specs() {
		if sp.Key == settings.FieldServiceUser {
			// A changed Service User needs its own stored password.
			if err := keys.Set(context.Background(), secrets.Account{Profile: store.DefaultProfile, User: sp.Example}, "pw"); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := settings.Defaults()
	s.ServiceURL, s.ServiceUser = "https://seed.example:9443", "seed-user"
	s.RetainageItem = settings.ItemRef{ListID: items[0].ListID, FullName: items[0].FullName}
	if _, errs, err := w.svc.Save(context.Background(), store.DefaultProfile, 0, settings.Change{Settings: s, ChangePassword: true, Password: "pw"}); err != nil || errs != nil {
		t.Fatalf("seed: %v %v", errs, err)
	}
	return w
}

func (w *fieldWorld) load(t *testing.T) settings.Settings {
	t.Helper()
	saved, err := w.st.LoadSettings(context.Background(), store.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	return saved.Settings
}

// otherValue is a valid value of sp, as the command line spells it, that
// differs from the one in s.
func (w *fieldWorld) otherValue(t *testing.T, sp settings.Spec, s settings.Settings) string {
	t.Helper()
	switch sp.Control {
	case settings.ControlSwitch:
		return map[string]string{"true": "false", "false": "true"}[sp.Text(s)]
	case settings.ControlChoice:
		for _, c := range sp.Choices {
			if c.Value != sp.Text(s) {
				return c.Value
			}
		}
	case settings.ControlItem:
		list, _ := w.st.Items(context.Background(), store.DefaultProfile)
		for _, it := range list.Items {
			if it.ListID != sp.Text(s) {
				return it.FullName
			}
		}
	case settings.ControlText:
		if sp.Example != "" && sp.Example != sp.Text(s) {
			return sp.Example
		}
	case settings.ControlSecret: // not in Settings: no value to change
	}
	t.Fatalf("%s (%s): no other value to try; give it an Example or a second choice", sp.Key, sp.Control)
	return ""
}

func (w *fieldWorld) run(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	env := cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Version: "test",
		Open: func() (cli.Backend, func(), error) { return cli.Backend{Service: w.svc}, func() {}, nil }}
	code := cli.Run(context.Background(), args, env)
	return code, out.String(), errOut.String()
}
