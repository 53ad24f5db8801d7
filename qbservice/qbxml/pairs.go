package qbxml

// PairByItem pairs the lines wanted with the lines a transaction has, by
// item: the k-th wanted on an item takes the k-th had on it, in order.
// So a change that names each had line and adds the wanted ones left
// over is read back the same way. It returns, for each wanted line, the
// index of its had line, or -1 for none.
func PairByItem(had, wanted []string) []int {
	onItem := map[string][]int{}
	for i, item := range had {
		onItem[item] = append(onItem[item], i)
	}
	out := make([]int, len(wanted))
	for j, item := range wanted {
		out[j] = -1
		if free := onItem[item]; len(free) > 0 {
			out[j], onItem[item] = free[0], free[1:]
		}
	}
	return out
}

// LineItems are the ListIDs of the items of t's lines, in order.
func (t Txn) LineItems() []string {
	out := make([]string, len(t.Lines))
	for i, l := range t.Lines {
		out[i] = l.ItemListID
	}
	return out
}
