// Package settingsfile is the export format of a profile's settings: a JSON
// file with a format version, for moving settings between PCs and for
// scripting. It never holds a password. It reads only what it knows: a file
// of a newer format version, a damaged file or unknown fields are refused
// with a message for the user.
package settingsfile

import (
	"bytes"
	"encoding/json"
	"time"
	"unicode/utf8"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
)

// Format names the file type; Version is the format this program writes and
// the newest it reads.
const (
	Format  = "qbsettings-settings"
	Version = 1
)

// MaxSize bounds a file: a settings file is a few hundred bytes.
const MaxSize = 1 << 20

// File is an exported profile.
type File struct {
	Format        string    `json:"format"`
	FormatVersion int       `json:"formatVersion"`
	ExportedAt    time.Time `json:"exportedAt"`
	Profile       string    `json:"profile"`
	// Settings are spelt with the settings' own JSON keys (settings.Specs).
	Settings settings.Settings `json:"settings"`
	// TrustedCertificates travel only when the export asked for them.
	TrustedCertificates []Certificate `json:"trustedCertificates,omitempty"`
}

// Certificate is a service certificate trusted for one address, by its
// SHA-256 fingerprint.
type Certificate struct {
	Origin      string `json:"origin"`
	Fingerprint string `json:"fingerprint"`
	Subject     string `json:"subject"`
}

// Error is a file that cannot be read, explained for the user.
type Error struct{ Message string }

func (e *Error) Error() string { return e.Message }

// Encode writes s of profile as a settings file, with the trusted
// certificates given (none unless the user asked for them).
func Encode(profile string, s settings.Settings, at time.Time, trusted []Certificate) ([]byte, error) {
	f := File{Format: Format, FormatVersion: Version, ExportedAt: at.UTC(), Profile: profile, Settings: s,
		TrustedCertificates: trusted}
	out, err := json.MarshalIndent(f, "", "  ")
	return append(out, '\n'), err
}

// Decode reads a settings file. Its settings still need checking with the
// settings rules: Decode checks only that the file is one.
func Decode(data []byte) (File, error) {
	var f File
	if len(data) > MaxSize {
		return f, &Error{locale.T("This file is too large to be a settings file. Choose the file that was exported from QuickBooks Integration Settings.")}
	}
	// JSON would take bytes that are not UTF-8 and put U+FFFD in their
	// place, so a value would arrive other than it was written.
	if !utf8.Valid(data) {
		return f, &Error{locale.T("This file is not UTF-8 text, so it was not made by QuickBooks Integration Settings or was saved again by a program that changed its encoding. Nothing was changed. Export the settings again and use the new file.")}
	}
	// The version first, so that a newer file is refused for being newer,
	// not for fields this program does not know. Unmarshal also refuses
	// anything after the JSON value.
	var head struct {
		Format        string `json:"format"`
		FormatVersion int    `json:"formatVersion"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return f, &Error{locale.T("This file is damaged or is not a settings file: it is not valid JSON. Export the settings again and use the new file.")}
	}
	switch {
	case head.Format != Format:
		return f, &Error{locale.T("This is not a settings file of QuickBooks Integration Settings. Choose the file that was exported from it.")}
	case head.FormatVersion > Version:
		return f, &Error{locale.T("This settings file was made by a newer version of QuickBooks Integration Settings (file format %d; this version reads up to %d). Update this program, then import the file again.", head.FormatVersion, Version)}
	case head.FormatVersion < 1:
		return f, &Error{locale.T("This settings file has no valid format version. Export the settings again and use the new file.")}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return f, &Error{locale.T("This settings file has entries this version does not know or cannot read (%v). Nothing was changed.", err)}
	}
	return f, nil
}
