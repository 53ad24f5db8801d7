package cli

import (
	"context"
	"fmt"
	"time"

	"qbsettings/backend/quickbooks"
)

// ConnectionJSON is what connection test --json prints.
type ConnectionJSON struct {
	Connected bool      `json:"connected"`
	CheckedAt time.Time `json:"checkedAt"`
	// Kind sorts a failure (quickbooks.Kind), empty when connected.
	Kind quickbooks.Kind `json:"kind,omitempty"`
	// Message is the outcome in words: the company file, or what failed
	// and what to do.
	Message     string           `json:"message"`
	Certificate *CertificateJSON `json:"certificate,omitempty"`
}

func connectionTest(ctx context.Context, c *call) int {
	_, ch, code := c.change(ctx)
	if code != OK {
		return code
	}
	res, errs, err := c.b.Service.TestConnection(ctx, c.profile, ch)
	if err != nil {
		return c.failAt(err, ch.Settings.ServiceURL)
	}
	if len(errs) > 0 {
		c.printFieldErrors(errs)
		return Failed
	}
	message := res.Status.Detail
	if !res.Status.Connected {
		message = serviceProblem(&quickbooks.Error{Kind: res.Kind, Message: res.Status.Detail, Certificate: res.Certificate}, ch.Settings.ServiceURL)
	}
	if c.json {
		out := ConnectionJSON{Connected: res.Status.Connected, CheckedAt: res.Status.CheckedAt, Kind: res.Kind, Message: message}
		if res.Certificate != nil {
			out.Certificate = certificateJSON(quickbooks.Presented{Certificate: res.Certificate}, ch.Settings.ServiceURL)
		}
		if code := printJSON(c, out); code != OK {
			return code
		}
	} else if res.Status.Connected {
		fmt.Fprintf(c.Stdout, "Connected. %s\n", message)
	} else {
		fmt.Fprintf(c.Stdout, "Not Connected. %s\n", message)
	}
	if !res.Status.Connected {
		return Failed
	}
	return OK
}
