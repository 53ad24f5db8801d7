package qbxml

import (
	"fmt"
	"testing"

	"qbsettings/internal/qbwcemu"
)

// pages are the answers to a refresh of n items a hundred at a time, as
// the emulated QuickBooks writes them: Service items (some sub-items) and
// Other Charge items, with descriptions, prices and accounts.
func pages(b *testing.B, n int) []string {
	b.Helper()
	items := make([]qbwcemu.Item, n)
	for i := range items {
		kind, name := "Service", fmt.Sprintf("%05d Cost code", i)
		full := name
		if i%10 == 9 {
			full = items[i-1].FullName + ":" + name
		}
		if i%10 == 0 {
			kind = "OtherCharge"
		}
		items[i] = qbwcemu.Item{Kind: kind, ListID: fmt.Sprintf("%08X-1468535148", 0x80000000+i), Name: name, FullName: full,
			IsActive: i%13 != 0, EditSequence: "1468535148", Description: "Labor & materials for " + name,
			Price: fmt.Sprintf("%d.%02d", 100+i%900, i%100), Account: "Construction Income:Labor Income"}
	}
	qb := qbwcemu.NewQuickBooks(items)
	qb.Unchecked = true
	var out []string
	for _, kind := range []ItemKind{ItemService, ItemOtherCharge} {
		req, _ := MessageSet("13.0", ItemQuery{Kind: kind, RequestID: "1", Iterator: IteratorStart, MaxReturned: 100})
		for {
			resp, hresult, _ := qb.ProcessInSession(req)
			if hresult != "" {
				b.Fatal(hresult)
			}
			out = append(out, resp)
			rs, err := ParseResponses(resp)
			if err != nil {
				b.Fatal(err)
			}
			if rs[0].IteratorRemaining == 0 {
				break
			}
			req, _ = MessageSet("13.0", ItemQuery{Kind: kind, RequestID: "1", Iterator: IteratorContinue, IteratorID: rs[0].IteratorID, MaxReturned: 100})
		}
	}
	return out
}

func benchmarkParse(b *testing.B, parse func(string) ([]Response, error)) {
	const n = 10_000
	ps := pages(b, n)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range ps {
			if _, err := parse(p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n/1000, "µs/item")
}

// BenchmarkParseResponses reads 10,000 items' pages; the reference is the
// same pages read with encoding/xml, in the same run.
func BenchmarkParseResponses(b *testing.B)          { benchmarkParse(b, ParseResponses) }
func BenchmarkParseResponsesReference(b *testing.B) { benchmarkParse(b, parseResponsesReference) }
