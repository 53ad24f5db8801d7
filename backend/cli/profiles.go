package cli

import (
	"context"
	"fmt"

	"qbsettings/backend/locale"
)

// ProfileJSON is a company profile as profiles list --json and profiles
// add --json print it.
type ProfileJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func profilesList(ctx context.Context, c *call) int {
	if len(c.args) != 0 {
		return c.misused(locale.T("profiles list takes no arguments"))
	}
	profiles, err := c.b.Service.Profiles(ctx)
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		out := []ProfileJSON{}
		for _, p := range profiles {
			out = append(out, ProfileJSON{p.ID, p.Name})
		}
		return printJSON(c, out)
	}
	for _, p := range profiles {
		fmt.Fprintf(c.Stdout, "%s\t%s\n", p.ID, p.Name)
	}
	return OK
}

func profilesAdd(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused(locale.T("profiles add needs the company's NAME (in quotes if it has spaces)"))
	}
	p, err := c.b.Service.AddProfile(ctx, c.args[0])
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		return printJSON(c, ProfileJSON{p.ID, p.Name})
	}
	fmt.Fprintln(c.Stdout, p.ID)
	return OK
}

func profilesRename(ctx context.Context, c *call) int {
	if len(c.args) != 2 {
		return c.misused(locale.T("profiles rename needs the profile's ID and the new NAME"))
	}
	if err := c.b.Service.RenameProfile(ctx, c.args[0], c.args[1]); err != nil {
		return c.fail(err)
	}
	locale.Fprintf(c.Stdout, "Renamed %s to %q.\n", c.args[0], c.args[1])
	return OK
}

func profilesRemove(ctx context.Context, c *call) int {
	if len(c.args) != 1 {
		return c.misused(locale.T("profiles remove needs the profile's ID (qbsettings profiles list shows them)"))
	}
	id := c.args[0]
	if !c.yes && !c.confirm(locale.T("Remove the company %s with its settings, history and saved passwords? [y/N] ", id)) {
		locale.Fprintf(c.Stderr, "Nothing was removed. (Add --yes to remove without being asked.)\n")
		return Failed
	}
	if err := c.b.Service.RemoveProfile(ctx, id); err != nil {
		return c.fail(err)
	}
	locale.Fprintf(c.Stdout, "Removed %s.\n", id)
	return OK
}
