package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

func (c *call) printJSON(v any) error {
	enc := json.NewEncoder(c.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SettingsJSON is what settings get --json prints (documented in README).
type SettingsJSON struct {
	Profile        string            `json:"profile"`
	Revision       int64             `json:"revision"`
	SavedAt        *time.Time        `json:"savedAt"`
	PasswordStored bool              `json:"passwordStored"`
	Connected      bool              `json:"connected"`
	Settings       settings.Settings `json:"settings"`
	// Effects are what each of the sync's settings does to the next sync,
	// by setting key, as the window says beside it.
	Effects map[settings.Field]EffectJSON `json:"effects"`
}

// EffectJSON is what a setting does to the next sync: Pending, when the
// QuickBooks service does not apply it yet, says so.
type EffectJSON struct {
	Text    string `json:"text"`
	Applied bool   `json:"applied"`
	Pending string `json:"pending,omitempty"`
}

type settingsGet struct {
	profileOption
	jsonOption
	fromService bool
}

func (in *settingsGet) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
	fs.BoolVar(&in.fromService, "from-service", false, "show the settings the QuickBooks service runs with")
}

func (in *settingsGet) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("settings get takes no arguments"))
	}
	if in.fromService {
		return in.fromTheService(ctx, c)
	}
	st, err := c.b.Service.Load(ctx, in.profile)
	if err != nil {
		return err
	}
	s := st.Saved.Settings
	list, err := c.b.Service.Effects(ctx, in.profile, s)
	if err != nil {
		return err
	}
	effects := map[settings.Field]EffectJSON{}
	for _, e := range list {
		effect := EffectJSON{Text: e.Said.Text(), Applied: e.Applied}
		if !e.Pending.IsZero() {
			effect.Pending = e.Pending.Text()
		}
		effects[e.Field] = effect
	}
	if in.json {
		out := SettingsJSON{Profile: in.profile, Revision: st.Saved.Revision, PasswordStored: st.PasswordStored,
			Connected: st.Status.Connected, Settings: s, Effects: effects}
		if !st.Saved.SavedAt.IsZero() {
			out.SavedAt = &st.Saved.SavedAt
		}
		return c.printJSON(out)
	}
	line := func(label, value string) { fmt.Fprintf(c.Stdout, "%s: %s\n", label, value) }
	for _, sp := range settings.Specs() {
		if sp.Stored() {
			line(sp.Label, sp.Describe(s))
			// What it does to the next sync, indented under it.
			if e, ok := effects[sp.Key]; ok {
				fmt.Fprintf(c.Stdout, "\t%s\n", strings.TrimSpace(e.Text+" "+e.Pending))
			}
		} else {
			line(sp.Label, map[bool]string{true: locale.T("stored in the keychain"), false: locale.T("not stored")}[st.PasswordStored])
		}
	}
	line(locale.T("Status"), map[bool]string{true: locale.T("Connected"), false: locale.T("Not Connected")}[st.Status.Connected])
	line(locale.T("On the QuickBooks service"), st.Sync.Headline)
	if st.Saved.Revision == 0 {
		line(locale.T("Revision"), locale.T("none: not saved yet"))
	} else {
		line(locale.T("Revision"), locale.T("%d, saved %s", st.Saved.Revision, c.dateTime(st.Saved.SavedAt)))
	}
	return nil
}

// change is what a command saves or tries: the saved settings with the
// KEY=VALUE pairs applied and, with --password-stdin, the password read
// from standard input. Like the window, commands that talk to the service
// try these values before they are saved.
func (in *valuesInput) change(ctx context.Context, c *call, pairs []string) (appservice.State, settings.Change, error) {
	st, err := c.b.Service.Load(ctx, in.profile)
	if err != nil {
		return st, settings.Change{}, err
	}
	s := st.Saved.Settings
	var items store.ItemList
	if len(pairs) > 0 {
		// A value may name an item, which the list resolves to its ListID.
		if items, err = c.b.Service.Items(ctx, in.profile); err != nil {
			return st, settings.Change{}, err
		}
	}
	for _, pair := range pairs {
		key, value, ok := strings.Cut(pair, "=")
		if !ok {
			return st, settings.Change{}, misused(locale.T("%q is not KEY=VALUE", pair))
		}
		if err := setKey(&s, key, value, items.Items); err != nil {
			if isUnknownKey(err) {
				return st, settings.Change{}, misused(keyProblem(err))
			}
			return st, settings.Change{}, failed(keyProblem(err))
		}
	}
	ch := settings.Change{Settings: s}
	if in.passwordStdin {
		pw, err := c.readPassword()
		if err != nil {
			return st, ch, err
		}
		ch.ChangePassword, ch.Password = true, pw
	}
	return st, ch, nil
}

