import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { main } from "../wailsjs/go/models";
import { Load } from "../wailsjs/go/main/App";
import { SettingsPage } from "./components/SettingsPage";
import { CloseGuard } from "./components/CloseGuard";

const useStyles = makeStyles({
  centered: { maxWidth: "640px", margin: "0 auto", padding: tokens.spacingHorizontalXXL },
});

type Loaded = { state: main.FormState } | { error: string } | null;

export function App() {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>(null);
  // A new company's settings start a new page, with no state of the last.
  const [generation, setGeneration] = useState(0);
  const load = async () => {
    setLoaded(null);
    const res = await Load();
    setLoaded(res.state ? { state: res.state } : { error: res.error });
    setGeneration((g) => g + 1);
  };
  useEffect(() => {
    load();
  }, []);

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
      {loaded && "state" in loaded && <SettingsPage key={generation} initial={loaded.state} onProfileChanged={load} />}
    </main>
  );
}
