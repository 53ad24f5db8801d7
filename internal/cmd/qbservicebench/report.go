package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

const (
	begin = "<!-- measured by make measure-service: begin -->"
	end   = "<!-- measured by make measure-service: end -->"
)

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// table is the measured section, in Markdown.
func table(results []result, readings []reading, pages int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## A refresh through the QuickBooks service\n\n", begin)
	fmt.Fprintf(&b, "Measured by `make measure-service` on %d cores, %s: the built service (`cmd/qbservice`, its own process) refreshes the item list from the emulated Web Connector and QuickBooks, which answer at once (the schema check off: it is QuickBooks' time, not the service's), %d items a request (the service's page). The service's CPU is its process's time on a CPU during the refresh (`/proc/PID/task/*/schedstat`); its time is the Web Connector's calls from the request sent to the answer read (SOAP, qbXML and SQLite, each page committed). The anchor is the same answers decoded and their items inserted in one SQLite transaction, with nothing else, in the same run. Peak memory is the service process's VmHWM, after start and after the refresh. A refresh's CPU includes the Web Connector's sign-in (one bcrypt check a session), which weighs most on the smallest list.\n\n",
		runtime.NumCPU(), time.Now().Format("2006-01-02"), servicePage)
	b.WriteString("| Items | Refresh, whole | Service's CPU | per 1,000 items | Service's time | Anchor (decode and insert) | Requests | Peak memory at start | Peak memory after | Goal |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range results {
		goal := ""
		if r.items == 100_000 {
			goal = "≤ 15 ms per 1,000 items; ≤ 10 s, ≤ 100 MiB"
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %d | %s | %s | %s |\n", r.items, ms(r.total), ms(r.cpu),
			ms1(r.cpu*1000/time.Duration(r.items)), ms(r.service), ms(r.anchor), r.requests, mib(r.idleRSS), mib(r.peakRSS), goal)
	}
	first, last := results[0], results[len(results)-1]
	fmt.Fprintf(&b, "\nThe service's time for every 1,000 items in each tenth of the %d-item refresh (flat: the list's growth does not slow it; the last tenth also replaces the whole list, in one transaction):\n\n", last.items)
	b.WriteString("| Tenth | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n| per 1,000 items |")
	for _, d := range last.tenths {
		fmt.Fprintf(&b, " %s |", ms(d*1000/time.Duration(last.items/10)))
	}
	b.WriteString("\n\n### Reading the list back\n\nThe whole list read back through `GET /v1/items`, 500 items a page, as the app reads it after a refresh (each page from where the last ended, on an index), in the same runs; the service's CPU. Read again unchanged, the list is answered 304 at its first page (checked in each run).\n\n")
	b.WriteString("| Items | Read, whole | Service's CPU | per 1,000 items | Goal |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range results {
		goal := ""
		if r.items == 100_000 {
			goal = "≤ 1 s"
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s |\n", r.items, ms(r.readTotal), ms(r.readCPU), ms1(r.readCPU*1000/time.Duration(r.items)), goal)
	}
	perFirst := float64(first.readCPU) / float64(first.items)
	perLast := float64(last.readCPU) / float64(last.items)
	fmt.Fprintf(&b, "\nThe cost of 1,000 items at %d is %.2f× its cost at %d (goal: within 1.2×).\n", last.items, perLast/perFirst, first.items)
	b.WriteString(decodeTable(readings, pages))
	fmt.Fprintf(&b, "%s\n", end)
	return b.String()
}

// ms1 is d in milliseconds, to a tenth.
func ms1(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

// write replaces the measured section of the file at path (appending it
// when there is none), or prints it when path is empty.
func write(path, section string) error { return writeSection(path, section, begin, end) }

// writeSection replaces the section between the markers begin and end.
func writeSection(path, section, begin, end string) error {
	if path == "" {
		_, err := os.Stdout.WriteString(section)
		return err
	}
	old, err := os.ReadFile(path) //nolint:gosec // the report file named by who runs this
	if err != nil {
		return err
	}
	text := string(old)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i >= 0 && j > i {
		text = text[:i] + strings.TrimSuffix(section, "\n") + text[j+len(end):]
	} else {
		text = strings.TrimRight(text, "\n") + "\n\n" + section
	}
	return os.WriteFile(path, []byte(text), 0o644) //nolint:gosec // a document of the repository, read by all
}
