package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"qbsettings/backend/settings"
	"qbsettings/internal/testdir"
)

func benchStore(b *testing.B) *Store {
	s, err := Open(filepath.Join(testdir.New(b), FileName))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func items(n int) []settings.Item {
	out := make([]settings.Item, n)
	for i := range out {
		out[i] = settings.Item{ListID: fmt.Sprintf("%08X-%d", i, 1500000000+i), FullName: fmt.Sprintf("03 Concrete:03.%05d Cost Code %d", i, i), Type: "Service", IsActive: i%50 != 0}
	}
	return out
}

// One Update: a durable (synchronous=FULL) transaction.
func BenchmarkSaveSettings(b *testing.B) {
	s := benchStore(b)
	st := sample()
	for i := 0; i < b.N; i++ {
		if _, err := s.SaveSettings(ctx, DefaultProfile, int64(i), st, time.Now(), Author{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadSettings(b *testing.B) {
	s := benchStore(b)
	s.SaveSettings(ctx, DefaultProfile, 0, sample(), time.Now(), Author{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.LoadSettings(ctx, DefaultProfile); err != nil {
			b.Fatal(err)
		}
	}
}

// Storing a refreshed list of 20,000 items in one transaction.
func BenchmarkReplaceItems20000(b *testing.B) {
	s := benchStore(b)
	list := items(20000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.ReplaceItems(ctx, DefaultProfile, list, time.Now(), ""); err != nil {
			b.Fatal(err)
		}
	}
}

// Reading 20,000 stored items, as every load of the form does.
func BenchmarkItems20000(b *testing.B) {
	s := benchStore(b)
	s.ReplaceItems(ctx, DefaultProfile, items(20000), time.Now(), "")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if l, err := s.Items(ctx, DefaultProfile); err != nil || len(l.Items) != 20000 {
			b.Fatal(err)
		}
	}
}
