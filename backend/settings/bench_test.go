package settings

import (
	"fmt"
	"testing"
)

// Validate runs on every pause in typing, against the whole item list.
func BenchmarkValidate20000Items(b *testing.B) {
	list := make([]Item, 20000)
	for i := range list {
		list[i] = Item{ListID: fmt.Sprintf("id-%d", i), FullName: fmt.Sprintf("Cost Code %d", i), Type: "Service", IsActive: true}
	}
	c := valid()
	c.Settings.RetainageItem = ItemRef{ListID: list[len(list)-1].ListID, FullName: list[len(list)-1].FullName}
	known := Known{}.WithItems(list, c.Settings.RetainageItem)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if errs := Validate(c, known); len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}
