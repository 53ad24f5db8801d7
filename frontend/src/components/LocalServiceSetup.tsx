import { useEffect, useState } from "react";
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Button } from "../ui/Button";
import { useTypography } from "../ui/typography";
import { desktop } from "../../wailsjs/go/models";
import * as local from "../../wailsjs/go/desktop/LocalService";
import type { Draft } from "../form/draft";
import type { Saved } from "../form/saved";
import { type Refreshed, useItemRefresh } from "../form/items";
import { useGoCall } from "../goCall";
import { useT } from "../i18n";

const useStyles = makeStyles({
  offer: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

// How often the window asks the service whether the Web Connector called.
const WATCH_MS = 3000;

// LocalServiceSetup is "Use the QuickBooks service on this computer": next
// to entering a Service URL by hand, offered while there is none and the
// service is installed beside the app. It sets the service up for the
// company (its account, a new password kept only in the keychain, the Web
// Connector's file, opened), fills in Service URL and User, lists the
// steps left in QuickBooks and the Web Connector, copies the password
// without ever showing it, and watches for the Web Connector's first call.
export function LocalServiceSetup({
  draft,
  saved,
  applySaved,
  refreshed,
}: {
  draft: Draft;
  saved: Saved;
  applySaved: (state: desktop.FormState, done: string) => Promise<void>;
  refreshed: Refreshed;
}) {
  const styles = useStyles();
  const type = useTypography();
  const t = useT();
  const call = useGoCall();
  const [available, setAvailable] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const [setup, setSetup] = useState<desktop.LocalSetupResult | null>(null);
  const [copied, setCopied] = useState("");
  const [webConnector, setWebConnector] = useState<desktop.WebConnectorState | null>(null);
  const { refreshing, outcome, refresh } = useItemRefresh(draft, refreshed);

  useEffect(() => {
    void call(() => local.Offer()).then((a) => a.result && setAvailable(a.result.available));
  }, [call]);

  // Until the Web Connector has called, ask every few seconds.
  const called = webConnector?.called ?? false;
  useEffect(() => {
    if (!setup || called) return;
    const timer = setInterval(() => {
      void call(() => local.WebConnector()).then((a) => a.result && setWebConnector(a.result));
    }, WATCH_MS);
    return () => clearInterval(timer);
  }, [setup, called, call]);

  const start = async () => {
    setBusy(true);
    setProblem("");
    try {
      const a = await call(() => local.SetUp());
      if (a.failure !== undefined) return setProblem(a.failure);
      const res = a.result;
      if (res.saved && res.state)
        await applySaved(res.state, t("Saved with the QuickBooks service on this computer as the Service URL and User."));
      else {
        // The new password is in the history as a revision of its own:
        // the form's next Update follows it.
        if (res.state) saved.patch({ revision: res.state.revision, savedAt: res.state.savedAt });
        draft.takeLocalService(res.serviceUrl, res.serviceUser);
      }
      setSetup(res);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    setCopied("");
    const a = await call(() => local.CopyPassword());
    if (a.failure !== undefined) return setCopied(a.failure);
    setCopied(a.result || t("The password is on the clipboard. Paste it in the Web Connector's Password column."));
  };

  if (!setup) {
    if (!available || draft.values.serviceUrl !== "") return null;
    return (
      <div className={styles.offer}>
        <Button onClick={() => void start()} disabledFocusable={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {t("Use the QuickBooks service on this computer")}
        </Button>
        <span>{t("Or enter the address of a QuickBooks service above.")}</span>
        {problem && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    );
  }

  return (
    <section className={styles.panel} aria-labelledby="local-setup-title">
      <h3 id="local-setup-title" className={type.subtitle2}>
        {t("Connect the QuickBooks Web Connector")}
      </h3>
      <span>
        {t("The QuickBooks service on this computer is set up for this company. What is left is done in QuickBooks and the Web Connector:")}
      </span>
      <ol className={styles.steps}>
        <li>{t("Open QuickBooks on this company's file, signed in as the QuickBooks Admin.")}</li>
        <li>
          {setup.opened
            ? t("The Web Connector was given the file below: click OK when it asks to add the application.")
            : t("Open the file below with the QuickBooks Web Connector (Add an application).")}{" "}
          <span className={styles.path}>{setup.qwcPath}</span>
        </li>
        <li>{t('When QuickBooks asks, choose "Yes, always; allow access even if QuickBooks is not running", then Continue.')}</li>
        <li>
          <div className={styles.row}>
            <span>{t("In the Web Connector, paste the password in the Password column, then tick Auto-Run.")}</span>
            <Button onClick={() => void copy()}>{t("Copy password")}</Button>
          </div>
        </li>
      </ol>
      <div role="status" aria-live="polite">
        {copied && <span>{copied}</span>}
      </div>
      <div role="status" aria-live="polite" className={styles.row}>
        {/* No spinner: the steps in QuickBooks may take the bookkeeper a
            while, and the window waits as long as they do. */}
        {!called && !webConnector?.refusedAt && <span>{t("Waiting for the Web Connector's first call…")}</span>}
        {!called && webConnector?.refusedAt && (
          <span>
            {t(
              "The Web Connector called at {time}, but the password in it is not this company's. Click Copy password, paste it in the Web Connector's Password column again, then click Update Selected.",
              { time: webConnector.refusedAt },
            )}
          </span>
        )}
        {called && webConnector && (
          <span>
            {webConnector.companyFile
              ? t("The Web Connector called at {time}. Company file: {file}.", {
                  time: webConnector.lastCall,
                  file: webConnector.companyFile,
                })
              : t("The Web Connector called at {time}.", { time: webConnector.lastCall })}{" "}
            {webConnector.quickbooks}
          </span>
        )}
      </div>
      {called && (
        <div className={styles.row}>
          <Button onClick={() => void refresh()} disabledFocusable={refreshing}>
            {t("Refresh list")}
          </Button>
          <span role="status" aria-live="polite">
            {refreshing ? t("Reading the items when the Web Connector next calls…") : (outcome?.text ?? "")}
          </span>
        </div>
      )}
      {webConnector?.error && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{webConnector.error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
