import { useEffect, useRef, useState } from "react";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { Badge, BadgeColor } from "../ui/Badge";
import { Button } from "../ui/Button";
import { useTypography } from "../ui/typography";
import { appservice, desktop } from "../../wailsjs/go/models";
import { useT } from "../i18n";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  badge: { minWidth: "104px", justifyContent: "center" },
  message: { paddingTop: "2px" },
  action: { gridColumn: "2", justifySelf: "start", marginTop: tokens.spacingVerticalXS },
});

// The colours of each outcome; its words carry the meaning, the colour
// only repeats it.
const COLOR: Record<string, BadgeColor> = {
  pass: "success",
  warning: "warning",
  fail: "danger",
  skipped: "informative",
};

// ReadinessChecklist shows what the last connection test found, link by
// link, each with its next step; a company file other than the settings'
// offers to use it, after asking.
export function ReadinessChecklist(props: {
  checks: desktop.Check[];
  openCompanyFile: string;
  onRebind: () => Promise<void>;
  onSendSettings: () => Promise<void>;
}) {
  const styles = useStyles();
  const type = useTypography();
  const t = useT();
  const outcomeWords = (status: string) =>
    status === "pass" ? t("Ready") : status === "warning" ? t("Check") : status === "fail" ? t("Not ready") : t("Not checked");
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
      <ul className={styles.list} aria-label={t("Readiness of the integration")}>
        {props.checks.map((c) => {
          return (
            <li key={c.id} className={styles.item}>
              <Badge appearance="tint" color={COLOR[c.status] ?? COLOR.skipped} className={styles.badge}>
                {outcomeWords(c.status)}
              </Badge>
              <span className={styles.message}>
                <span className={type.strong}>{t("{label}:", { label: c.label })}</span> {c.message}
              </span>
              {c.remedy === appservice.Remedy.SendSettings && (
                <Button className={styles.action} onClick={() => void props.onSendSettings()}>
                  {t("Send the settings now")}
                </Button>
              )}
              {c.remedy === appservice.Remedy.RebindCompanyFile && props.openCompanyFile && (
                <Button className={styles.action} onClick={() => setAsking(true)}>
                  {t("Use {file} for these settings…", { file: props.openCompanyFile })}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {asking && (
        <MessageBar
          intent="warning"
          layout="multiline"
          role="region"
          aria-label={t("Use {file} for these settings?", { file: props.openCompanyFile })}
        >
          <MessageBarBody>
            <MessageBarTitle>{t("Use {file} for these settings?", { file: props.openCompanyFile })}</MessageBarTitle>
            {t(
              "The integration will sync this company's Procore data with {file}. Do this only if {file} is now this company's QuickBooks file, for example after it was moved or restored.",
              { file: props.openCompanyFile },
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void rebind()} disabledFocusable={busy} ref={confirmRef}>
              {t("Use {file}", { file: props.openCompanyFile })}
            </Button>
            <Button onClick={() => setAsking(false)}>{t("Keep the current file")}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
