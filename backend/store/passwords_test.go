package store

import (
	"errors"
	"testing"
	"time"
)

func TestEachDatabaseHasItsOwnID(t *testing.T) {
	a, _ := openTemp(t)
	b, _ := openTemp(t)
	idA, errA := a.DatabaseID(ctx)
	idB, errB := b.DatabaseID(ctx)
	if errA != nil || errB != nil || len(idA) != 16 || idA == idB {
		t.Fatalf("ids %q %v, %q %v", idA, errA, idB, errB)
	}
}

// Which landed password changes wait to be settled, and which is each
// user's newest: the one whose pending entry becomes the password.
func TestUnsettledPasswordChanges(t *testing.T) {
	s, _ := openTemp(t)
	save := func(base int64, user, token string) {
		t.Helper()
		st := sample()
		st.ServiceUser = user
		by := Author{PasswordChanged: token != "", PasswordToken: token}
		if _, err := s.SaveSettings(ctx, DefaultProfile, base, st, time.Now(), by); err != nil {
			t.Fatal(err)
		}
	}
	save(0, "a", "t1")
	save(1, "a", "t2")
	save(2, "b", "t3")
	save(3, "b", "") // no password change: no token

	if has, err := s.HasUnsettledPasswords(ctx); err != nil || !has {
		t.Fatalf("HasUnsettledPasswords = %v, %v", has, err)
	}
	var got []PasswordChange
	err := s.SettlePasswords(ctx, func(p *PasswordSettlement) error {
		var err error
		got, err = p.Unsettled()
		if err != nil {
			return err
		}
		return p.Settled(got[0])
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []PasswordChange{
		{DefaultProfile, 1, "a", "t1", false},
		{DefaultProfile, 2, "a", "t2", true},
		{DefaultProfile, 3, "b", "t3", true},
	}
	if len(got) != len(want) {
		t.Fatalf("unsettled = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unsettled[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	// The first was recorded as settled; a failed settlement records nothing.
	failure := errors.New("keychain failed")
	err = s.SettlePasswords(ctx, func(p *PasswordSettlement) error {
		left, _ := p.Unsettled()
		if len(left) != 2 || left[0].Token != "t2" {
			t.Errorf("left after settling t1: %+v", left)
		}
		p.Settled(left[0])
		return failure
	})
	if !errors.Is(err, failure) {
		t.Fatalf("settle error = %v", err)
	}
	s.SettlePasswords(ctx, func(p *PasswordSettlement) error {
		if left, _ := p.Unsettled(); len(left) != 2 {
			t.Errorf("a failed settlement's records were kept: %+v", left)
		}
		return nil
	})
}

// Everything an import changes lands in one transaction: when the last
// step fails, neither the revision nor the trusted certificate is kept.
func TestSaveRevisionIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	cert := TrustedCertificate{Origin: "https://qbserver:8443", Fingerprint: "AB:CD", Subject: "CN=qbserver", TrustedAt: time.Now()}
	failure := errors.New("failed at the end")
	_, err := s.SaveRevision(ctx, NewRevision{Profile: DefaultProfile, Settings: sample(), At: time.Now(),
		Trust: []TrustedCertificate{cert}, BeforeCommit: func() error { return failure }})
	if !errors.Is(err, failure) {
		t.Fatalf("SaveRevision = %v, want the BeforeCommit error", err)
	}
	if rev, _ := s.CurrentRevision(ctx, DefaultProfile); rev != 0 {
		t.Fatalf("revision %d landed", rev)
	}
	if certs, _ := s.TrustedCertificates(ctx, DefaultProfile); len(certs) != 0 {
		t.Fatalf("certificates landed: %+v", certs)
	}
	if _, err := s.SaveRevision(ctx, NewRevision{Profile: DefaultProfile, Settings: sample(), At: time.Now(),
		Trust: []TrustedCertificate{cert}}); err != nil {
		t.Fatal(err)
	}
	if certs, _ := s.TrustedCertificates(ctx, DefaultProfile); len(certs) != 1 || certs[0].Fingerprint != "AB:CD" {
		t.Fatalf("certificates = %+v", certs)
	}
}
