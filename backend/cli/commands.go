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

func profilesList(ctx context.Context, c *call) int {
	profiles, err := c.b.Service.Profiles(ctx)
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		type profile struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		}
		out := []profile{}
		for _, p := range profiles {
			out = append(out, profile{p.ID, p.Name})
		}
		return printJSON(c, out)
	}
	for _, p := range profiles {
		fmt.Fprintf(c.Stdout, "%s\t%s\n", p.ID, p.Name)
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
			line(sp.Label, map[bool]string{true: "stored in the keychain", false: "not stored"}[st.PasswordStored])
		}
	}
	status := "Not Connected"
	if st.Status.Connected {
		status = "Connected"
	}
	line("Status", status)
	if st.Saved.Revision == 0 {
		line("Revision", "none: not saved yet")
	} else {
		line("Revision", fmt.Sprintf("%d, saved %s", st.Saved.Revision, st.Saved.SavedAt.Local().Format(time.RFC1123)))
	}
	return OK
}

// settingsSet applies KEY=VALUE pairs to the stored settings and saves them
// with the form's rules: every pair or none.
func settingsSet(ctx context.Context, c *call) int {
	if len(c.args) == 0 {
		return c.misused("settings set needs KEY=VALUE pairs; keys: %s", strings.Join(settableKeys(), ", "))
	}
	st, err := c.b.Service.Load(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	s := st.Saved.Settings
	for _, pair := range c.args {
		key, value, ok := strings.Cut(pair, "=")
		if !ok {
			return c.misused("%q is not KEY=VALUE", pair)
		}
		if err := setKey(&s, key, value, st.Items.Items); err != nil {
			if isUnknownKey(err) {
				return c.misused("%v; keys: %s", err, strings.Join(settableKeys(), ", "))
			}
			fmt.Fprintf(c.Stderr, "qbsettings: %v\n", err)
			return Failed
		}
	}
	return c.save(ctx, st.Saved.Revision, settings.Change{Settings: s}, "Nothing was saved.", "Saved revision %d.\n")
}

// save saves a change as the form does and reports the outcome: the field
// problems and notSaved, or done with the new revision.
func (c *call) save(ctx context.Context, base int64, change settings.Change, notSaved, done string) int {
	saved, errs, err := c.b.Service.Save(ctx, c.profile, base, change)
	if err != nil {
		return c.fail(err)
	}
	if len(errs) > 0 {
		printFieldErrors(c, errs)
		fmt.Fprintln(c.Stderr, notSaved)
		return Failed
	}
	fmt.Fprintf(c.Stdout, done, saved.Saved.Revision)
	return OK
}

func printFieldErrors(c *call, errs []settings.FieldError) {
	for _, e := range errs {
		fmt.Fprintf(c.Stderr, "%s: %s\n", settings.FieldLabel(e.Field), e.Message)
	}
}

func settingsValidate(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused("settings validate needs one FILE")
	}
	p, code := c.preview(ctx, c.args[0], "")
	if code != OK {
		return code
	}
	fmt.Fprintln(c.Stdout, "The file is valid.")
	printChanges(c, p.Changes, "Importing it would change:")
	return OK
}

// preview reads and checks a settings file; when its settings have
// problems it prints them (and afterwards, if given) and fails.
func (c *call) preview(ctx context.Context, path, afterwards string) (appservice.ImportPreview, int) {
	data, err := readFile(c, path)
	if err != nil {
		fmt.Fprintf(c.Stderr, "qbsettings: the file %s could not be read: %v\n", path, err)
		return appservice.ImportPreview{}, Failed
	}
	p, err := c.b.Service.PreviewImport(ctx, c.profile, data)
	if err != nil {
		return p, c.fail(err)
	}
	if len(p.FieldErrors) > 0 {
		printFieldErrors(c, p.FieldErrors)
		if afterwards != "" {
			fmt.Fprintln(c.Stderr, afterwards)
		}
		return p, Failed
	}
	return p, OK
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

func printChanges(c *call, changes []settings.FieldChange, heading string) {
	if len(changes) == 0 {
		fmt.Fprintln(c.Stdout, "Nothing would change.")
		return
	}
	fmt.Fprintln(c.Stdout, heading)
	for _, ch := range changes {
		fmt.Fprintf(c.Stdout, "  %s: %s → %s\n", ch.Label, ch.Old, ch.New)
	}
}

func settingsExport(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused("settings export needs one FILE (- for standard output)")
	}
	data, err := c.b.Service.Export(ctx, c.profile, c.trust)
	if err != nil {
		return c.fail(err)
	}
	if c.args[0] == "-" {
		if _, err := c.Stdout.Write(data); err != nil {
			fmt.Fprintf(c.Stderr, "qbsettings: the settings could not be written to standard output: %v\n", err)
			return Failed
		}
		return OK
	}
	if err := os.WriteFile(c.args[0], data, 0o600); err != nil {
		fmt.Fprintf(c.Stderr, "qbsettings: the file %s could not be written: %v\n", c.args[0], err)
		return Failed
	}
	fmt.Fprintf(c.Stdout, "Exported the settings of profile %s to %s (without the password).\n", c.profile, c.args[0])
	return OK
}

