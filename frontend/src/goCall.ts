import { useCallback } from "react";
import { useT } from "./i18n";
import { failureText } from "./failure";

// Answer is a call into Go, answered: its result, or the one failure to
// show (with Go's result beside it when Go gave one, for what else it says).
export type Answer<R> = { result: R; failure?: undefined } | { failure: string; result?: R };

// goCall makes a call into Go. It can fail in two ways: Go answers with why
// in the result's error, in the user's words; or the call itself fails (the
// bridge to Go broke, or Go panicked), which goCall words. Either way the
// caller gets one failure, to show where it shows its failures.
export async function goCall<R>(t: ReturnType<typeof useT>, call: () => Promise<R>): Promise<Answer<R>> {
  let result: R;
  try {
    result = await call();
  } catch (err: unknown) {
    return { failure: failureText(t, err) };
  }
  const error = (result as { error?: string } | null | undefined)?.error;
  return error ? { failure: error, result } : { result };
}

// useGoCall is goCall in the words of the locale in use.
export function useGoCall() {
  const t = useT();
  return useCallback(<R>(call: () => Promise<R>) => goCall(t, call), [t]);
}
