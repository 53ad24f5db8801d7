package desktop

import (
	"qbsettings/backend/appservice"
	"qbsettings/backend/settings"
)

// History is the change history: every Update, when, by whom and what
// changed. Restoring a revision is the form's business: it loads the
// revision's settings for review, and Update saves them as a new revision.
type History struct{ *shell }

// HistoryEntry is one saved revision: when, by whom, what changed, and the
// settings it saved (so the form can load them for a restore).
type HistoryEntry struct {
	Revision int64  `json:"revision"`
	SavedAt  string `json:"savedAt"`
	SavedBy  string `json:"savedBy"`
	// TakenFrom, when set, says whose copy on the QuickBooks service the
	// revision was taken from.
	TakenFrom string                 `json:"takenFrom"`
	Changes   []settings.FieldChange `json:"changes"`
	Settings  settings.Settings      `json:"settings"`
}

// HistoryResult is the history, newest first, or a message for the user.
type HistoryResult struct {
	Entries []HistoryEntry `json:"entries"`
	Error   string         `json:"error"`
}

func (r *HistoryResult) failWith(problem string) { r.Error = problem }

// History lists the saved revisions of the profile being edited. Restoring
// one is the form's business: it loads the revision's settings for review,
// and Update saves them as a new revision.
func (h *History) History() HistoryResult {
	return serve(h.shell, func(svc *appservice.Service) HistoryResult {
		entries, err := svc.History(h.context(), h.currentProfile())
		if err != nil {
			return HistoryResult{Error: windowMessage(err)}
		}
		out := make([]HistoryEntry, len(entries))
		for i, e := range entries {
			out[i] = HistoryEntry{
				Revision:  e.Revision.Revision,
				SavedAt:   timeText(e.SavedAt),
				SavedBy:   e.SavedBy,
				TakenFrom: e.TakenFrom,
				Changes:   e.Changes,
				Settings:  e.Settings,
			}
		}
		return HistoryResult{Entries: out}
	})
}
