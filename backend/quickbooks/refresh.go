package quickbooks

import (
	"context"
	"time"
)

// RefreshAndList asks the service to re-read its lists from QuickBooks,
// follows the refresh until it is done, then returns the whole item list.
// progress, if not nil, hears each state the service reports.
func (c *Client) RefreshAndList(ctx context.Context, poll time.Duration, progress func(RefreshStatus)) ([]Item, error) {
	id, err := c.StartRefresh(ctx)
	if err != nil {
		return nil, err
	}
	for {
		st, err := c.RefreshState(ctx, id)
		if err != nil {
			return nil, err
		}
		if progress != nil {
			progress(st)
		}
		switch st.State {
		case RefreshDone:
			return c.Items(ctx)
		case RefreshFailed:
			msg := st.Message
			if msg == "" {
				msg = "The QuickBooks service could not read the item list from QuickBooks."
			}
			return nil, &Error{Kind: KindRefreshFailed, Message: msg + " The stored list was not changed.", Detail: "refresh " + id + " failed"}
		}
		select {
		case <-ctx.Done():
			return nil, c.transportError(ctx.Err())
		case <-time.After(poll):
		}
	}
}
