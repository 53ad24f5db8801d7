package quickbooks

import (
	"context"
	"errors"
	"time"

	"qbsettings/serviceapi"
)

// RefreshAndList asks the service to re-read its lists from QuickBooks,
// follows the refresh until it is done, then returns the whole item list,
// or that it is unchanged since etag (when not ""). progress, if not nil,
// hears each state the service reports.
func (c *Client) RefreshAndList(ctx context.Context, poll time.Duration, etag string, progress func(serviceapi.RefreshStatus)) (ItemList, error) {
	id, err := c.StartRefresh(ctx)
	if err != nil {
		return ItemList{}, err
	}
	last, watch := serviceapi.RefreshQueued, c.watchQuiet()
	for {
		st, err := c.RefreshState(ctx, id)
		if err != nil {
			return ItemList{}, stillQueued(ctx, last, id, err)
		}
		last = st.State
		if progress != nil {
			progress(st)
		}
		switch {
		case st.State == serviceapi.RefreshQueued && st.QuickBooks != nil:
			return ItemList{}, heldBackError(KindRefreshPending, "refresh "+id, st.QuickBooks, saidRefreshHeldBack)
		case st.State == serviceapi.RefreshQueued:
			if why := watch.quiet(ctx); why != nil {
				return ItemList{}, quietError(KindRefreshPending, "refresh "+id, why, saidRefreshHeldBack)
			}
		case st.State == serviceapi.RefreshDone:
			return c.ItemsSince(ctx, etag)
		case st.State == serviceapi.RefreshFailed:
			msg := saidRefreshFailed.With()
			if st.Message != "" {
				msg = saidRefreshSaid.With(st.Message)
			}
			return ItemList{}, &Error{Kind: KindRefreshFailed, Said: msg, Detail: "refresh " + id + " failed"}
		}
		select {
		case <-ctx.Done():
			return ItemList{}, stillQueued(ctx, last, id, c.transportError(ctx.Err()))
		case <-time.After(poll):
		}
	}
}

// stillQueued is why a refresh ended: when the wait ran out while the
// service still had it queued, that QuickBooks has not been reached (the
// Web Connector has not called), or, running, that QuickBooks is still
// sending the list; not that the service did not answer. Otherwise err.
func stillQueued(ctx context.Context, state, id string, err error) error {
	if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return err
	}
	switch state {
	case serviceapi.RefreshQueued:
		return newError(KindRefreshPending, "refresh "+id+" still queued when the wait ended", saidRefreshPending.With())
	case serviceapi.RefreshRunning:
		return newError(KindRefreshPending, "refresh "+id+" still running when the wait ended", saidRefreshStillRunning.With())
	}
	return err
}
