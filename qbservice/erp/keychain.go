package erp

import (
	"context"
	"sync"

	"qbsettings/backend/secrets"
)

// LazyKeychain opens the keychain with open when it is first needed and
// keeps it: a service with no Procore connection never opens one. A
// failed open is tried again at the next need (the keychain may have been
// locked when the service started at logon).
func LazyKeychain(open func(context.Context) (*secrets.Keychain, error)) func(context.Context) (Keychain, error) {
	var (
		mu   sync.Mutex
		keys *secrets.Keychain
	)
	return func(ctx context.Context) (Keychain, error) {
		mu.Lock()
		defer mu.Unlock()
		if keys != nil {
			return keys, nil
		}
		k, err := open(ctx)
		if err != nil {
			return nil, err
		}
		keys = k
		return keys, nil
	}
}
