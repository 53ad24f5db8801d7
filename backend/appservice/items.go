package appservice

import (
	"context"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/serviceapi"
)

// Refreshing the list waits for QuickBooks, which can take a while on a
// large company file; these bound the wait.
const (
	RefreshTimeout = 3 * time.Minute
	refreshPoll    = 500 * time.Millisecond
)

// Refreshed is the stored item list after a read of the service's, and
// how many items the service sent that QuickBooks could not have (left
// out of the list; the rest stand).
type Refreshed struct {
	store.ItemList
	LeftOut int
}

// RefreshItems asks the service to re-read QuickBooks' items, waits for it,
// and replaces the profile's stored item list with the result in one
// transaction: if anything fails, the stored list stays as it was.
// progress hears the service's refresh states.
func (s *Service) RefreshItems(ctx context.Context, profile string, c settings.Change, progress func(state string)) (Refreshed, []settings.FieldError, error) {
	ss, errs, err := s.openSession(ctx, profile, c, RefreshTimeout)
	if err != nil || len(errs) > 0 {
		return Refreshed{}, errs, err
	}
	defer ss.close()
	// The list is the open company file's: it must be the settings' file.
	if _, err := s.companyFile(ss); err != nil {
		return Refreshed{}, nil, s.refreshFailure(profile, err)
	}
	list, err := s.refreshWith(ss.ctx, profile, ss.client, progress)
	return list, nil, err
}

// refreshWith refreshes and stores the item list through a client whose
// company file was already checked.
func (s *Service) refreshWith(ctx context.Context, profile string, client *quickbooks.Client, progress func(state string)) (Refreshed, error) {
	etag, err := s.storedETag(ctx, profile)
	if err != nil {
		return Refreshed{}, err
	}
	items, err := client.RefreshAndList(ctx, refreshPoll, etag, func(st serviceapi.RefreshStatus) {
		if progress != nil {
			progress(st.State)
		}
	})
	if err != nil {
		return Refreshed{}, s.refreshFailure(profile, err)
	}
	return s.storeItems(ctx, profile, items)
}

// listWith reads and stores the service's item list as it is, without a
// refresh: the service's list was read from QuickBooks, and has since
// gained only what the service made there.
func (s *Service) listWith(ctx context.Context, profile string, client *quickbooks.Client) (Refreshed, error) {
	etag, err := s.storedETag(ctx, profile)
	if err != nil {
		return Refreshed{}, err
	}
	items, err := client.ItemsSince(ctx, etag)
	if err != nil {
		return Refreshed{}, s.refreshFailure(profile, err)
	}
	return s.storeItems(ctx, profile, items)
}

// storedETag is the service's version of the profile's stored list, to
// ask the service whether its list changed since.
func (s *Service) storedETag(ctx context.Context, profile string) (string, error) {
	list, err := s.store.ItemListSummary(ctx, profile)
	if err != nil {
		return "", s.storeFailure(reading, err)
	}
	return list.ServiceETag, nil
}

// storeItems replaces the profile's stored list with what was read, or,
// when the service's list was unchanged, records that the stored one is
// current.
func (s *Service) storeItems(ctx context.Context, profile string, read quickbooks.ItemList) (Refreshed, error) {
	now := s.now().UTC()
	if read.Unchanged {
		if err := s.store.ConfirmItems(ctx, profile, now); err != nil {
			return Refreshed{}, s.storeFailure(writing, err)
		}
		s.log.Info("item list unchanged on the service", "profile", profile)
		stored, err := s.items(ctx, profile)
		if err != nil {
			return Refreshed{}, s.storeFailure(reading, err)
		}
		return Refreshed{ItemList: stored}, nil
	}
	items := make([]settings.Item, len(read.Items))
	for i, it := range read.Items {
		items[i] = settings.Item{ListID: it.ListID, FullName: it.FullName, Type: it.Type, IsActive: it.IsActive}
	}
	if err := s.store.ReplaceItems(ctx, profile, items, now, read.ETag); err != nil {
		return Refreshed{}, s.storeFailure(writing, err)
	}
	if read.LeftOut > 0 {
		s.log.Warn("items the service sent that QuickBooks could not have were left out", "profile", profile, "leftOut", read.LeftOut)
	}
	s.log.Info("item list refreshed", "profile", profile, "items", len(read.Items))
	stored, err := s.items(ctx, profile)
	if err != nil {
		return Refreshed{}, s.storeFailure(reading, err)
	}
	return Refreshed{ItemList: stored, LeftOut: read.LeftOut}, nil
}

// refreshFailure explains a refresh that failed; the stored list stays,
// which the user is told unless the service's words say so already.
func (s *Service) refreshFailure(profile string, err error) error {
	outcome := listNotChanged
	if qe, ok := asServiceError(err); ok && (qe.Kind == quickbooks.KindRefreshFailed || qe.Kind == quickbooks.KindCanceled || qe.Kind == quickbooks.KindRefreshPending) {
		outcome = locale.Phrase{}
	}
	return s.explain(profile, err, outcome, "item list refresh failed")
}