func settingsImport(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused("settings import needs one FILE")
	}
	p, code := c.preview(ctx, c.args[0], "Nothing was imported.")
	if code != OK {
		return code
	}
	printChanges(c, p.Changes, "Importing would change:")
	if len(p.Changes) == 0 {
		return OK
	}
	if !c.yes && !c.confirm("Apply these changes? [y/N] ") {
		fmt.Fprintln(c.Stderr, "Nothing was imported.")
		return Failed
	}
	st, err := c.b.Service.Import(ctx, c.profile, p)
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "Imported as revision %d.\n", st.Saved.Revision)
	return OK
}

func (c *call) confirm(question string) bool {
	fmt.Fprint(c.Stdout, question)
	answer, _ := bufio.NewReader(c.Stdin).ReadString('\n')
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes"
}

// passwordSet reads the password from standard input, never from an
// argument (arguments are visible to other users and kept in shell history).
func passwordSet(ctx context.Context, c *call) int {
	if len(c.args) != 0 {
		return c.misused("password set takes the password from standard input, not as an argument")
	}
	line, err := bufio.NewReader(c.Stdin).ReadString('\n')
	if err != nil && line == "" {
		fmt.Fprintln(c.Stderr, "qbsettings: no password on standard input. Pipe or type it, then press Enter.")
		return Failed
	}
	password := strings.TrimRight(line, "\r\n")
	st, err := c.b.Service.Load(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	return c.save(ctx, st.Saved.Revision, settings.Change{Settings: st.Saved.Settings, ChangePassword: true, Password: password},
		"The password was not stored.", "The password is stored in the keychain (revision %d).\n")
}

func connectionTest(ctx context.Context, c *call) int {
	st, err := c.b.Service.Load(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	res, errs, err := c.b.Service.TestConnection(ctx, c.profile, settings.Change{Settings: st.Saved.Settings})
	if err != nil {
		return c.fail(err)
	}
	if len(errs) > 0 {
		printFieldErrors(c, errs)
		return Failed
	}
	if res.Status.Connected {
		fmt.Fprintf(c.Stdout, "Connected. %s\n", res.Status.Detail)
		return OK
	}
	fmt.Fprintf(c.Stdout, "Not Connected. %s\n", res.Status.Detail)
	if res.Certificate != nil {
		fmt.Fprintf(c.Stdout, "The certificate's SHA-256 fingerprint: %s\n", res.Certificate.Fingerprint)
	}
	return Failed
}

// HistoryJSON is one revision as history --json prints it.
type HistoryJSON struct {
	Revision int64                  `json:"revision"`
	SavedAt  time.Time              `json:"savedAt"`
	SavedBy  string                 `json:"savedBy"`
	Changes  []settings.FieldChange `json:"changes"`
}

func history(ctx context.Context, c *call) int {
	entries, err := c.b.Service.History(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		out := []HistoryJSON{}
		for _, e := range entries {
			out = append(out, HistoryJSON{e.Revision.Revision, e.SavedAt, e.SavedBy, e.Changes})
		}
		return printJSON(c, out)
	}
	if len(entries) == 0 {
		fmt.Fprintln(c.Stdout, "No changes have been saved yet.")
	}
	for _, e := range entries {
		fmt.Fprintf(c.Stdout, "Revision %d, %s, by %s\n", e.Revision.Revision, e.SavedAt.Local().Format(time.RFC1123), e.SavedBy)
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
