package main

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/store"
)

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

// Profiles lists the company profiles.
func (a *App) Profiles() ProfilesResult {
	if a.service == nil {
		return ProfilesResult{Error: a.problem}
	}
	return a.profiles(nil)
}

func (a *App) profiles(failure error) ProfilesResult {
	ps, err := a.service.Profiles(a.context())
	if err != nil {
		return ProfilesResult{Error: appservice.MessageFor(err)}
	}
	out := ProfilesResult{Current: a.currentProfile(), Profiles: make([]ProfileInfo, len(ps))}
	for i, p := range ps {
		out.Profiles[i] = ProfileInfo{ID: p.ID, Name: p.Name}
	}
	if failure != nil {
		out.Error = appservice.MessageFor(failure)
	}
	return out
}

// SwitchProfile makes the window edit another company profile (the one
// opened at the next start, too) and returns its settings.
func (a *App) SwitchProfile(id string) LoadResult {
	if a.service == nil {
		return LoadResult{Error: a.problem}
	}
	// Load checks that the company exists, as every use of one does.
	st, err := a.service.Load(a.context(), id)
	if err != nil {
		return LoadResult{Error: appservice.MessageFor(err)}
	}
	a.setProfile(id)
	a.log.Info("form loaded", "profile", id, "revision", st.Saved.Revision, "items", len(st.Items.Items))
	return LoadResult{State: a.toFormState(st)}
}

func (a *App) setProfile(id string) {
	a.mu.Lock()
	a.profile = id
	a.dirty = false // the form of the other profile starts clean
	a.pendingImport = nil
	a.mu.Unlock()
	a.service.SetLastProfile(a.context(), id)
}

// AddProfile adds a company profile and switches to it.
func (a *App) AddProfile(name string) ProfilesResult {
	if a.service == nil {
		return ProfilesResult{Error: a.problem}
	}
	p, err := a.service.AddProfile(a.context(), name)
	if err == nil {
		a.setProfile(p.ID)
	}
	return a.profiles(err)
}

// RenameProfile renames a company profile.
func (a *App) RenameProfile(id, name string) ProfilesResult {
	if a.service == nil {
		return ProfilesResult{Error: a.problem}
	}
	return a.profiles(a.service.RenameProfile(a.context(), id, name))
}

// RemoveProfile removes a company profile with its settings, history and
// passwords. Removing the one being edited switches to another.
func (a *App) RemoveProfile(id string) ProfilesResult {
	if a.service == nil {
		return ProfilesResult{Error: a.problem}
	}
	if err := a.service.RemoveProfile(a.context(), id); err != nil {
		return a.profiles(err)
	}
	if a.currentProfile() == id {
		if ps, err := a.service.Profiles(a.context()); err == nil && len(ps) > 0 {
			a.setProfile(ps[0].ID)
		} else {
			a.setProfile(store.DefaultProfile)
		}
	}
	return a.profiles(nil)
}
