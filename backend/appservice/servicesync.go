package appservice

import (
	"context"
	"errors"
	"os"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/serviceapi"
)

// The settings take effect where the sync runs: after a save this computer
// sends them to the QuickBooks service (contract 1.1, capability
// settings). Nothing is overwritten silently in either direction: the
// service's copy is replaced only when it is still what this computer
// last applied (or the user chose to replace it), and the service's copy
// is taken only when the user chooses to.

// SyncStatus says where the saved settings stand on the service.
type SyncStatus string

const (
	// SyncNothingSaved: the profile was never saved; nothing to send.
	SyncNothingSaved SyncStatus = "nothingSaved"
	// SyncInEffect: the service runs the sync with the saved settings.
	SyncInEffect SyncStatus = "inEffect"
	// SyncKept: the service keeps the saved settings, and runs no sync
	// yet (contract 1.2: no capability sync).
	SyncKept SyncStatus = "kept"
	// SyncPending: saved on this computer, not yet on the service.
	SyncPending SyncStatus = "pending"
	// SyncChangedElsewhere: the service's settings were changed from
	// somewhere else and differ; the user keeps these or takes those.
	SyncChangedElsewhere SyncStatus = "changedElsewhere"
	// SyncLocalOnly: the service does not keep settings.
	SyncLocalOnly SyncStatus = "localOnly"
)

var syncHeadlines = map[SyncStatus]locale.Key{
	SyncNothingSaved:     locale.Message("Not saved yet"),
	SyncInEffect:         locale.Message("In effect on the QuickBooks service"),
	SyncKept:             locale.Message("Kept on the QuickBooks service"),
	SyncPending:          locale.Message("Saved on this computer, not yet on the QuickBooks service"),
	SyncChangedElsewhere: locale.Message("Changed on the QuickBooks service from somewhere else"),
	SyncLocalOnly:        locale.Message("Kept on this computer only"),
}

// ServiceSync is where the saved settings stand on the service, in words
// (store.ServiceSync is what this computer recorded of it).
type ServiceSync struct {
	Status SyncStatus
	// Headline names the status; the window adds Since to it.
	Headline string
	// Since: when the settings in effect were applied (SyncInEffect).
	Since time.Time
	// Said says what happened and, when something is to be done, what.
	Said locale.Said
	// Kind sorts why a pending send failed, as the client does (the
	// command line words its own remedy from it).
	Kind quickbooks.Kind
	// Refused are the values the service refused, beside their fields.
	Refused []settings.FieldError
	// Elsewhere is the service's copy that differs (SyncChangedElsewhere).
	Elsewhere *ServiceCopy
}

// ServiceCopy is the service's copy of the settings, changed from
// somewhere else, with its differences from this computer's.
type ServiceCopy struct {
	AppliedAt   time.Time
	Computer    string
	User        string
	Differences []settings.Difference
}

// syncState judges where saved stands from what this computer knows of
// the service.
func syncState(saved store.Saved, record store.ServiceSync) ServiceSync {
	st := syncStateOf(saved, record)
	st.Headline = syncHeadlines[st.Status].Text()
	return st
}

func syncStateOf(saved store.Saved, record store.ServiceSync) ServiceSync {
	switch {
	case record.Unsupported:
		return ServiceSync{Status: SyncLocalOnly, Said: saidLocalOnly.With()}
	case saved.Revision == 0:
		return ServiceSync{Status: SyncNothingSaved, Said: saidSaveToSend.With()}
	case record.Elsewhere != nil:
		e := record.Elsewhere
		return ServiceSync{Status: SyncChangedElsewhere, Said: changedElsewhereSaid(e),
			Elsewhere: &ServiceCopy{AppliedAt: e.AppliedAt, Computer: e.Computer, User: e.User,
				Differences: settings.RuleDifferences(saved.Settings, e.Settings)}}
	case record.Applied != nil && settings.SameRules(*record.Applied, saved.Settings) && record.RunsSync:
		return ServiceSync{Status: SyncInEffect, Since: record.AppliedAt, Said: saidInEffect.With()}
	case record.Applied != nil && settings.SameRules(*record.Applied, saved.Settings):
		return ServiceSync{Status: SyncKept, Since: record.AppliedAt, Said: saidKeptForSync.With()}
	case record.AttemptedAt.Before(saved.SavedAt):
		// Not tried since the last save (the app was closed meanwhile).
		return ServiceSync{Status: SyncPending, Said: saidNotSentYet.With()}
	}
	return ServiceSync{Status: SyncPending, Said: record.Problem, Kind: quickbooks.Kind(record.ProblemKind), Refused: refusedByService(record.Refused)}
}

