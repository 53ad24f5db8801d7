package erp

import (
	"context"
	"errors"
	"fmt"

	"qbsettings/qbservice/servicedb"
)

// ErrOtherCompany: an event of another company than the connection's.
var ErrOtherCompany = errors.New("erp: an event of another company")

// see records ev, come via the poller or the receiver, for the
// connection's company: an ERP Request's creation becomes work, once,
// however many times and ways it came; any other event is left.
func (c *Connection) see(ctx context.Context, company int64, ev Event, via string) (newRequest bool, err error) {
	if ev.CompanyID != company {
		return false, fmt.Errorf("%w: %d, not %d", ErrOtherCompany, ev.CompanyID, company)
	}
	if !ev.IsERPRequest() {
		return false, nil
	}
	_, newRequest, err = c.DB.SeeEvent(ctx, ev.ID, ev.ResourceID, via, c.now())
	return newRequest, err
}

// Poll reads the deliveries of the connection's hook, every attempt
// Procore listed (successful, failing or discarded), and records each
// ERP Request they name. It needs no inbound connection: a service whose
// address Procore cannot reach sees every event this way, and a PC off
// for a weekend every event Procore still lists. It returns how many
// requests it saw for the first time.
func (c *Connection) Poll(ctx context.Context) (int, error) {
	client, row, err := c.clientAndRow(ctx)
	if err != nil {
		return 0, err
	}
	reg, _, err := c.DB.Registration(ctx, row.CompanyID)
	if err != nil || reg.HookID == 0 {
		return 0, err
	}
	seen := 0
	err = listDeliveries(ctx, client, reg.HookID, row.CompanyID, func(page []Delivery) error {
		for _, d := range page {
			ev, ok := d.deliveredEvent()
			if !ok {
				continue
			}
			isNew, err := c.see(ctx, row.CompanyID, ev, servicedb.ViaPoll)
			if errors.Is(err, ErrOtherCompany) {
				c.log().Warn("a delivery of another company's event was skipped", "event", ev.ID, "company", ev.CompanyID)
				continue
			}
			if err != nil {
				return err
			}
			if isNew {
				seen++
			}
		}
		return nil
	})
	if err != nil {
		return seen, err
	}
	return seen, c.DB.RecordPoll(ctx, c.now())
}
