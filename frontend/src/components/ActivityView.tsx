import { useCallback, useEffect, useState } from "react";
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { card } from "../ui/card";
import { useTypography } from "../ui/typography";
import { desktop } from "../../wailsjs/go/models";
import { Activity } from "../../wailsjs/go/desktop/Procore";
import { useGoCall } from "../goCall";
import { useT } from "../i18n";

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, listStyleType: "none", margin: 0, padding: 0 },
  entry: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalL, ...card },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  when: { color: tokens.colorNeutralForeground2 },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
});

// ActivityView lists Procore's requests to the QuickBooks service, newest
// first: what was asked in Procore, and what came of it, in Go's words.
// Refresh reads them again.
export function ActivityView() {
  const styles = useStyles();
  const type = useTypography();
  const t = useT();
  const call = useGoCall();
  const [result, setResult] = useState<desktop.ActivityResult | null>(null);
  const read = useCallback(
    () =>
      call(() => Activity()).then((a) =>
        setResult(a.failure === undefined ? a.result : desktop.ActivityResult.createFrom({ lines: [], error: a.failure })),
      ),
    [call],
  );
  useEffect(() => {
    void read();
  }, [read]);

  const lines = result?.lines ?? [];
  return (
    <div className={styles.list}>
      <div className={styles.bar}>
        <Button onClick={() => void read()}>{t("Refresh")}</Button>
        {!result && <Spinner size="tiny" label={t("Reading Procore's requests from the QuickBooks service…")} />}
      </div>
      {result?.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{result.error}</MessageBarBody>
        </MessageBar>
      )}
      {result && !result.error && lines.length === 0 && (
        <span role="status">
          {t(
            "No request from Procore has reached the QuickBooks service yet. Each one sent from Procore's ERP Integrations tool is listed here.",
          )}
        </span>
      )}
      {lines.length > 0 && (
        <ol className={styles.list} aria-label={t("Procore's requests, newest first")}>
          {lines.map((l) => (
            <li key={l.id} className={styles.entry}>
              <div className={styles.head}>
                <h2 className={type.subtitle2}>{l.action}</h2>
                {l.outcome === "failed" && (
                  <Badge appearance="tint" color="danger">
                    {t("Not done")}
                  </Badge>
                )}
                {l.outcome === "success" && (
                  <Badge appearance="tint" color="success">
                    {t("Done")}
                  </Badge>
                )}
              </div>
              <span className={styles.when}>{t("Received {time}", { time: l.seenAt })}</span>
              <span>{l.said}</span>
              {l.details.length > 0 && (
                <ul className={styles.details}>
                  {l.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