// OnService tells whether the service has the saved settings: in effect,
// or kept for the sync to come.
func (st ServiceSync) OnService() bool { return st.Status == SyncInEffect || st.Status == SyncKept }

// refusedByService words the values the service refused, each with the
// service's own reason, which is kept as it came.
func refusedByService(kept []settings.FieldError) []settings.FieldError {
	if kept == nil {
		return nil
	}
	out := make([]settings.FieldError, len(kept))
	for i, fe := range kept {
		fe.Message = locale.T("The QuickBooks service refused this value: %s", fe.Message)
		out[i] = fe
	}
	return out
}

// changedElsewhereSaid says who changed the service's settings, as far
// as the service knows, each way in a whole sentence of its own.
func changedElsewhereSaid(e *store.ServiceCopy) locale.Said {
	switch {
	case e.Computer != "" && e.User != "":
		return saidChangedOnBy.With(e.Computer, e.User)
	case e.Computer != "":
		return saidChangedOn.With(e.Computer)
	default:
		return saidChangedElsewhere.With()
	}
}

func (s *Service) savedAndSync(ctx context.Context, profile string) (store.Saved, store.ServiceSync, error) {
	saved, err := s.store.LoadSettings(ctx, profile)
	if err != nil {
		return store.Saved{}, store.ServiceSync{}, s.storeFailure(reading, err)
	}
	record, err := s.store.ServiceSync(ctx, profile)
	if err != nil {
		return store.Saved{}, store.ServiceSync{}, s.storeFailure(reading, err)
	}
	return saved, record, nil
}

// SendChoice says what a send may replace on the service.
type SendChoice int

const (
	// SendIfUnchanged replaces only what this computer last applied.
	SendIfUnchanged SendChoice = iota
	// KeepThisComputers replaces the service's copy the user was shown
	// (SyncChangedElsewhere), and nothing newer than it.
	KeepThisComputers
)

// SendSettings sends the profile's saved settings to the service, if the
// service keeps settings and its copy is still what this computer last
// applied (or, with KeepThisComputers, the copy the user chose to
// replace). The outcome is recorded and returned as a ServiceSync; only a
// failure of this computer (the database, no such profile) is an error.
func (s *Service) SendSettings(ctx context.Context, profile string, choice SendChoice) (ServiceSync, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return ServiceSync{}, err
	}
	saved, record, err := s.savedAndSync(ctx, profile)
	if err != nil || saved.Revision == 0 {
		return syncState(saved, record), err
	}
	record, err = s.send(ctx, profile, saved, record, choice)
	if errors.Is(err, errCanceled) {
		return syncState(saved, record), nil
	}
	if err != nil {
		return ServiceSync{}, err
	}
	record.AttemptedAt = s.now().UTC()
	if err := s.store.SaveServiceSync(context.WithoutCancel(ctx), profile, record); err != nil {
		return ServiceSync{}, s.storeFailure(writing, err)
	}
	st := syncState(saved, record)
	s.log.Info("settings sent to the service", "profile", profile, "revision", saved.Revision, "status", st.Status)
	return st, nil
}

// errCanceled: the user stopped the send; nothing is recorded.
var errCanceled = errors.New("sending the settings was canceled")

