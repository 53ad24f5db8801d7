package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
)

func printJSON(c *call, v any) int {
	enc := json.NewEncoder(c.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return c.fail(err)
	}
	return OK
}

// SettingsJSON is what settings get --json prints (documented in README).
type SettingsJSON struct {
	Profile        string            `json:"profile"`
	Revision       int64             `json:"revision"`
	SavedAt        *time.Time        `json:"savedAt"`
	PasswordStored bool              `json:"passwordStored"`
	Connected      bool              `json:"connected"`
	Settings       settings.Settings `json:"settings"`
}

func settingsGet(ctx context.Context, c *call) int {
	if len(c.args) != 0 {
		return c.misused(locale.T("settings get takes no arguments"))
	}
	if c.fromService {
		return settingsGetFromService(ctx, c)
	}
	st, err := c.b.Service.Load(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	s := st.Saved.Settings
	if c.json {
		out := SettingsJSON{Profile: c.profile, Revision: st.Saved.Revision, PasswordStored: st.PasswordStored,
			Connected: st.Status.Connected, Settings: s}
		if !st.Saved.SavedAt.IsZero() {
			out.SavedAt = &st.Saved.SavedAt
		}
		return printJSON(c, out)
	}
	line := func(label, value string) { fmt.Fprintf(c.Stdout, "%s: %s\n", label, value) }
	for _, sp := range settings.Specs() {
		if sp.Stored() {
			line(sp.Label, sp.Describe(s))
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
	return OK
}

// change is what a command saves or tries: the saved settings with the
// KEY=VALUE arguments applied and, with --password-stdin, the password read
// from standard input. Like the window, commands that talk to the service
// try these values before they are saved.
func (c *call) change(ctx context.Context) (appservice.State, settings.Change, int) {
	st, err := c.b.Service.Load(ctx, c.profile)
	if err != nil {
		return st, settings.Change{}, c.fail(err)
	}
	s := st.Saved.Settings
	for _, pair := range c.args {
		key, value, ok := strings.Cut(pair, "=")
		if !ok {
			return st, settings.Change{}, c.misused(locale.T("%q is not KEY=VALUE", pair))
		}
		if err := setKey(&s, key, value, st.Items.Items); err != nil {
			if isUnknownKey(err) {
				return st, settings.Change{}, c.misused(keyProblem(err))
			}
			locale.Fprintf(c.Stderr, "qbsettings: %s\n", keyProblem(err))
			return st, settings.Change{}, Failed
		}
	}
	ch := settings.Change{Settings: s}
	if c.passwordStdin {
		pw, code := c.readPassword()
		if code != OK {
			return st, ch, code
		}
		ch.ChangePassword, ch.Password = true, pw
	}
	return st, ch, OK
}

// readPassword reads the password from standard input: one line, its line
// ending removed and nothing else (spaces may be part of it). It is never
// an argument: arguments are visible to other users and kept in shell
// history.
func (c *call) readPassword() (string, int) {
	line, err := bufio.NewReader(c.Stdin).ReadString('\n')
	if err != nil && line == "" {
		locale.Fprintf(c.Stderr, "qbsettings: no password on standard input. Give it as one line, for example: echo \"$PASSWORD\" | qbsettings …\n")
		return "", Failed
	}
	return strings.TrimRight(line, "\r\n"), OK
}

// settingsSet saves the KEY=VALUE pairs, and the password with
// --password-stdin, as one revision with the form's rules: all or none.
func settingsSet(ctx context.Context, c *call) int {
	if len(c.args) == 0 && !c.passwordStdin {
		return c.misused(locale.T("settings set needs KEY=VALUE pairs (or --password-stdin); the keys are %s", strings.Join(settableKeys(), ", ")))
	}
	st, ch, code := c.change(ctx)
	if code != OK {
		return code
	}
	rev, code := c.save(ctx, st.Saved.Revision, ch, locale.T("Nothing was saved."))
	if code != OK {
		return code
	}
	locale.Fprintf(c.Stdout, "Saved revision %d.\n", rev)
	c.sendAfterSave(ctx)
	return OK
}

// save saves a change as the form does and reports the outcome: the field
// problems and notSaved, or done with the new revision.
func (c *call) save(ctx context.Context, base int64, change settings.Change, notSaved string) (int64, int) {
	saved, errs, err := c.b.Service.Save(ctx, c.profile, base, change)
	if err != nil {
		return 0, c.fail(err)
	}
	if len(errs) > 0 {
		c.printFieldErrors(errs)
		fmt.Fprintln(c.Stderr, notSaved)
		return 0, Failed
	}
	return saved.Saved.Revision, OK
}

func passwordSet(ctx context.Context, c *call) int {
	if len(c.args) != 0 {
		return c.misused(locale.T("password set takes the password from standard input, not as an argument"))
	}
	password, code := c.readPassword()
	if code != OK {
		return code
	}
	st, err := c.b.Service.Load(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	rev, code := c.save(ctx, st.Saved.Revision, settings.Change{Settings: st.Saved.Settings, ChangePassword: true, Password: password},
		locale.T("The password was not stored."))
	if code == OK {
		locale.Fprintf(c.Stdout, "The password is stored in the keychain (revision %d).\n", rev)
	}
	return code
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

func history(ctx context.Context, c *call) int {
	if len(c.args) != 0 {
		return c.misused(locale.T("history takes no arguments"))
	}
	entries, err := c.b.Service.History(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		out := []HistoryJSON{}
		for _, e := range entries {
			out = append(out, HistoryJSON{e.Revision.Revision, e.SavedAt, e.SavedBy, e.TakenFrom, e.Changes})
		}
		return printJSON(c, out)
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
	return OK
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
