import type { useT } from "./i18n";

// failureText words, for the user, a call into Go that failed outright (the
// bridge to Go broke, or Go itself failed) rather than answering with a
// message of its own.
export function failureText(t: ReturnType<typeof useT>, err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err);
  return t(
    "The app could not reach its settings service ({detail}). Close the app and open it again; if it keeps happening, ask your IT support.",
    { detail },
  );
}
