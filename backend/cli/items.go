package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// ItemsJSON is what items list --json and items refresh --json print.
type ItemsJSON struct {
	RefreshedAt *time.Time `json:"refreshedAt"`
	Items       []ItemJSON `json:"items"`
}

// ItemJSON is one QuickBooks item.
type ItemJSON struct {
	ListID   string `json:"listId"`
	FullName string `json:"fullName"`
	Type     string `json:"type"`
	IsActive bool   `json:"isActive"`
}

// progressWords says a refresh's state while it runs.
var progressWords = map[string]locale.Key{
	"queued":  locale.Message("qbsettings: waiting for the QuickBooks service…"),
	"running": locale.Message("qbsettings: QuickBooks is reading its item list…"),
	"done":    locale.Message("qbsettings: loading the items…"),
}

func itemsRefresh(ctx context.Context, c *call) int {
	_, ch, code := c.change(ctx)
	if code != OK {
		return code
	}
	last := ""
	progress := func(state string) {
		if c.StderrIsTerminal && state != last && progressWords[state] != "" {
			fmt.Fprintln(c.Stderr, progressWords[state].Text())
		}
		last = state
	}
	list, errs, err := c.b.Service.RefreshItems(ctx, c.profile, ch, progress)
	if err != nil {
		return c.failAt(err, ch.Settings.ServiceURL)
	}
	if len(errs) > 0 {
		c.printFieldErrors(errs)
		locale.Fprintf(c.Stderr, "The item list was not refreshed.\n")
		return Failed
	}
	if c.json {
		return printJSON(c, itemsJSON(list, list.Items))
	}
	locale.Fprintf(c.Stdout, "The item list was refreshed from QuickBooks: %d items.\n", len(list.Items))
	return OK
}

func itemsList(ctx context.Context, c *call) int {
	if len(c.args) != 0 {
		return c.misused(locale.T("items list takes no arguments (search with --search TEXT)"))
	}
	st, err := c.b.Service.Load(ctx, c.profile)
	if err != nil {
		return c.fail(err)
	}
	var shown []settings.Item
	for _, it := range st.Items.Items {
		if strings.Contains(strings.ToLower(it.FullName), strings.ToLower(c.search)) {
			shown = append(shown, it)
		}
	}
	if c.json {
		return printJSON(c, itemsJSON(st.Items, shown))
	}
	if st.Items.RefreshedAt.IsZero() {
		locale.Fprintf(c.Stderr, "qbsettings: the item list was never read from QuickBooks. Run qbsettings items refresh first.\n")
		return OK
	}
	for _, it := range shown {
		state := locale.T("active")
		if !it.IsActive {
			state = locale.T("inactive")
		}
		fmt.Fprintf(c.Stdout, "%s\t%s\t%s\t%s\n", it.ListID, it.FullName, it.Type, state)
	}
	return OK
}

func itemsJSON(list store.ItemList, items []settings.Item) ItemsJSON {
	out := ItemsJSON{Items: []ItemJSON{}}
	if !list.RefreshedAt.IsZero() {
		out.RefreshedAt = &list.RefreshedAt
	}
	for _, it := range items {
		out.Items = append(out.Items, ItemJSON{it.ListID, it.FullName, it.Type, it.IsActive})
	}
	return out
}

func itemsCreate(ctx context.Context, c *call) int {
	if len(c.args) == 0 || strings.Contains(c.args[0], "=") {
		return c.misused(locale.T("items create needs the new item's NAME first, for example \"Retainage Payable\""))
	}
	name := c.args[0]
	c.args = c.args[1:]
	_, ch, code := c.change(ctx)
	if code != OK {
		return code
	}
	it, list, errs, err := c.b.Service.CreateRetainageItem(ctx, c.profile, ch, name)
	if err != nil {
		return c.failAt(err, ch.Settings.ServiceURL)
	}
	if len(errs) > 0 {
		c.printFieldErrors(errs)
		locale.Fprintf(c.Stderr, "Nothing was created.\n")
		return Failed
	}
	if c.json {
		return printJSON(c, ItemJSON{it.ListID, it.FullName, it.Type, it.IsActive})
	}
	locale.Fprintf(c.Stdout, "Created the Service item %q in QuickBooks (ListID %s); the item list was refreshed (%d items).\n",
		it.FullName, it.ListID, len(list.Items))
	locale.Fprintf(c.Stdout, "To choose it: qbsettings settings set \"retainageItem=%s\"\n", it.FullName)
	return OK
}
