package desktop

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/store"
)

// Companies are the company profiles: one set of settings, password, item
// list, status and history for each company a bookkeeper serves.
type Companies struct{ *shell }

// ProfileInfo is a company profile as the window lists it.
type ProfileInfo struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ProfilesResult lists the company profiles and the one being edited, or
// says why an action on them failed.
type ProfilesResult struct {
	Profiles []ProfileInfo `json:"profiles"`
	Current  string        `json:"current"`
	Error    string        `json:"error"`
}

func (r *ProfilesResult) failWith(problem string) { r.Error = problem }

// Profiles lists the company profiles.
func (c *Companies) Profiles() ProfilesResult {
	return serve(c.shell, func(svc *appservice.Service) ProfilesResult { return c.profiles(svc, nil) })
}

// profiles lists the company profiles, with failure's words if an action
// on them failed.
func (c *Companies) profiles(svc *appservice.Service, failure error) ProfilesResult {
	ps, err := svc.Profiles(c.context())
	if err != nil {
		return ProfilesResult{Error: windowMessage(err)}
	}
	out := ProfilesResult{Current: c.currentProfile(), Profiles: make([]ProfileInfo, len(ps))}
	for i, p := range ps {
		out.Profiles[i] = ProfileInfo{ID: p.ID, Name: p.Name}
	}
	if failure != nil {
		out.Error = windowMessage(failure)
	}
	return out
}

// SwitchProfile makes the window edit another company profile (the one
// opened at the next start, too) and returns its settings.
func (c *Companies) SwitchProfile(id string) LoadResult {
	return serve(c.shell, func(svc *appservice.Service) LoadResult {
		// Loading checks that the company exists, as every use of one does.
		res := c.load(svc, id)
		if res.State != nil {
			c.setProfile(svc, id)
		}
		return res
	})
}

// AddProfile adds a company profile and switches to it.
func (c *Companies) AddProfile(name string) ProfilesResult {
	return serve(c.shell, func(svc *appservice.Service) ProfilesResult {
		p, err := svc.AddProfile(c.context(), name)
		if err == nil {
			c.setProfile(svc, p.ID)
		}
		return c.profiles(svc, err)
	})
}

// RenameProfile renames a company profile.
func (c *Companies) RenameProfile(id, name string) ProfilesResult {
	return serve(c.shell, func(svc *appservice.Service) ProfilesResult {
		return c.profiles(svc, svc.RenameProfile(c.context(), id, name))
	})
}

// RemoveProfile removes a company profile with its settings, history and
// passwords. Removing the one being edited switches to another.
func (c *Companies) RemoveProfile(id string) ProfilesResult {
	return serve(c.shell, func(svc *appservice.Service) ProfilesResult {
		if err := svc.RemoveProfile(c.context(), id); err != nil {
			return c.profiles(svc, err)
		}
		if c.currentProfile() == id {
			if ps, err := svc.Profiles(c.context()); err == nil && len(ps) > 0 {
				c.setProfile(svc, ps[0].ID)
			} else {
				c.setProfile(svc, store.DefaultProfile)
			}
		}
		return c.profiles(svc, nil)
	})
}
