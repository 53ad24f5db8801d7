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
			msg := saidRefreshFailed.With()
			if st.Message != "" {
				msg = saidRefreshSaid.With(st.Message)
			}
			return nil, &Error{Kind: KindRefreshFailed, Said: msg, Detail: "refresh " + id + " failed"}
		}
		select {
		case <-ctx.Done():
			return nil, c.transportError(ctx.Err())
		case <-time.After(poll):
		}
	}
}
