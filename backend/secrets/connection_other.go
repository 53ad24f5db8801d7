//go:build !linux

package secrets

// On Windows and macOS each keychain call stands alone: there is no
// connection to lose, and opening the keychain again is enough.

func connectionLost(error) bool { return false }

func resetConnection() {}
