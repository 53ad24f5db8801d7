package appservice

import (
	"context"
	"fmt"
	"strings"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/serviceapi"
)

// WrongCompanyFileError: the service has another company file open than
// the one the profile's settings belong to. Nothing was changed.
type WrongCompanyFileError struct {
	Bound, Open store.CompanyFile
}

func (e *WrongCompanyFileError) Error() string {
	return fmt.Sprintf("the service has the company file %s (%s) open, not %s (%s)", e.Open.ID, e.Open.Path, e.Bound.ID, e.Bound.Path)
}

// Said says so to the bookkeeper, worded when shown.
func (e *WrongCompanyFileError) Said() locale.Said {
	return saidWrongCompanyFile.With(FileName(e.Open), FileName(e.Bound), FileName(e.Bound), FileName(e.Open))
}

// FileName is how a company file is named to a person: its file's name
// (Summit Ridge Builders.qbw), or the company's name.
func FileName(f store.CompanyFile) string {
	p := f.Path
	if i := strings.LastIndexAny(p, `\/`); i >= 0 {
		p = p[i+1:]
	}
	if p == "" {
		return f.Name
	}
	return p
}

func openFile(h serviceapi.Health) store.CompanyFile {
	return store.CompanyFile{ID: h.CompanyFileID, Name: h.CompanyName, Path: h.CompanyFile}
}

// checkCompanyFile compares the file the service has open with the one
// the profile's settings belong to, binding the profile to it on its first
// successful connection. A service that does not say which file it has
// open (contract 1.0) is not checked.
func (s *Service) checkCompanyFile(ctx context.Context, profile string, h serviceapi.Health) error {
	if h.CompanyFileID == "" {
		return nil
	}
	bound, ok, err := s.store.BoundCompanyFile(ctx, profile)
	if err != nil {
		return s.storeFailure(reading, err)
	}
	open := openFile(h)
	if !ok {
		open.BoundAt = s.now().UTC()
		if err := s.store.BindCompanyFile(ctx, profile, open); err != nil {
			return s.storeFailure(writing, err)
		}
		s.log.Info("profile bound to its company file", "profile", profile, "file", open.ID)
		return nil
	}
	if bound.ID != open.ID {
		wrong := &WrongCompanyFileError{Bound: bound, Open: open}
		s.log.Warn("another company file is open", "profile", profile, "bound", bound.ID, "open", open.ID)
		return wrong
	}
	return nil
}

// RebindCompanyFile makes the company file the service has open now the
// one the profile's settings belong to: the user's choice, after a test
// found another file open. It returns that file.
func (s *Service) RebindCompanyFile(ctx context.Context, profile string, c settings.Change) (store.CompanyFile, []settings.FieldError, error) {
	ss, errs, err := s.openSession(ctx, profile, c, ConnectionTimeout)
	if err != nil || len(errs) > 0 {
		return store.CompanyFile{}, errs, err
	}
	defer ss.close()
	// Not checked against the profile's file: the user chose the open one.
	h, err := ss.client.Health(ss.ctx)
	if err != nil {
		return store.CompanyFile{}, nil, s.explain(profile, err, companyFileNotBound, "company file not changed")
	}
	if h.CompanyFileID == "" {
		return store.CompanyFile{}, nil, &UserError{Said: saidNoOpenFile.With()}
	}
	open := openFile(h)
	open.BoundAt = s.now().UTC()
	if err := s.store.BindCompanyFile(context.WithoutCancel(ctx), profile, open); err != nil {
		return store.CompanyFile{}, nil, s.storeFailure(writing, err)
	}
	s.log.Info("profile bound to another company file by the user", "profile", profile, "file", open.ID)
	return open, nil, nil
}

// BoundCompanyFile is the company file the profile's settings belong to;
// ok is false before its first successful connection.
func (s *Service) BoundCompanyFile(ctx context.Context, profile string) (store.CompanyFile, bool, error) {
	f, ok, err := s.store.BoundCompanyFile(ctx, profile)
	if err != nil {
		return f, ok, s.storeFailure(reading, err)
	}
	return f, ok, nil
}
