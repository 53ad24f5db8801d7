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
var noCreateMessage = locale.Message("This QuickBooks service cannot create items. In QuickBooks, create a Service item (Lists > Item List > Item > New, type Service), for example \"Retainage Payable\", then refresh the list.")

// CreateRetainageItem creates a Service item named name in QuickBooks
// through the service (contract 1.1, capability items.create), in the
// company file the settings belong to, then refreshes the stored item list
// and returns the new item, for the form to choose. Nothing is created for
// a name QuickBooks would refuse, or in another company's file.
func (s *Service) CreateRetainageItem(ctx context.Context, profile string, c settings.Change, name string) (settings.Item, store.ItemList, []settings.FieldError, error) {
	var none settings.Item
	if err := s.requireProfile(ctx, profile); err != nil {
		return none, store.ItemList{}, nil, err
	}
	if problem := quickbooks.ItemNameProblem(name); problem != "" {
		return none, store.ItemList{}, nil, &UserError{Message: problem, Cause: errors.New("invalid item name")}
	}
	client, errs, err := s.client(ctx, profile, c)
	if err != nil || len(errs) > 0 {
		return none, store.ItemList{}, errs, err
	}
	defer client.Close()
	cctx, cancel := context.WithTimeout(ctx, ConnectionTimeout)
	defer cancel()
	health, err := client.Health(cctx)
	if err == nil {
		err = s.checkCompanyFile(cctx, profile, health)
	}
	var wrong *WrongCompanyFileError
	switch {
	case errors.As(err, &wrong):
		return none, store.ItemList{}, nil, &UserError{Message: locale.T("%s Nothing was created.", wrong.Message()), Cause: wrong}
	case err != nil:
		return none, store.ItemList{}, nil, s.createFailure(profile, err)
	case !health.Can(quickbooks.CapabilityItemsCreate):
		return none, store.ItemList{}, nil, &UserError{Message: noCreateMessage.Text(), Cause: errors.New("no items.create capability")}
	}
	created, err := client.CreateItem(cctx, quickbooks.NewItem{Type: "Service", Name: name, Description: retainageItemDescription.Text()})
	if err != nil {
		return none, store.ItemList{}, nil, s.createFailure(profile, err)
	}
	s.log.Info("item created in QuickBooks", "profile", profile, "listId", created.ListID)
	// The same client, whose company file was checked above.
	rctx, rcancel := context.WithTimeout(ctx, RefreshTimeout)
	defer rcancel()
	list, err := s.refreshWith(rctx, profile, client, nil)
	if err != nil {
		return none, list, nil, err
	}
	return settings.Item{ListID: created.ListID, FullName: created.FullName, Type: created.Type, IsActive: created.IsActive}, list, nil, nil
}

func (s *Service) createFailure(profile string, err error) error {
	if qe, ok := asServiceError(err); ok {
		s.log.Warn("item not created", "profile", profile, "kind", qe.Kind, "detail", qe.Detail)
		return &UserError{Message: locale.T("%s Nothing was created.", qe.Message), Cause: err}
	}
	return err
}