// send does the exchange and returns what is then known of the service.
func (s *Service) send(ctx context.Context, profile string, saved store.Saved, record store.ServiceSync, choice SendChoice) (store.ServiceSync, error) {
	record.Problem, record.ProblemKind, record.Refused = locale.Said{}, "", nil
	ss, errs, err := s.openSession(ctx, profile, settings.Change{Settings: saved.Settings}, ConnectionTimeout)
	var ue *UserError
	switch {
	case errors.As(err, &ue):
		record.Problem = ue.Said
		return record, nil
	case err != nil:
		return record, err
	case len(errs) > 0:
		record.Problem = notSentSaid(errs[0])
		return record, nil
	}
	defer ss.close()
	ctx, client := ss.ctx, ss.client

	copyOnService, health, err := s.serviceCopy(ss)
	if err != nil {
		return s.sendFailed(record, err)
	}
	record.Unsupported, record.RunsSync, record.Applies = false, health.Can(serviceapi.CapabilitySync), appliedRules(health)
	// Twice at most: a version changed between reading and writing is
	// read again once, and then judged like any other.
	for attempt := 0; ; attempt++ {
		if copyOnService.Settings != nil && settings.SameRules(*copyOnService.Settings, saved.Settings) {
			return applied(record, saved.Settings, copyOnService.ETag, appliedTime(copyOnService, s.now)), nil
		}
		if changedElsewhere(copyOnService, record) && !chosenToReplace(copyOnService, record, choice) {
			record.Elsewhere = elsewhereOf(copyOnService)
			return record, nil
		}
		etag, err := client.ApplySettings(ctx, saved.Settings, s.appliedBy(), copyOnService.ETag)
		if qe, ok := asServiceError(err); ok && qe.Kind == quickbooks.KindSettingsChanged && attempt == 0 {
			if copyOnService, err = client.Settings(ctx); err != nil {
				return s.sendFailed(record, err)
			}
			continue
		}
		if err != nil {
			return s.sendFailed(record, err)
		}
		return applied(record, saved.Settings, etag, s.now()), nil
	}
}

// serviceCopy checks that the service keeps settings and has the
// profile's company file open, then reads its copy of the settings; its
// health says whether it runs the sync with them, and which settings the
// sync applies.
func (s *Service) serviceCopy(ss *session) (copyOnService serviceapi.ServiceSettings, health serviceapi.Health, err error) {
	health, err = ss.client.Health(ss.ctx)
	if err != nil {
		return copyOnService, health, err
	}
	if !health.Can(serviceapi.CapabilitySettings) {
		return copyOnService, health, errNoSettingsCapability
	}
	if err := s.checkCompanyFile(ss.ctx, ss.profile, health); err != nil {
		return copyOnService, health, err
	}
	copyOnService, err = ss.client.Settings(ss.ctx)
	return copyOnService, health, err
}

// appliedRules are the keys of the settings the service's sync applies
// (contract 1.7), in the form's order.
func appliedRules(health serviceapi.Health) []string {
	var out []string
	for _, f := range settings.Fields() {
		if health.Applies(string(f)) {
			out = append(out, string(f))
		}
	}
	return out
}

// errNoSettingsCapability: the service does not keep settings.
var errNoSettingsCapability = errors.New("the service does not keep settings")

// notSentSaid says why saved settings could not be sent: a connection
// value that no longer passes its rule (a password gone from the
// keychain, most often). The field is named, not its words kept.
func notSentSaid(fe settings.FieldError) locale.Said {
	if fe.Code == settings.ProblemPasswordNotStored {
		return saidNotSentNoPassword.With()
	}
	return saidNotSentFieldInvalid.With(settings.FieldLabelSaid(fe.Field))
}

// sendFailed records why a send did not apply.
func (s *Service) sendFailed(record store.ServiceSync, err error) (store.ServiceSync, error) {
	var wrong *WrongCompanyFileError
	qe, isService := asServiceError(err)
	switch {
	case errors.Is(err, errNoSettingsCapability):
		record.Unsupported = true
	case errors.As(err, &wrong):
		record.Problem, record.ProblemKind = wrong.Said(), string(quickbooks.KindWrongCompanyFile)
	case isService && qe.Kind == quickbooks.KindCanceled:
		return record, errCanceled
	case isService && qe.Kind == quickbooks.KindSettingsRefused:
		record.Problem, record.ProblemKind = saidServiceRefused.With(), string(qe.Kind)
		record.Refused = qe.FieldErrors
	case isService:
		record.Problem, record.ProblemKind = qe.Said, string(qe.Kind)
		s.log.Warn("settings not sent", "kind", qe.Kind, "detail", qe.Detail)
	default:
		return record, err
	}
	return record, nil
}

// changedElsewhere: the service has settings that are not the version
// this computer last applied, nor the same rules.
func changedElsewhere(c serviceapi.ServiceSettings, record store.ServiceSync) bool {
	if c.Settings == nil || c.ETag == record.ETag {
		return false
	}
	return record.Applied == nil || !settings.SameRules(*c.Settings, *record.Applied)
}

// elsewhereOf keeps the service's copy c (which has settings).
func elsewhereOf(c serviceapi.ServiceSettings) *store.ServiceCopy {
	e := &store.ServiceCopy{Settings: *c.Settings, ETag: c.ETag}
	if c.AppliedAt != nil {
		e.AppliedAt = *c.AppliedAt
	}
	if c.AppliedBy != nil {
		e.Computer, e.User = c.AppliedBy.Computer, c.AppliedBy.User
	}
	return e
}

