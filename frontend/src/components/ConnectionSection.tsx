import { Button, Field, Input, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import { settings } from "../../wailsjs/go/models";
import { fieldId, SettingsFormModel } from "../useSettingsForm";
import { ConnectionStatusPanel } from "./ConnectionStatusPanel";
import { errorProps } from "./fieldProps";
import { useSpec } from "../fields";
import { Section } from "./Section";

const useStyles = makeStyles({
  passwordRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  passwordInput: { flexGrow: 1 },
  credentials: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function ConnectionSection({ form }: { form: SettingsFormModel }) {
  const styles = useStyles();
  const t = useT();
  const { values, setValue, errors } = form;
  const url = useSpec(settings.Field.ServiceUrl);
  const user = useSpec(settings.Field.ServiceUser);
  return (
    <Section
      id="connection"
      title={t("Connection Settings")}
      description={t("How this computer reaches the QuickBooks® microservice that works with Procore.")}
    >
      <Field label={url.label} required={url.required} hint={url.help} {...errorProps(errors[settings.Field.ServiceUrl])}>
        <Input
          id={fieldId(settings.Field.ServiceUrl)}
          type="url"
          value={values.serviceUrl}
          onChange={(_, d) => setValue("serviceUrl", d.value, settings.Field.ServiceUrl)}
          autoComplete="url"
          spellCheck={false}
          // On first run, setting up starts here.
          autoFocus={form.state.revision === 0 && values.serviceUrl === ""}
        />
      </Field>
      <Field label={user.label} required={user.required} hint={user.help} {...errorProps(errors[settings.Field.ServiceUser])}>
        <Input
          id={fieldId(settings.Field.ServiceUser)}
          value={values.serviceUser}
          onChange={(_, d) => setValue("serviceUser", d.value, settings.Field.ServiceUser)}
          autoComplete="username"
          spellCheck={false}
        />
      </Field>
      <PasswordField form={form} className={styles} />
      <ConnectionStatusPanel form={form} />
    </Section>
  );
}

function PasswordField({ form, className: styles }: { form: SettingsFormModel; className: ReturnType<typeof useStyles> }) {
  const t = useT();
  const { state, passwordOpen, password, setPassword, openPassword, cancelPassword, errors } = form;
  const spec = useSpec(settings.Field.Password);
  if (!passwordOpen) {
    // The link stands in for the closed box: it takes the field's id, so
    // focus lands on it, and carries the field's error, if any.
    const error = errors[settings.Field.Password];
    return (
      <div className={styles.credentials}>
        <Text weight="semibold" id="password-label">
          {spec.label}
        </Text>
        <Text id="password-state">{t("A password is stored in this computer's keychain.")}</Text>
        <Link
          as="button"
          type="button"
          id={fieldId(settings.Field.Password)}
          onClick={openPassword}
          aria-describedby={error ? "password-label password-state password-error" : "password-label password-state"}
        >
          {t("Edit Credentials")}
        </Link>
        {error && (
          <Text id="password-error" role="alert" className={styles.error}>
            {error}
          </Text>
        )}
      </div>
    );
  }
  const hint = state.passwordStored
    ? t("Enter the new password for the QuickBooks® microservice account, or click Cancel to keep the current password.")
    : spec.help;
  return (
    <Field label={spec.label} required={spec.required} hint={hint} {...errorProps(errors[settings.Field.Password])}>
      <div className={styles.passwordRow}>
        <Input
          id={fieldId(settings.Field.Password)}
          className={styles.passwordInput}
          type="password"
          value={password}
          onChange={(_, d) => setPassword(d.value)}
          autoComplete="new-password"
          autoFocus={state.passwordStored}
        />
        {state.passwordStored && (
          <Button type="button" onClick={cancelPassword}>
            {t("Cancel")}
          </Button>
        )}
      </div>
    </Field>
  );
}
