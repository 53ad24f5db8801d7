package procore

import (
	"context"
	"net/http"
)

// Company is a Procore company as GET /rest/v1.0/companies lists it.
type Company struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	IsActive bool   `json:"is_active"`
}

// Company signs in and reads the client's company as Procore names it:
// what a connection test shows. A company the account cannot reach is
// KindNotAllowed (the app is not installed in it, or the ID is another's).
func (c *Client) Company(ctx context.Context) (Company, error) {
	var found *Company
	err := List(ctx, c, "/rest/v1.0/companies", func(page []Company) error {
		for i := range page {
			if page[i].ID == c.creds.CompanyID {
				found = &page[i]
			}
		}
		return nil
	})
	if err != nil {
		return Company{}, err
	}
	if found == nil {
		return Company{}, &Error{Kind: KindNotAllowed, Method: http.MethodGet, Path: "/rest/v1.0/companies", Status: http.StatusOK, Detail: "the company is not among the account's"}
	}
	return *found, nil
}
