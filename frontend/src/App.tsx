import { useCallback, useEffect, useState } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Button } from "./ui/Button";
import { desktop, settings } from "../wailsjs/go/models";
import { FieldDescriptions, FormShown, Load } from "../wailsjs/go/desktop/Form";
import { Locale } from "../wailsjs/go/desktop/Language";
import { afterPaint } from "./afterPaint";
import { FieldsProvider } from "./fields";
import { failureText } from "./failure";
import { I18nProvider, defaultLocale, useT } from "./i18n";
import { SettingsPage } from "./components/SettingsPage";
import { CloseGuard } from "./components/CloseGuard";

// useUnhandledFailure catches a call into Go that failed where no code
// waited for it to (an action's handler), so the user is told instead of
// the page silently doing nothing.
function useUnhandledFailure(): string | null {
  const t = useT();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const onRejection = (e: PromiseRejectionEvent) => setFailure(failureText(t, e.reason));
    window.addEventListener("unhandledrejection", onRejection);
    return () => window.removeEventListener("unhandledrejection", onRejection);
  }, [t]);
  return failure;
}

// useShownAfter is true once `on` has stayed true for `ms`: a spinner
// for a wait the user notices, none for the usual quick answer.
function useShownAfter(on: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) return;
    const timer = setTimeout(() => setShown(true), ms);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [on, ms]);
  return on && shown;
}

const useStyles = makeStyles({
  centered: { maxWidth: "640px", margin: "0 auto", padding: tokens.spacingHorizontalXXL },
});

type Loaded = { state: desktop.FormState; specs: settings.Spec[] } | { error: string } | { failure: unknown } | null;

// fetchSettings asks Go for the English to speak, the profile's settings
// and the settings' description in that English; a failed call becomes a
// message, never a spinner forever.
async function fetchSettings(): Promise<{ loaded: Loaded; locale?: desktop.LocaleInfo }> {
  try {
    // Go speaks the chosen English from its start: the three asks go together.
    const [info, res, specs] = await Promise.all([Locale(), Load(), FieldDescriptions()]);
    return { loaded: res.state ? { state: res.state, specs } : { error: res.error }, locale: info };
  } catch (err) {
    return { loaded: { failure: err } };
  }
}

// The page's mark of the first form painted with its saved values.
const FORM_ON_SCREEN_MARK = "form-on-screen";

// The first ask leaves as the script starts, before React draws anything,
// so the form's first answer comes sooner (docs/performance.md).
let firstFetch: ReturnType<typeof fetchSettings> | null = null;
export function prefetchSettings() {
  firstFetch = fetchSettings();
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [locale, setLocale] = useState<desktop.LocaleInfo | null>(null);
  // A new company's settings (or a new language) start a new page, with no
  // state of the last.
  const [generation, setGeneration] = useState(0);
  const show = useCallback((next: { loaded: Loaded; locale?: desktop.LocaleInfo }) => {
    if (next.locale) setLocale(next.locale);
    setLoaded(next.loaded);
    setGeneration((g) => g + 1);
  }, []);
  useEffect(() => {
    const first = firstFetch ?? fetchSettings();
    firstFetch = null;
    void first.then(show);
  }, [show]);
  // The first form with its saved values, once painted, is marked in the
  // page's timeline and its time told to Go: the log says how long a start
  // took to be usable, and make measure reads it.
  const firstFormShown = generation === 1 && loaded !== null && "state" in loaded;
  useEffect(() => {
    if (!firstFormShown) return;
    afterPaint(() => void FormShown(performance.timeOrigin + performance.mark(FORM_ON_SCREEN_MARK).startTime));
  }, [firstFormShown]);
  const load = () => {
    setLoaded(null);
    void fetchSettings().then(show);
  };
  return (
    <I18nProvider locale={locale?.inUse ?? defaultLocale}>
      <AppBody loaded={loaded} localeInfo={locale} generation={generation} load={load} />
    </I18nProvider>
  );
}

function AppBody({
  loaded,
  localeInfo,
  generation,
  load,
}: {
  loaded: Loaded;
  localeInfo: desktop.LocaleInfo | null;
  generation: number;
  load: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const failure = useUnhandledFailure();
  const waiting = useShownAfter(loaded === null, 400);
  const loadError = loaded && "failure" in loaded ? failureText(t, loaded.failure) : loaded && "error" in loaded ? loaded.error : "";

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
      {waiting && (
        <div className={styles.centered}>
          <Spinner label={t("Loading your settings…")} />
        </div>
      )}
      {loadError && (
        <div className={styles.centered}>
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t("Your settings could not be loaded")}</MessageBarTitle>
              {loadError}
            </MessageBarBody>
          </MessageBar>
          <Button onClick={load} style={{ marginTop: tokens.spacingVerticalL }}>
            {t("Try again")}
          </Button>
        </div>
      )}
      {loaded && "state" in loaded && (
        <FieldsProvider specs={loaded.specs}>
          <SettingsPage
            key={generation}
            initial={loaded.state}
            localeInfo={localeInfo ?? undefined}
            onProfileChanged={load}
            onLocaleChanged={load}
          />
        </FieldsProvider>
      )}
    </main>
  );
}
