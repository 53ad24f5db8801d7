package settings

// Item is a QuickBooks item that can be chosen as the Invoice Retainage Item.
type Item struct {
	ListID   string
	FullName string // unique; colon-separated for sub-items ("Parent:Child")
	Type     string // QuickBooks item type: Service, OtherCharge, NonInventory, …
	IsActive bool
}

// findItem returns the item with the given ListID, if the list has it.
func findItem(items []Item, listID string) (Item, bool) {
	for _, it := range items {
		if it.ListID == listID {
			return it, true
		}
	}
	return Item{}, false
}
