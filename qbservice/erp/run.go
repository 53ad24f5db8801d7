package erp

import (
	"context"
	"errors"
	"time"

	"qbsettings/qbservice/procore"
)

// wakeup is how the receiver tells Run that an event came.
func (c *Connection) wakeup() chan struct{} {
	c.wakeOnce.Do(func() { c.wake = make(chan struct{}, 1) })
	return c.wake
}

// Nudge asks Run for a round now rather than at its next turn.
func (c *Connection) Nudge() {
	select {
	case c.wakeup() <- struct{}{}:
	default:
	}
}

// Run keeps the connection's work going until ctx ends: what the service
// needs in Procore is registered, then every `every` (and at once when
// the receiver took an event) the deliveries are polled and the requests
// worked. A round that fails is logged, once for each new way it fails,
// and the next tries again.
func (c *Connection) Run(ctx context.Context, every time.Duration, publicURL string) {
	last := ""
	var polled time.Time
	for {
		// A round woken by the receiver (an event it took) or by the end
		// of a job reads the deliveries only when the last read is
		// `every` old: a project's invoices end hundreds of jobs in a
		// row, and each would read them again for nothing new.
		poll := time.Since(polled) >= every
		if poll {
			polled = time.Now()
		}
		err := c.round(ctx, publicURL, poll)
		c.recordRound(ctx, err)
		var why string
		if err != nil && !errors.Is(err, ErrNotConnected) && ctx.Err() == nil {
			why = err.Error()
		}
		if why != last && why != "" {
			c.log().Warn("Procore's work did not go through; it is tried again", "err", err)
		} else if why != last {
			c.log().Info("Procore's work goes through again")
		}
		last = why
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		case <-c.wakeup():
		}
	}
}

// Round is one turn of Run: register if not yet, poll, work; what it
// found of the connection is kept, as a check's outcome.
func (c *Connection) Round(ctx context.Context, publicURL string) error {
	err := c.round(ctx, publicURL, true)
	c.recordRound(ctx, err)
	return err
}

func (c *Connection) round(ctx context.Context, publicURL string, poll bool) error {
	row, found, err := c.DB.ProcoreConnection(ctx)
	if err != nil || !found {
		return errors.Join(err, ErrNotConnected)
	}
	reg, _, err := c.DB.Registration(ctx, row.CompanyID)
	if err != nil {
		return err
	}
	s, err := c.settings(ctx)
	if err != nil {
		return err
	}
	metadata := Metadata(Handled(), s)
	if reg.HookID == 0 {
		if reg, err = c.Register(ctx, publicURL, metadata); err != nil {
			return err
		}
	}
	if err := c.followDestination(ctx, row.CompanyID, reg, Destination(publicURL)); err != nil {
		return err
	}
	if reg, _, err = c.DB.Registration(ctx, row.CompanyID); err != nil {
		return err
	}
	if err := c.followMetadata(ctx, row.CompanyID, reg, metadata); err != nil {
		return err
	}
	if poll {
		if _, err := c.Poll(ctx); err != nil {
			return err
		}
	}
	return c.Work(ctx)
}

// recordRound keeps what a round found of the connection, as a check
// does: signed in (no problem), or Procore's refusal; so the app's
// checklist follows the service's work, not only its tests. A round that
// failed for another reason (the database, the service stopping) records
// nothing.
func (c *Connection) recordRound(ctx context.Context, err error) {
	var pe *procore.Error
	problem := ""
	switch {
	case err == nil:
	case errors.As(err, &pe):
		problem = string(pe.Kind)
	case errors.Is(err, errSecretMissing):
		problem = ProblemSecretMissing
	default:
		return
	}
	row, found, rerr := c.DB.ProcoreConnection(ctx)
	if rerr == nil && found {
		rerr = c.DB.RecordProcoreCheck(ctx, row.CompanyID, row.ClientID, row.CompanyName, problem, c.now())
	}
	if rerr != nil && ctx.Err() == nil {
		c.log().Warn("a round's outcome was not recorded", "err", rerr)
	}
}
