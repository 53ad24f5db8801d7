//go:build !windows

package locale

import "os"

// systemLocales are the POSIX locale variables, most specific first.
func systemLocales() []string {
	return []string{os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG")}
}
