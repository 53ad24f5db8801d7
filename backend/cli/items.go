package cli

import (
	"context"
	"flag"
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
	// LeftOut (items refresh): items the service sent that QuickBooks
	// could not have, left out of the list.
	LeftOut int `json:"leftOut,omitempty"`
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

type itemsRefresh struct {
	valuesInput
	jsonOption
}

func (in *itemsRefresh) declare(fs *flag.FlagSet) {
	in.valuesInput.declare(fs)
	in.jsonOption.declare(fs)
}

func (in *itemsRefresh) run(ctx context.Context, c *call) error {
	_, ch, err := in.change(ctx, c, c.args)
	if err != nil {
		return err
	}
	last := ""
	progress := func(state string) {
		if c.StderrIsTerminal && state != last && progressWords[state] != "" {
			fmt.Fprintln(c.Stderr, progressWords[state].Text())
		}
		last = state
	}
	list, errs, err := c.b.Service.RefreshItems(ctx, in.profile, ch, progress)
	if err != nil {
		return atService(err, ch.Settings.ServiceURL)
	}
	if len(errs) > 0 {
		return c.refused(errs, locale.T("The item list was not refreshed."))
	}
	if list.LeftOut > 0 {
		locale.Fprintf(c.Stderr, "%d items the QuickBooks service sent are not ones QuickBooks could have (an ID or name too long, or a hidden character), so they were left out of the list. Refresh it again; if it recurs, restart the QuickBooks service.\n", list.LeftOut)
	}
	if in.json {
		out := itemsJSON(list.ItemList, list.Items)
		out.LeftOut = list.LeftOut
		return c.printJSON(out)
	}
	locale.Fprintf(c.Stdout, "The item list was refreshed from QuickBooks: %d items.\n", len(list.Items))
	return nil
}

type itemsList struct {
	profileOption
	jsonOption
	search string
}

func (in *itemsList) declare(fs *flag.FlagSet) {
	in.profileOption.declare(fs)
	in.jsonOption.declare(fs)
	fs.StringVar(&in.search, "search", "", "only items whose name contains TEXT")
}

func (in *itemsList) run(ctx context.Context, c *call) error {
	if len(c.args) != 0 {
		return misused(locale.T("items list takes no arguments (search with --search TEXT)"))
	}
	list, err := c.b.Service.Items(ctx, in.profile)
	if err != nil {
		return err
	}
	var shown []settings.Item
	for _, it := range list.Items {
		if strings.Contains(strings.ToLower(it.FullName), strings.ToLower(in.search)) {
			shown = append(shown, it)
		}
	}
	if in.json {
		return c.printJSON(itemsJSON(list, shown))
	}
	if list.RefreshedAt.IsZero() {
		locale.Fprintf(c.Stderr, "qbsettings: the item list was never read from QuickBooks. Run qbsettings items refresh first.\n")
		return nil
	}
	for _, it := range shown {
		state := locale.T("active")
		if !it.IsActive {
			state = locale.T("inactive")
		}
		fmt.Fprintf(c.Stdout, "%s\t%s\t%s\t%s\n", it.ListID, it.FullName, it.Type, state)
	}
	return nil
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

type itemsCreate struct {
	valuesInput
	jsonOption
}

func (in *itemsCreate) declare(fs *flag.FlagSet) {
	in.valuesInput.declare(fs)
	in.jsonOption.declare(fs)
}

func (in *itemsCreate) run(ctx context.Context, c *call) error {
	if len(c.args) == 0 || strings.Contains(c.args[0], "=") {
		return misused(locale.T("items create needs the new item's NAME first, for example \"Retainage Payable\""))
	}
	name := c.args[0]
	_, ch, err := in.change(ctx, c, c.args[1:])
	if err != nil {
		return err
	}
	it, list, errs, err := c.b.Service.CreateRetainageItem(ctx, in.profile, ch, name)
	if err != nil {
		return atService(err, ch.Settings.ServiceURL)
	}
	if len(errs) > 0 {
		return c.refused(errs, locale.T("Nothing was created."))
	}
	if in.json {
		return c.printJSON(ItemJSON{it.ListID, it.FullName, it.Type, it.IsActive})
	}
	locale.Fprintf(c.Stdout, "Created the Service item %q in QuickBooks (ListID %s); the item list on this computer was updated (%d items).\n",
		it.FullName, it.ListID, len(list.Items))
	locale.Fprintf(c.Stdout, "To choose it: qbsettings settings set \"retainageItem=%s\"\n", it.FullName)
	return nil
}
