// Package qbxml is the part of qbXML, QuickBooks Desktop's request and
// response language, that the QuickBooks service speaks: the host and the
// company file, the Service and Other Charge items (read a page at a time
// with an iterator), and a new Service item. Requests are written with
// their elements in the order of Intuit's schema (QuickBooks refuses
// anything else, HRESULT 0x80040400); the tests check each against the
// schema itself (testdata/schema). Responses are read leniently: QuickBooks
// may leave out any element, and newer versions add some.
package qbxml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxVersion is the highest qbXML version this package writes: 13.0, the
// version of the schema it is checked against, which every QuickBooks
// Desktop since 2014 supports. (14.0 to 16.0 change nothing it uses.)
const MaxVersion = "13.0"

// MinVersion is the lowest qbXML version this package writes: 5.0
// (QuickBooks 2006), the first with iterators, which a refresh reads its
// pages with. An older QuickBooks would refuse the request as unreadable.
const MinVersion = "5.0"

// Request is one request of a message set: a query or an add.
type Request interface {
	requestElement() any
}

// MessageSet writes requests as one qbXML message set for QuickBooks in
// version (as the host's SupportedQBXMLVersion says it, for example
// "13.0"). onError="stopOnError": a failed request stops the ones after
// it, which then have no response. Characters beyond ASCII are written as
// character references, which QuickBooks reads whatever its code page.
func MessageSet(version string, requests ...Request) (string, error) {
	if _, err := parseVersion(version); err != nil {
		return "", err
	}
	var body bytes.Buffer
	enc := xml.NewEncoder(&body)
	msgs := xml.StartElement{Name: xml.Name{Local: "QBXMLMsgsRq"}, Attr: []xml.Attr{{Name: xml.Name{Local: "onError"}, Value: "stopOnError"}}}
	if err := enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: "QBXML"}}); err != nil {
		return "", err
	}
	if err := enc.EncodeToken(msgs); err != nil {
		return "", err
	}
	for _, r := range requests {
		if err := enc.Encode(r.requestElement()); err != nil {
			return "", err
		}
	}
	if err := enc.EncodeToken(msgs.End()); err != nil {
		return "", err
	}
	if err := enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: "QBXML"}}); err != nil {
		return "", err
	}
	if err := enc.Flush(); err != nil {
		return "", err
	}
	return `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<?qbxml version="` + version + `"?>` + "\n" + asciiOnly(body.String()), nil
}

// asciiOnly writes every character beyond ASCII as a character reference.
// The markup is ASCII, so only text and attribute values change.
func asciiOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "&#%d;", r)
	}
	return b.String()
}

// version is a qbXML version, major.minor.
type version struct{ major, minor int }

func parseVersion(s string) (version, error) {
	major, minor, ok := strings.Cut(strings.TrimSpace(s), ".")
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(minor)
	if !ok || err1 != nil || err2 != nil || ma < 1 || mi < 0 {
		return version{}, fmt.Errorf("%q is not a qbXML version", s)
	}
	return version{ma, mi}, nil
}

func (v version) less(w version) bool {
	return v.major < w.major || v.major == w.major && v.minor < w.minor
}

func (v version) String() string { return fmt.Sprintf("%d.%d", v.major, v.minor) }

// ChooseVersion picks the version to speak with a QuickBooks that
// supports these versions (HostRet's SupportedQBXMLVersion): the highest
// of them up to MaxVersion. ok is false when it supports none this
// package can write, or none at all.
func ChooseVersion(supported []string) (string, bool) {
	limit, _ := parseVersion(MaxVersion)
	lowest, _ := parseVersion(MinVersion)
	var best *version
	for _, s := range supported {
		v, err := parseVersion(s)
		if err != nil || limit.less(v) {
			continue
		}
		if best == nil || best.less(v) {
			best = &v
		}
	}
	if best == nil || best.less(lowest) {
		return "", false
	}
	return best.String(), true
}
