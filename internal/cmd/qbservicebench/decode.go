package main

import (
	"bytes"
	"crypto/md5" //nolint:gosec // a fingerprint of what each reader read, as PHP's md5() makes it
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"qbsettings/qbservice/qbxml"
)

// The decoding comparison: the pages of a refresh, as the service
// received them (the response of each receiveResponseXML the Web
// Connector posted), read by the service's decoder, by PHP's SimpleXML
// (libxml2), and by consolibyte/quickbooks-php's parser with its default
// backend, each taking every item's values; in one run, the best of a few
// reads each. PHP is make measure's (php8.2-cli, php8.2-xml): without it,
// or without a copy of consolibyte's library (-consolibyte), those rows
// say they were not measured.

// decodeRuns is how many times each reader reads all the pages.
const decodeRuns = 5

// pages keeps the qbXML answers the Web Connector posts.
type pages struct {
	mu   sync.Mutex
	list []string
}

// keep takes the qbXML answer of a receiveResponseXML call's body.
func (p *pages) keep(body []byte) {
	if !bytes.Contains(body, []byte("receiveResponseXML")) {
		return
	}
	var env struct {
		Response string `xml:"Body>receiveResponseXML>response"`
	}
	if xml.Unmarshal(body, &env) == nil && strings.Contains(env.Response, "Ret>") {
		p.mu.Lock()
		p.list = append(p.list, env.Response)
		p.mu.Unlock()
	}
}

// reading is one reader's read of the pages.
type reading struct {
	reader   string
	items    int
	digest   string // MD5 of the values read, one item a line
	perItem  time.Duration
	measured bool
	why      string // why it was not measured
}

// compareDecoders reads the pages with each reader.
func compareDecoders(ps []string, php, consolibyte string) ([]reading, error) {
	dir, err := os.MkdirTemp("", "qbservicebench-pages-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	for i, p := range ps {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.xml", i)), []byte(p), 0o600); err != nil {
			return nil, err
		}
	}
	goReading, err := readWithGo(ps)
	if err != nil {
		return nil, err
	}
	out := []reading{goReading}
	phpOK := php != ""
	if phpOK {
		if _, err := exec.LookPath(php); err != nil {
			phpOK = false
		}
	}
	script := func(name string) string { return filepath.Join("internal", "cmd", "qbservicebench", "php", name) }
	switch {
	case !phpOK:
		out = append(out, reading{reader: "PHP SimpleXML", why: "php not installed (make measure installs it)"})
	default:
		out = append(out, runPHP("PHP SimpleXML (libxml2)", php, script("simplexml.php"), dir, strconv.Itoa(decodeRuns)))
	}
	switch {
	case !phpOK:
		out = append(out, reading{reader: "consolibyte QuickBooks_XML_Parser", why: "php not installed"})
	case consolibyte == "":
		out = append(out, reading{reader: "consolibyte QuickBooks_XML_Parser", why: "no copy of consolibyte/quickbooks-php named (-consolibyte DIR): its code is not kept in this repository"})
	default:
		out = append(out, runPHP("consolibyte QuickBooks_XML_Parser (default backend)", php, script("consolibyte.php"), consolibyte, dir, strconv.Itoa(decodeRuns)))
	}
	for _, r := range out[1:] {
		if r.measured && (r.items != goReading.items || r.digest != goReading.digest) {
			return out, fmt.Errorf("%s read %d items (%s), the service's decoder %d (%s)", r.reader, r.items, r.digest, goReading.items, goReading.digest)
		}
	}
	return out, nil
}

// readWithGo reads the pages with the service's decoder.
func readWithGo(ps []string) (reading, error) {
	r := reading{reader: "the service's decoder (qbxml.ParseResponses)", measured: true}
	best := time.Duration(1<<63 - 1)
	for range decodeRuns {
		var lines []string
		began := time.Now()
		for _, p := range ps {
			rs, err := qbxml.ParseResponses(p)
			if err != nil {
				return r, err
			}
			for _, resp := range rs {
				for _, it := range resp.Items {
					lines = append(lines, strings.Join([]string{string(it.Kind), it.ListID, it.EditSequence, it.Name, it.FullName,
						strconv.FormatBool(it.IsActive), it.Description}, "|"))
				}
			}
		}
		best = min(best, time.Since(began))
		sum := md5.Sum([]byte(strings.Join(lines, "\n"))) //nolint:gosec // a fingerprint, not a secret
		r.items, r.digest = len(lines), hex.EncodeToString(sum[:])
	}
	r.perItem = best / time.Duration(max(1, r.items))
	return r, nil
}

// runPHP runs a PHP reader, which prints its count, digest and µs an item.
func runPHP(name, php string, args ...string) reading {
	r := reading{reader: name}
	out, err := exec.Command(php, args...).Output() //nolint:gosec // the measurement's own scripts
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			r.why = strings.TrimSpace(string(exit.Stderr))
		} else {
			r.why = err.Error()
		}
		return r
	}
	f := strings.Fields(string(out))
	if len(f) != 3 {
		r.why = "unexpected output: " + string(out)
		return r
	}
	us, err1 := strconv.ParseFloat(f[2], 64)
	items, err2 := strconv.Atoi(f[0])
	if err1 != nil || err2 != nil {
		r.why = "unexpected output: " + string(out)
		return r
	}
	r.items, r.digest, r.perItem, r.measured = items, f[1], time.Duration(us*float64(time.Microsecond)), true
	return r
}

// decodeTable is the comparison, in Markdown.
func decodeTable(readings []reading, pages int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n### Reading QuickBooks' answers\n\nThe %d pages of the 100,000-item refresh above (Service and Other Charge items with descriptions, prices and accounts), as the service received them, read by each reader in this run, each taking every item's values; the best of %d reads. Every reader read the same values (the same MD5 of them, one item a line).\n\n",
		pages, decodeRuns)
	b.WriteString("| Reader | Time an item | Service's decoder is … faster | Goal |\n| --- | --- | --- | --- |\n")
	ours := readings[0].perItem
	for i, r := range readings {
		if !r.measured {
			fmt.Fprintf(&b, "| %s | not measured: %s | | |\n", r.reader, r.why)
			continue
		}
		ratio, goal := "", ""
		if i > 0 {
			ratio = fmt.Sprintf("%.1f×", float64(r.perItem)/float64(ours))
			goal = "≥ 1×"
			if strings.HasPrefix(r.reader, "consolibyte") {
				goal = "≥ 5×"
			}
		}
		fmt.Fprintf(&b, "| %s | %.2f µs | %s | %s |\n", r.reader, float64(r.perItem)/float64(time.Microsecond), ratio, goal)
	}
	return b.String()
}

// tee keeps the body of a request the transport sends, and gives it back.
func tee(body io.ReadCloser, keep func([]byte)) (io.ReadCloser, error) {
	if body == nil {
		return nil, nil
	}
	data, err := io.ReadAll(body)
	body.Close()
	if err != nil {
		return nil, err
	}
	keep(data)
	return io.NopCloser(bytes.NewReader(data)), nil
}
