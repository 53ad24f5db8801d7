package erp

import (
	"context"

	"qbsettings/qbservice/procore"
)

// listDeliveries reads a hook's deliveries, page by page.
func listDeliveries(ctx context.Context, client *procore.Client, hook, company int64, each func([]Delivery) error) error {
	return procore.List(ctx, client, deliveriesPath(hook, company), each)
}
