import { useCallback, useEffect, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { main, settings } from "../wailsjs/go/models";
import { FieldDescriptions, Load } from "../wailsjs/go/main/App";
import { FieldsProvider } from "./fields";
import { failureText } from "./failure";

// useUnhandledFailure catches a call into Go that failed where no code
// waited for it to (an action's handler), so the user is told instead of
// the page silently doing nothing.
function useUnhandledFailure(): string | null {
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const onRejection = (e: PromiseRejectionEvent) => setFailure(failureText(e.reason));
    window.addEventListener("unhandledrejection", onRejection);
    return () => window.removeEventListener("unhandledrejection", onRejection);
  }, []);
  return failure;
}
import { SettingsPage } from "./components/SettingsPage";
import { CloseGuard } from "./components/CloseGuard";

const useStyles = makeStyles({
  centered: { maxWidth: "640px", margin: "0 auto", padding: tokens.spacingHorizontalXXL },
});

type Loaded = { state: main.FormState; specs: settings.Spec[] } | { error: string } | null;

// fetchSettings asks Go for the profile's settings and the settings'
// description; a failed call becomes a message, never a spinner forever.
async function fetchSettings(): Promise<Loaded> {
  try {
    const [res, specs] = await Promise.all([Load(), FieldDescriptions()]);
    return res.state ? { state: res.state, specs } : { error: res.error };
  } catch (err) {
    return { error: failureText(err) };
  }
}

export function App() {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>(null);
  // A new company's settings start a new page, with no state of the last.
  const [generation, setGeneration] = useState(0);
  const show = useCallback((next: Loaded) => {
    setLoaded(next);
    setGeneration((g) => g + 1);
  }, []);
  useEffect(() => {
    void fetchSettings().then(show);
  }, [show]);
  const load = () => {
    setLoaded(null);
    void fetchSettings().then(show);
  };
  const failure = useUnhandledFailure();

  return (
    <main>
      <CloseGuard />
      {failure && (
        <div className={styles.centered}>
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{failure}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {loaded === null && (
        <div className={styles.centered}>
          <Spinner label="Loading your settings…" />
        </div>
      )}
      {loaded && "error" in loaded && (
        <div className={styles.centered}>
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Your settings could not be loaded</MessageBarTitle>
              {loaded.error}
            </MessageBarBody>
          </MessageBar>
          <Button onClick={load} style={{ marginTop: tokens.spacingVerticalL }}>
            Try again
          </Button>
        </div>
      )}
      {loaded && "state" in loaded && (
        <FieldsProvider specs={loaded.specs}>
          <SettingsPage key={generation} initial={loaded.state} onProfileChanged={load} />
        </FieldsProvider>
      )}
    </main>
  );
}