// chosenToReplace: the user chose to keep this computer's settings over
// exactly this version of the service's.
func chosenToReplace(c serviceapi.ServiceSettings, record store.ServiceSync, choice SendChoice) bool {
	return choice == KeepThisComputers && record.Elsewhere != nil && record.Elsewhere.ETag == c.ETag
}

func applied(record store.ServiceSync, st settings.Settings, etag string, at time.Time) store.ServiceSync {
	return store.ServiceSync{Applied: &st, ETag: etag, AppliedAt: at.UTC(), AttemptedAt: record.AttemptedAt, RunsSync: record.RunsSync, Applies: record.Applies}
}

func appliedTime(c serviceapi.ServiceSettings, now func() time.Time) time.Time {
	if c.AppliedAt != nil {
		return *c.AppliedAt
	}
	return now()
}

// appliedBy names this computer and its user to the service.
func (s *Service) appliedBy() serviceapi.AppliedBy {
	host, err := os.Hostname()
	if err != nil {
		host = ""
	}
	return serviceapi.AppliedBy{Computer: host, User: s.whoami()}
}

// TakeServiceSettings saves the service's copy the user was shown
// (SyncChangedElsewhere) as a new revision, recorded in the history as
// taken from the service; this computer's connection settings stay. No
// call to the service is needed: that copy is what it runs with.
func (s *Service) TakeServiceSettings(ctx context.Context, profile string) (State, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return State{}, err
	}
	saved, record, err := s.savedAndSync(ctx, profile)
	if err != nil {
		return State{}, err
	}
	if record.Elsewhere == nil {
		return State{}, &UserError{Said: saidNothingToTake.With()}
	}
	e := record.Elsewhere
	taken := settings.WithRulesOf(saved.Settings, e.Settings)
	// The service runs with its item whatever this computer's list says;
	// the readiness check judges it against the list.
	if errs := settings.Validate(settings.Change{Settings: taken}, settings.Known{PasswordStored: true, ItemListUnknown: true}); len(errs) > 0 {
		return State{}, &UserError{Said: saidServiceCopyUnusable.With(settings.FieldLabel(errs[0].Field), errs[0].Message)}
	}
	rev := store.NewRevision{Profile: profile, Base: saved.Revision, Settings: taken, At: s.now(),
		By:   store.Author{SavedBy: s.whoami(), TakenFromService: &store.ServiceApplier{Computer: e.Computer, User: e.User}},
		Sync: &store.ServiceSync{Applied: &taken, ETag: e.ETag, AppliedAt: e.AppliedAt, AttemptedAt: s.now().UTC(), RunsSync: record.RunsSync, Applies: record.Applies}}
	if _, err := s.store.SaveRevision(ctx, rev); err != nil {
		var conflict *store.ConflictError
		if errors.As(err, &conflict) {
			return State{}, s.conflict(conflict)
		}
		return State{}, s.storeFailure(writing, err)
	}
	s.log.Info("settings taken from the service", "profile", profile, "etag", e.ETag)
	return s.Load(ctx, profile)
}

// ServiceSettings reads the settings the service runs with, after the
// same checks as a send: the service keeps settings and has the profile's
// company file open.
func (s *Service) ServiceSettings(ctx context.Context, profile string) (serviceapi.ServiceSettings, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return serviceapi.ServiceSettings{}, err
	}
	saved, err := s.store.LoadSettings(ctx, profile)
	if err != nil {
		return serviceapi.ServiceSettings{}, s.storeFailure(reading, err)
	}
	ss, errs, err := s.openSession(ctx, profile, settings.Change{Settings: saved.Settings}, ConnectionTimeout)
	if err != nil {
		return serviceapi.ServiceSettings{}, err
	}
	if len(errs) > 0 {
		return serviceapi.ServiceSettings{}, &UserError{Said: saidServiceCopyUnread.With(errs[0].Message)}
	}
	defer ss.close()
	out, _, err := s.serviceCopy(ss)
	if err == nil {
		return out, nil
	}
	// Worded as a send would record it.
	failed, err2 := s.sendFailed(store.ServiceSync{}, err)
	if err2 != nil {
		return out, err2
	}
	if failed.Unsupported {
		failed.Problem = saidLocalOnly.With()
	}
	return out, &UserError{Said: failed.Problem, Cause: err}
}