// readPassword reads the password from standard input: one line, its line
// ending removed and nothing else (spaces may be part of it). It is never
// an argument: arguments are visible to other users and kept in shell
// history.
func (c *call) readPassword() (string, error) {
	line, err := bufio.NewReader(c.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", failed(locale.T("no password on standard input. Give it as one line, for example: echo \"$PASSWORD\" | qbsettings …"))
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// settingsSet saves the KEY=VALUE pairs, and the password with
// --password-stdin, as one revision with the form's rules: all or none.
type settingsSet struct{ valuesInput }

func (in *settingsSet) run(ctx context.Context, c *call) error {
	if len(c.args) == 0 && !in.passwordStdin {
		return misused(locale.T("settings set needs KEY=VALUE pairs (or --password-stdin); the keys are %s", strings.Join(settableKeys(), ", ")))
	}
	st, ch, err := in.change(ctx, c, c.args)
	if err != nil {
		return err
	}
	rev, err := c.save(ctx, in.profile, st.Saved.Revision, ch, locale.T("Nothing was saved."))
	if err != nil {
		return err
	}
	locale.Fprintf(c.Stdout, "Saved revision %d.\n", rev)
	c.sendAfterSave(ctx, in.profile)
	return nil
}

// save saves a change to profile as the form does and returns the new
// revision; field problems are told, followed by notSaved.
func (c *call) save(ctx context.Context, profile string, base int64, change settings.Change, notSaved string) (int64, error) {
	saved, errs, err := c.b.Service.Save(ctx, profile, base, change)
	if err != nil {
		return 0, err
	}
	if len(errs) > 0 {
		return 0, c.refused(errs, notSaved)
	}
	return saved.Saved.Revision, nil
}

type passwordSet struct{ profileOption }

func (in *passwordSet) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("password set takes the password from standard input, not as an argument"))
	}
	password, err := c.readPassword()
	if err != nil {
		return err
	}
	st, err := c.b.Service.Load(ctx, in.profile)
	if err != nil {
		return err
	}
	rev, err := c.save(ctx, in.profile, st.Saved.Revision, settings.Change{Settings: st.Saved.Settings, ChangePassword: true, Password: password},
		locale.T("The password was not stored."))
	if err != nil {
		return err
	}
	locale.Fprintf(c.Stdout, "The password is stored in the keychain (revision %d).\n", rev)
	return nil
}

// HistoryJSON is one revision as history --json prints it.
type HistoryJSON struct {
	Revision int64     `json:"revision"`
	SavedAt  time.Time `json:"savedAt"`
	SavedBy  string    `json:"savedBy"`
	// TakenFrom, when set, says whose copy on the service it was taken from.
	TakenFrom string                 `json:"takenFrom,omitempty"`
	Changes   []settings.FieldChange `json:"changes"`
}

type history struct {
	profileOption
	jsonOption
}

func (in *history) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
}

func (in *history) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("history takes no arguments"))
	}
	entries, err := c.b.Service.History(ctx, in.profile)
	if err != nil {
		return err
	}
	if in.json {
		out := []HistoryJSON{}
		for _, e := range entries {
			out = append(out, HistoryJSON{e.Revision.Revision, e.SavedAt, e.SavedBy, e.TakenFrom, e.Changes})
		}
		return c.printJSON(out)
	}
	if len(entries) == 0 {
		locale.Fprintf(c.Stdout, "No changes have been saved yet.\n")
	}
	for _, e := range entries {
		locale.Fprintf(c.Stdout, "Revision %d, %s, by %s\n", e.Revision.Revision, c.dateTime(e.SavedAt), e.SavedBy)
		if e.TakenFrom != "" {
			locale.Fprintf(c.Stdout, "  Taken from %s.\n", e.TakenFrom)
		}
		for _, ch := range e.Changes {
			if ch.Old == "" {
				fmt.Fprintf(c.Stdout, "  %s: %s\n", ch.Label, ch.New)
			} else {
				fmt.Fprintf(c.Stdout, "  %s: %s → %s\n", ch.Label, ch.Old, ch.New)
			}
		}
	}
	return nil
}

func (c *call) confirm(question string) bool {
	fmt.Fprint(c.Stdout, question)
	answer, _ := bufio.NewReader(c.Stdin).ReadString('\n')
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes"
}

func readFile(c *call, path string) ([]byte, error) {
	if path == "-" {
		return readAllBounded(c.Stdin)
	}
	f, err := os.Open(path) //nolint:gosec // the file to read is the one the user named
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAllBounded(f)
}
