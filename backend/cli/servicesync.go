package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// serviceSyncJSON is where the saved settings stand on the QuickBooks service, as
// settings apply --json prints it (documented in README).
type serviceSyncJSON struct {
	// Status: inEffect, pending, changedElsewhere, localOnly or nothingSaved.
	Status  appservice.SyncStatus `json:"status"`
	Since   *time.Time            `json:"since,omitempty"`
	Message string                `json:"message"`
	// Kind sorts why a pending send failed (quickbooks.Kind).
	Kind quickbooks.Kind `json:"kind,omitempty"`
	// Refused are the values the service refused, by the settings' keys.
	Refused   []settings.FieldError `json:"refused,omitempty"`
	Elsewhere *serviceCopyJSON      `json:"elsewhere,omitempty"`
	// Taken: the service's settings were saved here as Revision.
	Taken    bool  `json:"taken,omitempty"`
	Revision int64 `json:"revision,omitempty"`
}

// serviceCopyJSON is the service's copy, changed from somewhere else.
type serviceCopyJSON struct {
	AppliedAt   *time.Time            `json:"appliedAt,omitempty"`
	Computer    string                `json:"computer"`
	User        string                `json:"user"`
	Differences []settings.Difference `json:"differences"`
}

// settingsApply sends the saved settings to the service. When the
// service's were changed from somewhere else, --keep-local replaces them
// with this computer's and --take-service saves them here instead.
type settingsApply struct {
	profileOption
	jsonOption
	keepLocal, takeService bool
}

func (in *settingsApply) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
	fs.BoolVar(&in.keepLocal, "keep-local", false, "replace the service's settings changed elsewhere with this computer's")
	fs.BoolVar(&in.takeService, "take-service", false, "save the service's settings changed elsewhere here")
}

func (in *settingsApply) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("settings apply takes no arguments"))
	}
	if in.keepLocal && in.takeService {
		return misused(locale.T("choose --keep-local or --take-service, not both"))
	}
	st, err := c.b.Service.SendSettings(ctx, in.profile, appservice.SendIfUnchanged)
	if err != nil {
		return err
	}
	out := syncJSON(st)
	if st.Status == appservice.SyncChangedElsewhere {
		switch {
		case in.keepLocal:
			if st, err = c.b.Service.SendSettings(ctx, in.profile, appservice.KeepThisComputers); err != nil {
				return err
			}
			out = syncJSON(st)
		case in.takeService:
			taken, err := c.b.Service.TakeServiceSettings(ctx, in.profile)
			if err != nil {
				return err
			}
			st, out = taken.Sync, syncJSON(taken.Sync)
			out.Taken, out.Revision = true, taken.Saved.Revision
		}
	}
	if in.json {
		if err := c.printJSON(out); err != nil {
			return err
		}
	} else {
		if out.Taken {
			locale.Fprintf(c.Stdout, "Saved the QuickBooks service's settings here as revision %d.\n", out.Revision)
		}
		c.printSync(st, true)
	}
	if !st.OnService() {
		return errTold
	}
	return nil
}

func syncJSON(st appservice.ServiceSync) serviceSyncJSON {
	out := serviceSyncJSON{Status: st.Status, Message: cliSyncMessage(st), Kind: st.Kind, Refused: st.Refused}
	if !st.Since.IsZero() {
		out.Since = &st.Since
	}
	if e := st.Elsewhere; e != nil {
		out.Elsewhere = &serviceCopyJSON{Computer: e.Computer, User: e.User, Differences: e.Differences}
		if !e.AppliedAt.IsZero() {
			out.Elsewhere.AppliedAt = &e.AppliedAt
		}
	}
	return out
}

// cliSyncMessage words a sync state's message with the commands that help.
func cliSyncMessage(st appservice.ServiceSync) string {
	message := st.Said.Text()
	switch st.Status {
	case appservice.SyncPending:
		msg := message
		if st.Kind != "" {
			msg = serviceProblem(serviceFailure{kind: st.Kind, message: message}, "")
		}
		return locale.T("%s Then run: qbsettings settings apply", msg)
	case appservice.SyncChangedElsewhere:
		return locale.T("%s Run qbsettings settings apply --keep-local to replace them with this computer's, or --take-service to save them here.", message)
	default: // nothing to run
		return message
	}
}

// printSync says where the settings stand on the service, with the
// differences when they were changed elsewhere. full also prints the
// refused values (a save prints them as they come).
func (c *call) printSync(st appservice.ServiceSync, full bool) {
	if st.OnService() && !st.Since.IsZero() {
		locale.Fprintf(c.Stdout, "%s since %s. %s\n", st.Headline, c.dateTime(st.Since), cliSyncMessage(st))
	} else {
		locale.Fprintf(c.Stdout, "%s. %s\n", st.Headline, cliSyncMessage(st))
	}
	if full {
		c.printFieldErrors(st.Refused)
	}
	if e := st.Elsewhere; e != nil {
		locale.Fprintf(c.Stdout, "Differences (this computer → the QuickBooks service):\n")
		for _, d := range e.Differences {
			fmt.Fprintf(c.Stdout, "  %s: %s → %s\n", d.Label, d.ThisComputer, d.Service)
		}
	}
}

// sendAfterSave sends what a command just saved, as Update does, and says
// where it stands. The save has landed whatever the service says, so the
// exit code stays the save's; settings apply is the command that fails
// when the settings are not in effect.
func (c *call) sendAfterSave(ctx context.Context, profile string) {
	st, err := c.b.Service.SendSettings(ctx, profile, appservice.SendIfUnchanged)
	if err != nil {
		locale.Fprintf(c.Stderr, "qbsettings: the settings were saved, but not sent to the QuickBooks service: %s\n", c.explain(err, ""))
		return
	}
	c.printSync(st, true)
}

// ServiceSettingsJSON is what settings get --from-service --json prints:
// the service's answer, as the contract says it.
type ServiceSettingsJSON = serviceapi.ServiceSettings

// fromTheService prints the settings the service runs with.
func (in *settingsGet) fromTheService(ctx context.Context, c *call) error {
	got, err := c.b.Service.ServiceSettings(ctx, in.profile)
	if err != nil {
		return err
	}
	if in.json {
		return c.printJSON(got)
	}
	if got.Settings == nil {
		locale.Fprintf(c.Stdout, "The QuickBooks service has no settings yet. Run qbsettings settings apply to send this computer's.\n")
		return nil
	}
	for _, sp := range settings.Specs() {
		if sp.SyncRule() {
			fmt.Fprintf(c.Stdout, "%s: %s\n", sp.Label, sp.Describe(*got.Settings))
		}
	}
	if got.AppliedAt != nil {
		if got.AppliedBy != nil && got.AppliedBy.Computer != "" {
			locale.Fprintf(c.Stdout, "Applied: %s on %s by %s\n", c.dateTime(*got.AppliedAt), got.AppliedBy.Computer, got.AppliedBy.User)
		} else {
			locale.Fprintf(c.Stdout, "Applied: %s\n", c.dateTime(*got.AppliedAt))
		}
	}
	return nil
}
