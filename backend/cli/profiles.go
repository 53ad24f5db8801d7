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

type profilesList struct{ jsonOption }

func (in *profilesList) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("profiles list takes no arguments"))
	}
	profiles, err := c.b.Service.Profiles(ctx)
	if err != nil {
		return err
	}
	if in.json {
		out := []ProfileJSON{}
		for _, p := range profiles {
			out = append(out, ProfileJSON{p.ID, p.Name})
		}
		return c.printJSON(out)
	}
	for _, p := range profiles {
		fmt.Fprintf(c.Stdout, "%s\t%s\n", p.ID, p.Name)
	}
	return nil
}

type profilesAdd struct{ jsonOption }

func (in *profilesAdd) run(ctx context.Context, c *call) error {
	if len(c.args) != 1 {
		return misused(locale.T("profiles add needs the company's NAME (in quotes if it has spaces)"))
	}
	p, err := c.b.Service.AddProfile(ctx, c.args[0])
	if err != nil {
		return err
	}
	if in.json {
		return c.printJSON(ProfileJSON{p.ID, p.Name})
	}
	fmt.Fprintln(c.Stdout, p.ID)
	return nil
}

type profilesRename struct{ noOptions }

func (profilesRename) run(ctx context.Context, c *call) error {
	if len(c.args) != 2 {
		return misused(locale.T("profiles rename needs the profile's ID and the new NAME"))
	}
	if err := c.b.Service.RenameProfile(ctx, c.args[0], c.args[1]); err != nil {
		return err
	}
	locale.Fprintf(c.Stdout, "Renamed %s to %q.\n", c.args[0], c.args[1])
	return nil
}

type profilesRemove struct{ yesOption }

func (in *profilesRemove) run(ctx context.Context, c *call) error {
	if len(c.args) != 1 {
		return misused(locale.T("profiles remove needs the profile's ID (qbsettings profiles list shows them)"))
	}
	id := c.args[0]
	if !in.yes && !c.confirm(locale.T("Remove the company %s with its settings, history and saved passwords? [y/N] ", id)) {
		locale.Fprintf(c.Stderr, "Nothing was removed. (Add --yes to remove without being asked.)\n")
		return errTold
	}
	if err := c.b.Service.RemoveProfile(ctx, id); err != nil {
		return err
	}
	locale.Fprintf(c.Stdout, "Removed %s.\n", id)
	return nil
}
