package settings

// Item is a QuickBooks item that can be chosen as the Invoice Retainage Item.
type Item struct {
	ListID   string
	FullName string // unique; colon-separated for sub-items ("Parent:Child")
	Type     string // QuickBooks item type: Service, OtherCharge, NonInventory, …
	IsActive bool
}

// WithItems is k with what the rules need of a list held whole (the
// command line's, an import's, a test's), for the chosen item ref.
func (k Known) WithItems(items []Item, chosen ItemRef) Known {
	k.ItemCount, k.Chosen = len(items), nil
	for i := range items {
		if items[i].ListID == chosen.ListID {
			k.Chosen = &items[i]
			break
		}
	}
	return k
}
