package appservice

import (
	"context"
	"os"
	"os/user"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// HistoryLimit is how many revisions the history shows.
const HistoryLimit = 200

// HistoryEntry is one revision with what it changed, in words.
type HistoryEntry struct {
	store.Revision
	Changes []settings.FieldChange
	// TakenFrom says, in words, whose copy on the QuickBooks service the
	// settings were taken from ("" when they were saved here).
	TakenFrom string
}

// History lists the profile's revisions, newest first, each with its
// changes from the revision before (the first one's from the defaults).
func (s *Service) History(ctx context.Context, profile string) ([]HistoryEntry, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return nil, err
	}
	// One more than shown, so the oldest shown has something to compare with.
	revs, err := s.store.History(ctx, profile, HistoryLimit+1)
	if err != nil {
		return nil, s.storeFailure(reading, err)
	}
	var out []HistoryEntry
	for i, r := range revs {
		if i == HistoryLimit {
			break
		}
		before := settings.Defaults()
		if i+1 < len(revs) {
			before = revs[i+1].Settings
		}
		changes := settings.Diff(before, r.Settings)
		if r.PasswordChanged {
			changes = append(changes, settings.PasswordChange())
		}
		out = append(out, HistoryEntry{Revision: r, Changes: changes, TakenFrom: takenFrom(r.TakenFromService)})
	}
	return out, nil
}

// osUser names who is saving: the operating system's user ("OFFICE\pat" on
// a Windows domain), or its environment's idea of it.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USERNAME", "USER"} {
		if name := os.Getenv(v); name != "" {
			return name
		}
	}
	return locale.T("unknown user")
}

// takenFrom words whose copy on the service a revision was taken from, in
// the locale in use (the history stores who, not the words).
func takenFrom(a *store.ServiceApplier) string {
	switch {
	case a == nil:
		return ""
	case a.Computer != "" && a.User != "":
		return locale.T("the QuickBooks service, as applied on %s by %s", a.Computer, a.User)
	case a.Computer != "":
		return locale.T("the QuickBooks service, as applied on %s", a.Computer)
	}
	return locale.T("the QuickBooks service")
}
