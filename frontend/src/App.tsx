import { useCallback, useEffect, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { main, settings } from "../wailsjs/go/models";
import { FieldDescriptions, Load } from "../wailsjs/go/main/App";
import { FieldsProvider } from "./fields";
import { SettingsPage } from "./components/SettingsPage";
import { CloseGuard } from "./components/CloseGuard";

const useStyles = makeStyles({
  centered: { maxWidth: "640px", margin: "0 auto", padding: tokens.spacingHorizontalXXL },
});

type Loaded = { state: main.FormState; specs: settings.Spec[] } | { error: string } | null;

export function App() {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>(null);
  // A new company's settings start a new page, with no state of the last.
  const [generation, setGeneration] = useState(0);
  const load = useCallback(async () => {
    setLoaded(null);
    try {
      const [res, specs] = await Promise.all([Load(), FieldDescriptions()]);
      setLoaded(res.state ? { state: res.state, specs } : { error: res.error });
    } catch (err) {
      setLoaded({ error: `The app could not reach its settings (${String(err)}). Close the app and open it again.` });
    }
    setGeneration((g) => g + 1);
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  return (
    <main>
      <CloseGuard />
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
