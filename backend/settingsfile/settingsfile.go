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

// Error is a file that cannot be read, explained for the user: Said is
// worded when shown.
type Error struct{ Said locale.Said }

// Error is for the log: the message's code.
func (e *Error) Error() string { return "not a settings file this version reads: " + e.Said.Code }

// Message is what the user is told, in the language in use.
func (e *Error) Message() string { return e.Said.Text() }

// Why a file is not read.
var (
	saidTooLarge      = locale.Coded("file.tooLarge", "This file is too large to be a settings file. Choose the file that was exported from QuickBooks Integration Settings.")
	saidNotUTF8       = locale.Coded("file.notUTF8", "This file is not UTF-8 text, so it was not made by QuickBooks Integration Settings or was saved again by a program that changed its encoding. Nothing was changed. Export the settings again and use the new file.")
	saidNotJSON       = locale.Coded("file.notJSON", "This file is damaged or is not a settings file: it is not valid JSON. Export the settings again and use the new file.")
	saidNotOurs       = locale.Coded("file.notOurs", "This is not a settings file of QuickBooks Integration Settings. Choose the file that was exported from it.")
	saidNewer         = locale.Coded("file.newerFormat", "This settings file was made by a newer version of QuickBooks Integration Settings (file format %d; this version reads up to %d). Update this program, then import the file again.")
	saidNoVersion     = locale.Coded("file.noVersion", "This settings file has no valid format version. Export the settings again and use the new file.")
	saidUnknownFields = locale.Coded("file.unknownEntries", "This settings file has entries this version does not know or cannot read (%v). Nothing was changed.")
)

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
		return f, &Error{saidTooLarge.With()}
	}
	// JSON would take bytes that are not UTF-8 and put U+FFFD in their
	// place, so a value would arrive other than it was written.
	if !utf8.Valid(data) {
		return f, &Error{saidNotUTF8.With()}
	}
	// The version first, so that a newer file is refused for being newer,
	// not for fields this program does not know. Unmarshal also refuses
	// anything after the JSON value.
	var head struct {
		Format        string `json:"format"`
		FormatVersion int    `json:"formatVersion"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return f, &Error{saidNotJSON.With()}
	}
	switch {
	case head.Format != Format:
		return f, &Error{saidNotOurs.With()}
	case head.FormatVersion > Version:
		return f, &Error{saidNewer.With(head.FormatVersion, Version)}
	case head.FormatVersion < 1:
		return f, &Error{saidNoVersion.With()}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return f, &Error{saidUnknownFields.With(err.Error())}
	}
	return f, nil
}
