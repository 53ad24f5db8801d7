package appservice

import (
	"context"
	"sync"

	"qbsettings/backend/store"
)

// itemCache holds the last item list read, for one profile: the form asks
// for its checks as the user types, and a 20,000-item list takes tens of
// milliseconds to read. The list's version (one row) says whether it is
// still current, whoever replaced it (this window, the command line).
type itemCache struct {
	mu      sync.Mutex
	profile string
	list    store.ItemList
	held    bool
	// index is the list in the picker's order (itemsearch.go), made the
	// first time the picker asks after the list changed.
	index *ItemIndex
}

// items is the profile's stored item list, read again only when its
// version changed.
func (s *Service) items(ctx context.Context, profile string) (store.ItemList, error) {
	version, err := s.store.ItemListVersion(ctx, profile)
	if err != nil {
		return store.ItemList{}, err
	}
	c := &s.itemCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held && c.profile == profile && c.list.Version == version {
		return c.list, nil
	}
	list, err := s.store.Items(ctx, profile)
	if err != nil {
		return store.ItemList{}, err
	}
	c.profile, c.list, c.held, c.index = profile, list, true, nil
	return list, nil
}

// Items is the profile's whole stored item list, for the command line.
func (s *Service) Items(ctx context.Context, profile string) (store.ItemList, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return store.ItemList{}, err
	}
	list, err := s.items(ctx, profile)
	if err != nil {
		return store.ItemList{}, s.storeFailure(reading, err)
	}
	return list, nil
}
