import { useEffect, useRef, useState } from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { appservice } from "../../wailsjs/go/models";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  badge: { minWidth: "104px", justifyContent: "center" },
  message: { paddingTop: "2px" },
  action: { gridColumn: "2", justifySelf: "start", marginTop: tokens.spacingVerticalXS },
});

// The words and colours of each outcome; the words carry the meaning, the
// colour only repeats it.
const OUTCOME: Record<string, { label: string; color: "success" | "warning" | "danger" | "informative" }> = {
  pass: { label: "Ready", color: "success" },
  warning: { label: "Check", color: "warning" },
  fail: { label: "Not ready", color: "danger" },
  skipped: { label: "Not checked", color: "informative" },
};

// ReadinessChecklist shows what the last connection test found, link by
// link, each with its next step; a company file other than the settings'
// offers to use it, after asking.
export function ReadinessChecklist(props: {
  checks: appservice.Check[];
  openCompanyFile: string;
  onRebind: () => Promise<void>;
  onSendSettings: () => Promise<void>;
}) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  // The choice takes the keyboard's focus when it appears.
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (props.checks.length === 0) return null;
  const rebind = async () => {
    setBusy(true);
    try {
      await props.onRebind();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      <ul className={styles.list} aria-label="Readiness of the integration">
        {props.checks.map((c) => {
          const outcome = OUTCOME[c.status] ?? OUTCOME.skipped;
          return (
            <li key={c.id} className={styles.item}>
              <Badge appearance="tint" color={outcome.color} className={styles.badge}>
                {outcome.label}
              </Badge>
              <Text className={styles.message}>
                <Text weight="semibold">{c.label}:</Text> {c.message}
              </Text>
              {c.remedy === appservice.Remedy.SendSettings && (
                <Button className={styles.action} type="button" onClick={() => void props.onSendSettings()}>
                  Send the settings now
                </Button>
              )}
              {c.remedy === appservice.Remedy.RebindCompanyFile && props.openCompanyFile && (
                <Button className={styles.action} type="button" onClick={() => setAsking(true)}>
                  Use {props.openCompanyFile} for these settings…
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {asking && (
        <MessageBar intent="warning" layout="multiline" role="region" aria-label={`Use ${props.openCompanyFile} for these settings?`}>
          <MessageBarBody>
            <MessageBarTitle>Use {props.openCompanyFile} for these settings?</MessageBarTitle>
            The integration will sync this company's Procore data with {props.openCompanyFile}. Do this only if {props.openCompanyFile} is
            now this company's QuickBooks file, for example after it was moved or restored.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void rebind()} disabledFocusable={busy} ref={confirmRef}>
              Use {props.openCompanyFile}
            </Button>
            <Button onClick={() => setAsking(false)}>Keep the current file</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
