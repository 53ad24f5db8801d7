package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
)

type settingsValidate struct{ profileOption }

func (in *settingsValidate) run(ctx context.Context, c *call) error {
	if len(c.args) != 1 {
		return misused(locale.T("settings validate needs one FILE"))
	}
	p, err := c.preview(ctx, in.profile, c.args[0], "")
	if err != nil {
		return err
	}
	locale.Fprintf(c.Stdout, "The file is valid.\n")
	printChanges(c, p.Changes, locale.T("Importing it would change:"))
	return nil
}

// preview reads and checks a settings file for profile; when its settings
// have problems it tells them (and afterwards, if given) and fails.
func (c *call) preview(ctx context.Context, profile, path, afterwards string) (appservice.ImportPreview, error) {
	data, err := readFile(c, path)
	if err != nil {
		return appservice.ImportPreview{}, failed(locale.T("the file %s could not be read: %v", path, err))
	}
	p, err := c.b.Service.PreviewImport(ctx, profile, data)
	if err != nil {
		return p, err
	}
	if len(p.FieldErrors) > 0 {
		return p, c.refused(p.FieldErrors, afterwards)
	}
	return p, nil
}

func printChanges(c *call, changes []settings.FieldChange, heading string) {
	if len(changes) == 0 {
		locale.Fprintf(c.Stdout, "Nothing would change.\n")
		return
	}
	fmt.Fprintln(c.Stdout, heading)
	for _, ch := range changes {
		fmt.Fprintf(c.Stdout, "  %s: %s → %s\n", ch.Label, ch.Old, ch.New)
	}
}

type settingsExport struct {
	profileOption
	includeTrust bool
}

func (in *settingsExport) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	fs.BoolVar(&in.includeTrust, "include-trust", false, "export the trusted certificates too")
}

func (in *settingsExport) run(ctx context.Context, c *call) error {
	if len(c.args) != 1 {
		return misused(locale.T("settings export needs one FILE (- for standard output)"))
	}
	data, err := c.b.Service.Export(ctx, in.profile, appservice.Trust(in.includeTrust))
	if err != nil {
		return err
	}
	path := c.args[0]
	if path == "-" {
		if _, err := c.Stdout.Write(data); err != nil {
			return failed(locale.T("the settings could not be written to standard output: %v", err))
		}
		return nil
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return failed(locale.T("the file %s could not be written: %v", path, err))
	}
	locale.Fprintf(c.Stdout, "Exported the settings of profile %s to %s (without the password).\n", in.profile, path)
	return nil
}

type settingsImport struct {
	profileOption
	yesOption
}

func (in *settingsImport) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.yesOption.declare(fs)
}

func (in *settingsImport) run(ctx context.Context, c *call) error {
	if len(c.args) != 1 {
		return misused(locale.T("settings import needs one FILE"))
	}
	p, err := c.preview(ctx, in.profile, c.args[0], locale.T("Nothing was imported."))
	if err != nil {
		return err
	}
	printChanges(c, p.Changes, locale.T("Importing would change:"))
	if len(p.Changes) == 0 {
		return nil
	}
	if !in.yes && !c.confirm(locale.T("Apply these changes? [y/N] ")) {
		locale.Fprintf(c.Stderr, "Nothing was imported. (Add --yes to import without being asked.)\n")
		return errTold
	}
	st, err := c.b.Service.Import(ctx, in.profile, p)
	if err != nil {
		return err
	}
	locale.Fprintf(c.Stdout, "Imported as revision %d.\n", st.Saved.Revision)
	c.sendAfterSave(ctx, in.profile)
	return nil
}
