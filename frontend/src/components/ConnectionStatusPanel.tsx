import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Badge } from "../ui/Badge";
import { Button, LinkButton } from "../ui/Button";
import { useTypography } from "../ui/typography";
import { desktop } from "../../wailsjs/go/models";
import { ReadinessChecklist } from "./ReadinessChecklist";
import type { Draft } from "../form/draft";
import type { Saved } from "../form/saved";
import { useConnectionTest } from "../form/connectionTest";
import { useT } from "../i18n";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  fingerprint: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all", userSelect: "all" },
  certBody: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS },
  detail: { color: tokens.colorNeutralForeground2 },
});

// ConnectionStatusPanel shows the Status the article describes, with Test
// connection to check the values in the form, and the certificate choices
// a self-signed service needs.
export function ConnectionStatusPanel({ draft, saved, send }: { draft: Draft; saved: Saved; send: () => Promise<void> }) {
  const styles = useStyles();
  const type = useTypography();
  const t = useT();
  // What the service presented, in one sentence of the four the choice needs.
  const certificateWords = (c: desktop.CertificateInfo) => {
    const values = { subject: c.subject, time: c.notAfter };
    if (c.selfSigned)
      return c.notAfter
        ? t("The service uses a self-signed certificate ({subject}, valid until {time}). Its SHA-256 fingerprint is:", values)
        : t("The service uses a self-signed certificate ({subject}). Its SHA-256 fingerprint is:", values);
    return c.notAfter
      ? t("The service's certificate is not trusted by this computer ({subject}, valid until {time}). Its SHA-256 fingerprint is:", values)
      : t("The service's certificate is not trusted by this computer ({subject}). Its SHA-256 fingerprint is:", values);
  };
  const state = saved.state;
  const { testing, problem, certificate: cert, result, test, cancel, rebind, trust, untrust } = useConnectionTest(draft, saved);

  const status = state.status;
  return (
    <div className={styles.panel} role="group" aria-labelledby="status-label">
      <span id="status-label" className={type.strong}>
        {t("Status")}
      </span>
      <div className={styles.line} role="status" aria-live="polite">
        {testing ? (
          <Spinner size="tiny" label={t("Testing the connection…")} />
        ) : (
          <>
            <Badge appearance="filled" color={status.connected ? "success" : "danger"}>
              {status.connected ? t("Connected") : t("Not Connected")}
            </Badge>
            <span>{status.checkedAt ? t("Last checked {time}.", { time: status.checkedAt }) : t("Not checked yet.")}</span>
          </>
        )}
      </div>
      {/* Said once: a failed test's reason stands in its checklist line. */}
      {!testing && status.detail && !(result?.checks ?? []).some((c) => c.message === status.detail) && (
        <span className={styles.detail}>{status.detail}</span>
      )}
      <div className={styles.line}>
        <Button onClick={() => void test()} disabledFocusable={testing}>
          {t("Test connection")}
        </Button>
        {testing && (
          <Button appearance="subtle" onClick={cancel}>
            {t("Cancel")}
          </Button>
        )}
      </div>
      {!testing && result && (
        <ReadinessChecklist
          checks={result.checks ?? []}
          openCompanyFile={result.openCompanyFile}
          onRebind={rebind}
          onSendSettings={async () => {
            await send();
            await test();
          }}
        />
      )}
      {problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {cert && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.certBody}>
            <MessageBarTitle>{t("Certificate not trusted")}</MessageBarTitle>
            <div>{certificateWords(cert)}</div>
            <div className={styles.fingerprint}>{cert.fingerprint}</div>
            <div>{t("Trust it only if your IT support confirms this exact fingerprint.")}</div>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => trust(cert)}>{t("Trust this certificate")}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {(state.trusted ?? []).map((c) => (
        <span key={c.origin} className={styles.detail}>
          {t("Trusted certificate for {origin}, trusted {time}.", { origin: c.origin, time: c.trustedAt })}{" "}
          <span className={styles.fingerprint}>{t("SHA-256 {fingerprint}", { fingerprint: c.fingerprint })}</span>{" "}
          <LinkButton onClick={() => untrust(c.origin)} aria-label={t("Stop trusting the certificate for {origin}", { origin: c.origin })}>
            {t("Remove")}
          </LinkButton>
        </span>
      ))}
    </div>
  );
}
