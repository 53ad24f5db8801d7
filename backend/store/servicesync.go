package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"

	"qbsettings/backend/sqlite"
)

// ServiceSync is what this computer knows of the settings on the
// QuickBooks service. The zero value: nothing was ever sent.
type ServiceSync struct {
	// Applied are the settings this computer last applied to the service,
	// or took from it, and ETag the service's version of them; nil if none.
	Applied   *settings.Settings
	ETag      string
	AppliedAt time.Time
	// AttemptedAt is when sending was last tried; Problem says why that
	// did not apply (the zero Said when it did), worded when shown.
	AttemptedAt time.Time
	Problem     locale.Said
	// ProblemKind sorts the problem, as the QuickBooks client does
	// (quickbooks.Kind), for words that depend on where the user is.
	ProblemKind string
	// Refused are the values the service refused at the last send, each
	// with the service's own reason.
	Refused []settings.FieldError
	// Unsupported: the service said it does not keep settings.
	Unsupported bool
	// RunsSync: the service said it runs the sync with the settings it
	// keeps (capability sync); without it, it only keeps them.
	RunsSync bool
	// Applies are the keys of the settings the service said its sync
	// applies to the records it writes (contract 1.7, rule.<key>).
	Applies []string
	// Elsewhere is the service's copy, found changed since this computer
	// applied (by another PC, or Procore's page); it is kept until the
	// user keeps this computer's settings or takes the service's.
	Elsewhere *ServiceCopy
}

// ServiceApplier is the computer and user that applied settings on the
// service, as the service said them.
type ServiceApplier struct {
	Computer string `json:"computer"`
	User     string `json:"user"`
}

// ServiceCopy is the service's copy of the settings, as it said it.
type ServiceCopy struct {
	Settings  settings.Settings `json:"settings"`
	ETag      string            `json:"etag"`
	AppliedAt time.Time         `json:"appliedAt"`
	Computer  string            `json:"computer"`
	User      string            `json:"user"`
}

// ServiceSync returns what the profile knows of the service's settings.
func (s *Store) ServiceSync(ctx context.Context, profile string) (ServiceSync, error) {
	var (
		out                                                                ServiceSync
		applied, appliedAt, attemptedAt, problem, refused, elsewh, applies string
	)
	err := s.db.QueryRowContext(ctx, `
		SELECT applied, applied_etag, applied_at, attempted_at, problem, problem_kind, field_errors, unsupported, runs_sync, elsewhere, applies
		FROM service_sync WHERE profile_id = ?`, profile).
		Scan(&applied, &out.ETag, &appliedAt, &attemptedAt, &problem, &out.ProblemKind, &refused, &out.Unsupported, &out.RunsSync, &elsewh, &applies)
	if errors.Is(err, sql.ErrNoRows) {
		return ServiceSync{}, nil
	}
	if err == nil {
		err = errors.Join(
			unmarshalIfAny(applied, &out.Applied),
			unmarshalIfAny(problem, &out.Problem),
			unmarshalIfAny(refused, &out.Refused),
			unmarshalIfAny(elsewh, &out.Elsewhere),
			unmarshalIfAny(applies, &out.Applies))
	}
	if err == nil {
		out.AppliedAt, err = sqlite.ParseTime(appliedAt)
	}
	if err == nil {
		out.AttemptedAt, err = sqlite.ParseTime(attemptedAt)
	}
	if err != nil {
		return ServiceSync{}, fmt.Errorf("load the service's settings state of profile %q: %w", profile, err)
	}
	return out, nil
}

// SaveServiceSync records what the profile knows of the service's settings.
func (s *Store) SaveServiceSync(ctx context.Context, profile string, sync ServiceSync) error {
	return saveServiceSync(ctx, s.db, profile, sync)
}

func saveServiceSync(ctx context.Context, db execer, profile string, sync ServiceSync) error {
	applied, err := marshalIfAny(sync.Applied, sync.Applied != nil)
	if err != nil {
		return err
	}
	refused, err := marshalIfAny(sync.Refused, len(sync.Refused) > 0)
	if err != nil {
		return err
	}
	elsewhere, err := marshalIfAny(sync.Elsewhere, sync.Elsewhere != nil)
	if err != nil {
		return err
	}
	problem, err := marshalIfAny(sync.Problem, !sync.Problem.IsZero())
	if err != nil {
		return err
	}
	applies, err := marshalIfAny(sync.Applies, len(sync.Applies) > 0)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `
		INSERT INTO service_sync (profile_id, applied, applied_etag, applied_at, attempted_at, problem, problem_kind, field_errors, unsupported, runs_sync, elsewhere, applies)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (profile_id) DO UPDATE SET
		       applied = excluded.applied, applied_etag = excluded.applied_etag, applied_at = excluded.applied_at,
		       attempted_at = excluded.attempted_at, problem = excluded.problem, problem_kind = excluded.problem_kind,
		       field_errors = excluded.field_errors,
		       unsupported = excluded.unsupported, runs_sync = excluded.runs_sync, elsewhere = excluded.elsewhere, applies = excluded.applies`,
		profile, applied, sync.ETag, timeOrEmpty(sync.AppliedAt), timeOrEmpty(sync.AttemptedAt), problem, sync.ProblemKind,
		refused, boolInt(sync.Unsupported), boolInt(sync.RunsSync), elsewhere, applies)
	if err != nil {
		return fmt.Errorf("save the service's settings state of profile %q: %w", profile, err)
	}
	return nil
}

func timeOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return sqlite.FormatTime(t)
}

func marshalIfAny(v any, present bool) (string, error) {
	if !present {
		return "", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

func unmarshalIfAny(text string, v any) error {
	if text == "" {
		return nil
	}
	return json.Unmarshal([]byte(text), v)
}
