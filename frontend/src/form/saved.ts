import { useCallback, useEffect, useState } from "react";
import { desktop } from "../../wailsjs/go/models";
import * as formService from "../../wailsjs/go/desktop/Form";
import { Answer, useGoCall } from "../goCall";

// How often the form checks for saves made elsewhere (the command line).
export const WATCH_INTERVAL_MS = 3000;

// useSaved is the settings as Go has them for the company: the saved
// values and revision, the status, the item list, the trusted
// certificates and where the settings stand on the service. It notices a
// newer revision saved elsewhere; the page offers to reload and never
// replaces what the user is editing by itself. A failed call goes to
// onFailure.
export function useSaved(initial: desktop.FormState, onFailure: (text: string) => void) {
  const call = useGoCall();
  const [state, setState] = useState(initial);
  const [newerRevision, setNewerRevision] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => {
      void call(() => formService.StoredRevision()).then((a) => {
        if (a.failure !== undefined) onFailure(a.failure);
        else setNewerRevision(a.result > state.revision ? a.result : 0);
      });
    }, WATCH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [state.revision, call, onFailure]);

  // patch changes what an action other than a save learned (a test's
  // status, a refreshed list, the certificates, a send's outcome).
  const patch = useCallback((p: Partial<desktop.FormState>) => setState((s) => desktop.FormState.createFrom({ ...s, ...p })), []);

  return {
    state,
    // replace takes newly saved settings (an Update, an import).
    replace: setState,
    patch,
    newerRevision,
    // reload reads the saved settings again, and forgets the newer
    // revision it offered to load.
    reload: async (): Promise<Answer<desktop.LoadResult>> => {
      const a = await call(() => formService.Load());
      if (a.failure === undefined && a.result.state) {
        setState(a.result.state);
        setNewerRevision(0);
      }
      return a;
    },
  };
}

export type Saved = ReturnType<typeof useSaved>;
