package records

import (
	"context"
	"errors"
	"strings"

	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// PurchaseLine is a purchase order line of a Procore commitment's (or
// change order's) item: on the item of its cost code (costCodeOrigin), of
// total, else amount, for job; the outcome instead when QuickBooks could
// not be given it (a cost code not synced, an amount it cannot hold, a
// description beyond its limit).
func PurchaseLine(costCodeOrigin string, total, amount Amount, description, job string) (qbxml.PurchaseOrderLine, *Outcome) {
	fail := func(problem, field string, limit int) (qbxml.PurchaseOrderLine, *Outcome) {
		return qbxml.PurchaseOrderLine{}, EndsWith(problem, serviceapi.ActivityResult{Field: field, Limit: limit})
	}
	listID := ItemOfCostCode(costCodeOrigin)
	if listID == "" {
		return fail(serviceapi.ActivityNotLinked, "costCode", 0)
	}
	if total == "" {
		total = amount
	}
	money, err := total.Money()
	if errors.Is(err, qbxml.ErrNotMoney) {
		return fail(serviceapi.ActivityInvalidRecord, "amount", 0)
	}
	line := qbxml.PurchaseOrderLine{ItemListID: listID, Desc: Text(description), Amount: money, CustomerListID: job}
	var tooLong *qbxml.TooLongError
	if errors.As(qbxml.CheckLimits(qbxml.Limit{Element: "Desc", Value: line.Desc, Max: qbxml.MaxDescription}), &tooLong) {
		return fail(serviceapi.ActivityInvalidRecord, "description", tooLong.Limit)
	}
	return line, nil
}

// FirstOf is the first of values that is not blank, trimmed; "" for none
// (a job's ListID from the request, else from its project).
func FirstOf(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// PurchaseOrdersOff is the outcome of a purchase order asked of a company
// file whose Inventory and purchase orders preference QuickBooks said is
// off; nil when it is on or not said yet (QuickBooks then says it itself).
func PurchaseOrdersOff(ctx context.Context, env Env) (*Outcome, error) {
	return preferenceOff(ctx, env, "purchaseOrders", func(c servicedb.Connector) servicedb.Preference { return c.Inventory })
}

// EstimatesOff is the same of an estimate and the estimates preference.
func EstimatesOff(ctx context.Context, env Env) (*Outcome, error) {
	return preferenceOff(ctx, env, "estimates", func(c servicedb.Connector) servicedb.Preference { return c.Estimates })
}

// preferenceOff is the outcome of a record that needs the preference
// field (of QuickBooks' last word, as pick reads it) when it is off.
func preferenceOff(ctx context.Context, env Env, field string, pick func(servicedb.Connector) servicedb.Preference) (*Outcome, error) {
	conn, err := env.DB.Connector(ctx)
	if err != nil || pick(conn) != servicedb.PreferenceOff {
		return nil, err
	}
	return EndsWith(serviceapi.ActivityPreferenceOff, serviceapi.ActivityResult{Field: field}), nil
}
