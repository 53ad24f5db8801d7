// Formats an RFC 3339 time from Go in the user's own locale and time zone.
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
