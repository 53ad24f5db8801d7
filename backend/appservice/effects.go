package appservice

import (
	"context"
	"errors"
	"slices"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/syncrules"
)

// SettingEffect is what a setting, as the form has it now, does to the
// next sync: one line beside it, worded from the rule's own code run on
// an example (syncrules), and whether the profile's QuickBooks service
// applies it today (Applied) or keeps it for work it does not do yet
// (Pending says so).
type SettingEffect struct {
	Field   settings.Field
	Said    locale.Said
	Applied bool
	Pending locale.Said
}

var (
	saidEffectContractNumber    = locale.Coded("effect.contractNumber", "A commitment exported without a QuickBooks ID: contract %s becomes PO %s. An ID typed at export wins.")
	saidEffectContractNumberCut = locale.Coded("effect.contractNumberCut", "A commitment exported without a QuickBooks ID: contract %s becomes PO %s (QuickBooks keeps %d characters). An ID typed at export wins.")
	saidEffectNeedsID           = locale.Coded("effect.needsQuickBooksId", "A commitment exported without a QuickBooks ID is refused, and nothing is written to QuickBooks. An ID typed at export becomes the PO number.")
	saidEffectAutoAddOn         = locale.Coded("effect.autoAddOn", "At each cost-code refresh, a cost code new in QuickBooks becomes a budget line item of 0.00 on each QuickBooks-integrated project that lacks it; never on a project not synced.")
	saidEffectAutoAddOff        = locale.Coded("effect.autoAddOff", "At each cost-code refresh, a cost code new in QuickBooks joins the standard list only, not project budgets.")
	saidEffectReadOnly          = locale.Coded("effect.directCostReadOnly", "Every two hours, each synced project's job costs come from QuickBooks (bills, checks, card charges and item receipts coded to its job and a synced cost code), and the project asks for them in the Budget's Direct Cost column.")
	saidEffectEditable          = locale.Coded("effect.directCostEditable", "Procore's Direct Costs tool fills the Direct Cost column; QuickBooks' job costs still come every two hours, in their own columns.")
	saidEffectHideOn            = locale.Coded("effect.hideOn", "Job-to-date costs are left out of the job-cost sync, and their column is hidden on the Budget.")
	saidEffectHideOff           = locale.Coded("effect.hideOff", "Job-to-date costs from QuickBooks are shown in their column on the Budget.")
	saidEffectHideReadOnly      = locale.Coded("effect.hideReadOnly", "Applies only while the Direct Cost column is editable.")
	saidEffectVendorsAutomatic  = locale.Coded("effect.vendorsAutomatic", "Refresh Vendors List: a vendor changed in QuickBooks is updated in Procore. New vendors are staged either way.")
	saidEffectVendorsNone       = locale.Coded("effect.vendorsNone", "Refresh Vendors List: a vendor changed in QuickBooks stays as it was in Procore. New vendors are still staged.")
	saidEffectRetainage         = locale.Coded("effect.retainage", "A subcontractor invoice holding %s of retainage gets a line of %s on %s; retainage released, a positive line.")
	saidEffectNoRetainage       = locale.Coded("effect.noRetainage", "Subcontractor invoices are refused until an Invoice Retainage Item is chosen.")

	saidEffectNoSync     = locale.Coded("effect.noSync", "Takes effect once the QuickBooks service runs the sync with Procore.")
	saidEffectNotDoneYet = locale.Coded("effect.notDoneYet", "The QuickBooks service does not do this yet; the setting is kept until it does.")
)

// Effects are what each of the sync's settings in values does to the
// next sync, in the form's order, for the profile's QuickBooks service.
func (s *Service) Effects(ctx context.Context, profile string, values settings.Settings) ([]SettingEffect, error) {
	if err := s.requireProfile(ctx, profile); err != nil {
		return nil, err
	}
	record, err := s.store.ServiceSync(ctx, profile)
	if err != nil {
		return nil, s.storeFailure(reading, err)
	}
	values = settings.Normalize(values)
	var out []SettingEffect
	for _, f := range settings.Fields() {
		said, ok := effectOf(f, values)
		if !ok {
			continue
		}
		e := SettingEffect{Field: f, Said: said, Applied: record.RunsSync && slices.Contains(record.Applies, string(f))}
		switch {
		case e.Applied:
		case !record.RunsSync:
			e.Pending = saidEffectNoSync.With()
		default:
			e.Pending = saidEffectNotDoneYet.With()
		}
		out = append(out, e)
	}
	return out, nil
}

// effectOf words what setting f, as v has it, does; ok is false for a
// setting that is not one of the sync's rules.
func effectOf(f settings.Field, v settings.Settings) (locale.Said, bool) {
	switch f {
	case settings.FieldUseProcoreContractNumber:
		rule, err := syncrules.PONumber("", syncrules.ExampleContractNumber, v.UseProcoreContractNumber)
		switch {
		case errors.Is(err, syncrules.ErrNoQuickBooksID):
			return saidEffectNeedsID.With(), true
		case rule.Limit > 0:
			return saidEffectContractNumberCut.With(rule.From, rule.To, rule.Limit), true
		}
		return saidEffectContractNumber.With(rule.From, rule.To), true
	case settings.FieldAutoAddNewCostCodes:
		return pick(v.AutoAddNewCostCodes, saidEffectAutoAddOn, saidEffectAutoAddOff), true
	case settings.FieldDirectCostColumn:
		rule := syncrules.DirectCostsOf(v.DirectCostColumn, v.HideJobToDateCosts)
		return pick(rule.TransactionsImported, saidEffectReadOnly, saidEffectEditable), true
	case settings.FieldHideJobToDateCosts:
		if v.DirectCostColumn == settings.DirectCostReadOnly {
			return saidEffectHideReadOnly.With(), true
		}
		rule := syncrules.DirectCostsOf(v.DirectCostColumn, v.HideJobToDateCosts)
		return pick(!rule.JobToDateSent, saidEffectHideOn, saidEffectHideOff), true
	case settings.FieldVendorUpdates:
		return pick(v.VendorUpdates == settings.VendorUpdatesAutomatic, saidEffectVendorsAutomatic, saidEffectVendorsNone), true
	case settings.FieldRetainageItem:
		rules, err := syncrules.Retainage(v.RetainageItem, syncrules.ExampleRetainageCents, 0)
		if err != nil || len(rules) == 0 {
			return saidEffectNoRetainage.With(), true
		}
		return saidEffectRetainage.With(grouped(syncrules.Cents(syncrules.ExampleRetainageCents)), grouped(rules[0].To), rules[0].From), true
	case settings.FieldServiceURL, settings.FieldServiceUser, settings.FieldPassword:
		// How this computer reaches the service: no rule of the sync.
	}
	return locale.Said{}, false
}

func pick(on bool, yes, no locale.Phrase) locale.Said {
	if on {
		return yes.With()
	}
	return no.With()
}
