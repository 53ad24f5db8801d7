import { makeStyles, tokens } from "@fluentui/react-components";
import { Button, LinkButton } from "../ui/Button";
import { TextInput } from "../ui/TextInput";
import { useTypography } from "../ui/typography";
import { useT } from "../i18n";
import { desktop, settings } from "../../wailsjs/go/models";
import { fieldId, type Draft } from "../form/draft";
import type { Saved } from "../form/saved";
import type { Refreshed } from "../form/items";
import { LocalServiceSetup } from "./LocalServiceSetup";
import { ConnectionStatusPanel } from "./ConnectionStatusPanel";
import { useSpec } from "../fields";
import { Section } from "./Section";
import { SettingField } from "./SettingField";

const useStyles = makeStyles({
  passwordRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  passwordInput: { flexGrow: 1 },
  credentials: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

// ConnectionSection is where the service is and how to sign in (or the
// service on this computer, set up at a click), and the Status with Test
// connection; send sends the saved settings.
export function ConnectionSection({
  draft,
  saved,
  send,
  applySaved,
  refreshed,
}: {
  draft: Draft;
  saved: Saved;
  send: () => Promise<void>;
  applySaved: (state: desktop.FormState, done: string) => Promise<void>;
  refreshed: Refreshed;
}) {
  const styles = useStyles();
  const t = useT();
  const { values, setValue, errors } = draft;
  return (
    <Section
      id="connection"
      title={t("Connection Settings")}
      description={t("How this computer reaches the QuickBooks® microservice that works with Procore.")}
    >
      <SettingField field={settings.Field.ServiceUrl} errors={errors}>
        <TextInput
          type="url"
          value={values.serviceUrl}
          onChange={(v) => setValue("serviceUrl", v, settings.Field.ServiceUrl)}
          autoComplete="url"
          spellCheck={false}
          // On first run, setting up starts here.
          autoFocus={saved.state.revision === 0 && values.serviceUrl === ""}
        />
      </SettingField>
      <LocalServiceSetup draft={draft} saved={saved} applySaved={applySaved} refreshed={refreshed} />
      <SettingField field={settings.Field.ServiceUser} errors={errors}>
        <TextInput
          value={values.serviceUser}
          onChange={(v) => setValue("serviceUser", v, settings.Field.ServiceUser)}
          autoComplete="username"
          spellCheck={false}
        />
      </SettingField>
      <PasswordField draft={draft} passwordStored={saved.state.passwordStored} className={styles} />
      <ConnectionStatusPanel draft={draft} saved={saved} send={send} />
    </Section>
  );
}

function PasswordField({
  draft,
  passwordStored,
  className: styles,
}: {
  draft: Draft;
  passwordStored: boolean;
  className: ReturnType<typeof useStyles>;
}) {
  const t = useT();
  const type = useTypography();
  const { passwordOpen, password, setPassword, openPassword, cancelPassword, errors } = draft;
  const spec = useSpec(settings.Field.Password);
  if (!passwordOpen) {
    // The link stands in for the closed box: it takes the field's id, so
    // focus lands on it, and carries the field's error, if any.
    const error = errors[settings.Field.Password];
    return (
      <div className={styles.credentials}>
        <span className={type.strong} id="password-label">
          {spec.label}
        </span>
        <span id="password-state">{t("A password is stored in this computer's keychain.")}</span>
        <LinkButton
          id={fieldId(settings.Field.Password)}
          onClick={openPassword}
          aria-describedby={error ? "password-label password-state password-error" : "password-label password-state"}
        >
          {t("Edit Credentials")}
        </LinkButton>
        {error && (
          <span id="password-error" role="alert" className={styles.error}>
            {error}
          </span>
        )}
      </div>
    );
  }
  const hint = passwordStored
    ? t("Enter the new password for the QuickBooks® microservice account, or click Cancel to keep the current password.")
    : spec.help;
  return (
    <SettingField field={settings.Field.Password} errors={errors} hint={hint}>
      <div className={styles.passwordRow}>
        <TextInput
          className={styles.passwordInput}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          autoFocus={passwordStored}
        />
        {passwordStored && <Button onClick={cancelPassword}>{t("Cancel")}</Button>}
      </div>
    </SettingField>
  );
}
