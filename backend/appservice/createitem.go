package appservice

import (
	"context"
	"errors"

	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// RetainageItemName is the name the help article gives the retainage item.
const RetainageItemName = "Retainage Payable"

// retainageItemDescription describes the item in QuickBooks.
var retainageItemDescription = locale.Message("Retainage held on subcontractor invoices (created by QuickBooks Integration Settings)")

// noCreateMessage is what to do when the service cannot create items: the
// help article's step.

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
	case !health.Can(quickbooks.CapabilityItemsCreate):
		return none, store.ItemList{}, nil, &UserError{Said: saidNoCreate.With(), Cause: errors.New("no items.create capability")}
	}
	created, err := ss.client.CreateItem(ss.ctx, quickbooks.NewItem{Type: "Service", Name: name, Description: retainageItemDescription.Text()})
	if err != nil {
		return none, store.ItemList{}, nil, s.explain(profile, err, nothingCreated, "item not created")
	}
	s.log.Info("item created in QuickBooks", "profile", profile, "listId", created.ListID)
	// The same client, whose company file was checked above.
	rctx, rcancel := context.WithTimeout(ctx, RefreshTimeout)
	defer rcancel()
	list, err := s.refreshWith(rctx, profile, ss.client, nil)
	if err != nil {
		return none, list, nil, err
	}
	return settings.Item{ListID: created.ListID, FullName: created.FullName, Type: created.Type, IsActive: created.IsActive}, list, nil, nil
}
