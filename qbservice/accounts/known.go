package accounts

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"sync"
)

// knownPasswords remembers, for each account, the password that last
// signed in, so that the app's next calls (a call each page of the item
// list, each poll of a refresh) are not a bcrypt each. It holds a keyed
// hash of the password under a key made at start and kept only in
// memory, beside the bcrypt hash it was checked against: a new password
// makes the entry useless at once.
//
// It is asked only inside a lane whose time has come (Verify), so it
// checks no guess faster than bcrypt would: a wrong password still takes
// bcrypt's time and counts as a failure.
type knownPasswords struct {
	key []byte

	mu      sync.Mutex
	entries map[string]knownPassword
}

type knownPassword struct {
	hash string // the account's bcrypt hash it was checked against
	mac  []byte
}

func newKnownPasswords() knownPasswords {
	key := make([]byte, 32)
	_, _ = rand.Read(key) // crypto/rand does not fail
	return knownPasswords{key: key, entries: map[string]knownPassword{}}
}

func (k *knownPasswords) mac(user, password string) []byte {
	m := hmac.New(sha256.New, k.key)
	m.Write([]byte(user))
	m.Write([]byte{0})
	m.Write([]byte(password))
	return m.Sum(nil)
}

// is tells whether password signed in to user last, with hash the
// account's hash still.
func (k *knownPasswords) is(user, hash, password string) bool {
	k.mu.Lock()
	e, ok := k.entries[user]
	k.mu.Unlock()
	return ok && e.hash == hash && hmac.Equal(e.mac, k.mac(user, password))
}

// remember keeps password as user's, checked against hash. Entries are
// one an account: the map grows only with accounts that signed in.
func (k *knownPasswords) remember(user, hash, password string) {
	mac := k.mac(user, password)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.entries[user] = knownPassword{hash: hash, mac: mac}
}
