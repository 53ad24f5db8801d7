import { useEffect, useState } from "react";
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Button } from "../ui/Button";
import { card } from "../ui/card";
import { useTypography } from "../ui/typography";
import { desktop } from "../../wailsjs/go/models";
import { History } from "../../wailsjs/go/desktop/History";
import { useGoCall } from "../goCall";
import { useT } from "../i18n";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, listStyleType: "none", margin: 0, padding: 0 },
  entry: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    ...card,
  },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  restore: { marginLeft: "auto" },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  old: { color: tokens.colorNeutralForeground2 },
});

// HistoryView lists every saved revision, newest first, with what it
// changed; Restore hands a revision's settings to the form for review.
export function HistoryView({ onRestore }: { onRestore: (entry: desktop.HistoryEntry) => void }) {
  const styles = useStyles();
  const type = useTypography();
  const t = useT();
  const [result, setResult] = useState<desktop.HistoryResult | null>(null);
  const call = useGoCall();
  useEffect(() => {
    void call(() => History()).then((a) =>
      setResult(a.failure === undefined ? a.result : desktop.HistoryResult.createFrom({ entries: [], error: a.failure })),
    );
  }, [call]);

  if (!result) return <Spinner label={t("Loading the change history…")} />;
  if (result.error)
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{result.error}</MessageBarBody>
      </MessageBar>
    );
  const entries = result.entries ?? [];
  if (entries.length === 0) return <span>{t("No changes have been saved yet. Each Update is listed here.")}</span>;
  return (
    <ol className={styles.list} aria-label={t("Saved revisions, newest first")}>
      {entries.map((e, i) => (
        <li key={e.revision} className={styles.entry}>
          <div className={styles.head}>
            <h2 className={type.subtitle2}>
              {t("Revision {revision}: {time} by {user}", { revision: e.revision, time: e.savedAt, user: e.savedBy })}
            </h2>
            {i > 0 && (
              <Button
                className={styles.restore}
                onClick={() => onRestore(e)}
                aria-label={t("Restore revision {revision}", { revision: e.revision })}
              >
                {t("Restore")}
              </Button>
            )}
            {i === 0 && <span className={styles.restore}>{t("Current settings")}</span>}
          </div>
          {e.takenFrom && <div>{t("Taken from {source}.", { source: e.takenFrom })}</div>}
          <ul className={styles.changes}>
            {(e.changes ?? []).map((c) => (
              <li key={c.label}>
                <span className={type.strong}>{t("{label}:", { label: c.label })}</span>{" "}
                {c.old ? (
                  <>
                    <span className={styles.old}>{c.old}</span> → {c.new}
                  </>
                ) : (
                  c.new
                )}
              </li>
            ))}
            {(e.changes ?? []).length === 0 && <li>{t("Saved without changes.")}</li>}
          </ul>
        </li>
      ))}
    </ol>
  );
}
