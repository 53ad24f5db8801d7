package appservice

import (
	"context"
	"errors"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/serviceapi"
)

// RetainageItemName is the name the help article gives the retainage item.
const RetainageItemName = "Retainage Payable"

// A queued create is followed every createPoll for CreateQueuedTimeout at
// most: a Web Connector's schedule is a minute or more.
const (
	CreateQueuedTimeout = 3 * time.Minute
	createPoll          = time.Second
)

// retainageItemDescription describes the item in QuickBooks.
var retainageItemDescription = locale.Message("Retainage held on subcontractor invoices (created by QuickBooks Integration Settings)")

// CreateRetainageItem creates a Service item named name in QuickBooks
// through the service (contract 1.1, capability items.create), in the
// company file the settings belong to, then refreshes the stored item list
// and returns the new item, for the form to choose. Nothing is created for
// a name QuickBooks would refuse, or in another company's file.
func (s *Service) CreateRetainageItem(ctx context.Context, profile string, c settings.Change, name string) (settings.Item, store.ItemList, []settings.FieldError, error) {
	var none settings.Item
	// The name is checked before anything else is touched.
	if problem := quickbooks.ItemNameProblem(name); !problem.IsZero() {
		return none, store.ItemList{}, nil, &UserError{Said: problem, Cause: errors.New("invalid item name")}
	}
	ss, errs, err := s.openSession(ctx, profile, c, ConnectionTimeout)
	if err != nil || len(errs) > 0 {
		return none, store.ItemList{}, errs, err
	}
	defer ss.close()
	health, err := s.companyFile(ss)
	switch {
	case err != nil:
		return none, store.ItemList{}, nil, s.explain(profile, err, nothingCreated, "item not created")
	case !serviceapi.CreatesItems(health.Capabilities):
		return none, store.ItemList{}, nil, &UserError{Said: saidNoCreate.With(), Cause: errors.New("no items.create capability")}
	}
	queued := health.Can(serviceapi.CapabilityItemsCreateQueued)
	cctx := ss.ctx
	if queued {
		// QuickBooks makes the item when the Web Connector next calls,
		// which may be minutes away.
		var cancel context.CancelFunc
		cctx, cancel = context.WithTimeout(ctx, CreateQueuedTimeout)
		defer cancel()
	}
	created, err := ss.client.CreateItem(cctx, serviceapi.NewItem{Type: "Service", Name: name, Description: retainageItemDescription.Text()}, createPoll)
	if err != nil {
		return none, store.ItemList{}, nil, s.explain(profile, err, createOutcome(err), "item not created")
	}
	s.log.Info("item created in QuickBooks", "profile", profile, "listId", created.ListID)
	// The same client, whose company file was checked above. A queued
	// create's item is in the service's list already; a refresh would
	// wait for the Web Connector once more.
	rctx, rcancel := context.WithTimeout(ctx, RefreshTimeout)
	defer rcancel()
	var list Refreshed
	if queued {
		list, err = s.listWith(rctx, profile, ss.client)
	} else {
		list, err = s.refreshWith(rctx, profile, ss.client, nil)
	}
	if err != nil {
		return none, list.ItemList, nil, err
	}
	return settings.Item{ListID: created.ListID, FullName: created.FullName, Type: created.Type, IsActive: created.IsActive}, list.ItemList, nil, nil
}

// createOutcome is what a failed create meant: nothing created, unless it
// is still queued (its words say so).
func createOutcome(err error) locale.Phrase {
	if qe, ok := asServiceError(err); ok && qe.Kind == quickbooks.KindCreatePending {
		return locale.Phrase{}
	}
	return nothingCreated
}
