package cli

import (
	"context"
	"fmt"
	"os"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
)

func settingsValidate(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused(locale.T("settings validate needs one FILE"))
	}
	p, code := c.preview(ctx, c.args[0], "")
	if code != OK {
		return code
	}
	locale.Fprintf(c.Stdout, "The file is valid.\n")
	printChanges(c, p.Changes, locale.T("Importing it would change:"))
	return OK
}

// preview reads and checks a settings file; when its settings have
// problems it prints them (and afterwards, if given) and fails.
func (c *call) preview(ctx context.Context, path, afterwards string) (appservice.ImportPreview, int) {
	data, err := readFile(c, path)
	if err != nil {
		locale.Fprintf(c.Stderr, "qbsettings: the file %s could not be read: %v\n", path, err)
		return appservice.ImportPreview{}, Failed
	}
	p, err := c.b.Service.PreviewImport(ctx, c.profile, data)
	if err != nil {
		return p, c.fail(err)
	}
	if len(p.FieldErrors) > 0 {
		c.printFieldErrors(p.FieldErrors)
		if afterwards != "" {
			fmt.Fprintln(c.Stderr, afterwards)
		}
		return p, Failed
	}
	return p, OK
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

func settingsExport(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused(locale.T("settings export needs one FILE (- for standard output)"))
	}
	data, err := c.b.Service.Export(ctx, c.profile, appservice.Trust(c.includeTrust))
	if err != nil {
		return c.fail(err)
	}
	if c.args[0] == "-" {
		if _, err := c.Stdout.Write(data); err != nil {
			locale.Fprintf(c.Stderr, "qbsettings: the settings could not be written to standard output: %v\n", err)
			return Failed
		}
		return OK
	}
	if err := os.WriteFile(c.args[0], data, 0o600); err != nil {
		locale.Fprintf(c.Stderr, "qbsettings: the file %s could not be written: %v\n", c.args[0], err)
		return Failed
	}
	locale.Fprintf(c.Stdout, "Exported the settings of profile %s to %s (without the password).\n", c.profile, c.args[0])
	return OK
}

func settingsImport(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused(locale.T("settings import needs one FILE"))
	}
	p, code := c.preview(ctx, c.args[0], locale.T("Nothing was imported."))
	if code != OK {
		return code
	}
	printChanges(c, p.Changes, locale.T("Importing would change:"))
	if len(p.Changes) == 0 {
		return OK
	}
	if !c.yes && !c.confirm(locale.T("Apply these changes? [y/N] ")) {
		locale.Fprintf(c.Stderr, "Nothing was imported. (Add --yes to import without being asked.)\n")
		return Failed
	}
	st, err := c.b.Service.Import(ctx, c.profile, p)
	if err != nil {
		return c.fail(err)
	}
	locale.Fprintf(c.Stdout, "Imported as revision %d.\n", st.Saved.Revision)
	c.sendAfterSave(ctx)
	return OK
}
