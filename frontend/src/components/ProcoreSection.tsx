import { KeyboardEvent, useCallback, useEffect, useState } from "react";
import { MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Button } from "../ui/Button";
import { Field } from "../ui/field";
import { Select } from "../ui/Select";
import { TextInput } from "../ui/TextInput";
import { appservice, desktop } from "../../wailsjs/go/models";
import * as procore from "../../wailsjs/go/desktop/Procore";
import { type Answer, useGoCall } from "../goCall";
import { useT } from "../i18n";
import { Section } from "./Section";

const useStyles = makeStyles({
  summary: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, wordBreak: "break-word" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

type Input = appservice.ProcoreInput;
type Errors = Partial<Record<keyof Input, string>>;

const blank: Input = { companyId: "", clientId: "", clientSecret: "", environment: "production", baseUrl: "" };

// The ids of the section's controls, for a refused field to take focus.
const ids: Record<keyof Input, string> = {
  companyId: "procore-company-id",
  clientId: "procore-client-id",
  clientSecret: "procore-client-secret",
  environment: "procore-environment",
  baseUrl: "procore-base-url",
};

// ProcoreSection is the Procore company the QuickBooks service is the ERP
// integrator of, and the service account it signs in as. The service
// keeps it, not this computer: the Client Secret goes to the service
// once, to its user's keychain, and is never shown again. Nothing here is
// saved with Update; Connect to Procore is its own step, taken only when
// Procore accepts the values. serviceSaved: the form's connection to the
// service is saved, which the section talks through.
export function ProcoreSection({ serviceSaved }: { serviceSaved: boolean }) {
  const styles = useStyles();
  const t = useT();
  const call = useGoCall();
  const [state, setState] = useState<desktop.ProcoreState | null>(null);
  const [editing, setEditing] = useState(false);
  const [input, setInput] = useState<Input>(blank);
  const [errors, setErrors] = useState<Errors>({});
  const [checked, setChecked] = useState(false); // Connect was tried: errors follow the typing
  const [busy, setBusy] = useState<"" | "read" | "connect" | "test" | "disconnect">(serviceSaved ? "read" : "");
  const [problem, setProblem] = useState("");
  const [said, setSaid] = useState("");
  const [confirming, setConfirming] = useState(false);

  const answered = useCallback((a: Answer<desktop.ProcoreResult>, done: string) => {
    if (a.failure !== undefined) {
      setProblem(a.failure);
      return false;
    }
    const res = a.result;
    if (res.fieldErrors?.length) {
      setErrors(errorsOf(res.fieldErrors));
      focusFirst(res.fieldErrors);
      return false;
    }
    setProblem("");
    setState(res.state ?? null);
    setSaid(done);
    return true;
  }, []);

  useEffect(() => {
    if (!serviceSaved) return;
    void call(() => procore.ProcoreStatus())
      .then((a) => answered(a, ""))
      .finally(() => setBusy(""));
  }, [serviceSaved, call, answered]);

  const change = (key: keyof Input, value: string) => {
    const next = { ...input, [key]: value };
    setInput(next);
    if (checked)
      void call(() => procore.ValidateProcore(appservice.ProcoreInput.createFrom(next))).then(
        (a) => a.result && setErrors(errorsOf(a.result)),
      );
  };

  const connect = async () => {
    setChecked(true);
    setSaid("");
    const v = await call(() => procore.ValidateProcore(appservice.ProcoreInput.createFrom(input)));
    if (v.result?.length) {
      setErrors(errorsOf(v.result));
      focusFirst(v.result);
      return;
    }
    setErrors({});
    setBusy("connect");
    try {
      const a = await call(() => procore.ConnectProcore(appservice.ProcoreInput.createFrom(input)));
      if (answered(a, t("Connected to Procore. The QuickBooks service keeps the Client Secret in its computer's keychain."))) {
        setEditing(false);
        setChecked(false);
        setInput(blank);
      }
    } finally {
      setBusy("");
    }
  };

  const test = async () => {
    setSaid("");
    setBusy("test");
    try {
      const a = await call(() => procore.TestProcore());
      answered(a, a.result?.state?.connected ? t("The QuickBooks service signed in to Procore.") : "");
    } finally {
      setBusy("");
    }
  };

  const disconnect = async () => {
    setConfirming(false);
    setBusy("disconnect");
    try {
      const a = await call(() => procore.DisconnectProcore());
      answered(a, t("The QuickBooks service is no longer connected to Procore."));
    } finally {
      setBusy("");
    }
  };

  const edit = () => {
    if (state?.kept)
      setInput({
        companyId: state.companyId,
        clientId: state.clientId,
        clientSecret: "",
        environment: state.environment,
        baseUrl: state.baseUrl,
      });
    setEditing(true);
    setSaid("");
  };

  const cancel = () => {
    setEditing(false);
    setChecked(false);
    setErrors({});
    setInput(blank);
  };

  // Enter in a field connects: the page's Update is for the settings.
  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    void connect();
  };

  const description = t(
    "The Procore company the QuickBooks service works with, and the service account it signs in as. The QuickBooks service keeps them.",
  );
  if (!serviceSaved) {
    return (
      <Section id="procore" title={t("Procore")} description={description}>
        <span>{t("Save the connection to the QuickBooks service first: the service keeps the Procore connection.")}</span>
      </Section>
    );
  }

  if (state?.unsupported) {
    return (
      <Section id="procore" title={t("Procore")} description={description}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{state.unsupported}</MessageBarBody>
        </MessageBar>
      </Section>
    );
  }
  const showForm = editing || (state !== null && !state.kept);
  return (
    <Section id="procore" title={t("Procore")} description={description}>
      {busy === "read" && <Spinner size="tiny" label={t("Reading the Procore connection from the QuickBooks service…")} />}
      {state?.kept && !editing && (
        <>
          <dl className={styles.summary}>
            <dt className={styles.term}>{t("Company")}</dt>
            <dd className={styles.value}>
              {state.companyName
                ? t("{name} (ID {id})", { name: state.companyName, id: state.companyId })
                : t("ID {id}", { id: state.companyId })}
            </dd>
            <dt className={styles.term}>{t("Environment")}</dt>
            <dd className={styles.value}>{environmentText(t, state.environment, state.baseUrl)}</dd>
            <dt className={styles.term}>{t("Client ID")}</dt>
            <dd className={styles.value}>{state.clientId}</dd>
            <dt className={styles.term}>{t("Status")}</dt>
            <dd className={styles.value}>
              {state.connected
                ? t("Signed in at {time}.", { time: state.checkedAt })
                : t("Not signed in at {time}.", { time: state.checkedAt })}
            </dd>
          </dl>
          {!state.connected && state.problem && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{state.problem}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button
              onClick={() => void test()}
              disabledFocusable={busy !== ""}
              icon={busy === "test" ? <Spinner size="tiny" /> : undefined}
            >
              {t("Test Procore connection")}
            </Button>
            <Button onClick={edit} disabledFocusable={busy !== ""}>
              {t("Edit Credentials")}
            </Button>
            <Button appearance="subtle" onClick={() => setConfirming(true)} disabledFocusable={busy !== ""}>
              {t("Disconnect")}
            </Button>
          </div>
          {confirming && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t(
                  "Disconnect the QuickBooks service from Procore? It forgets the Client Secret, and nothing moves between Procore and QuickBooks until it is connected again.",
                )}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void disconnect()}>{t("Disconnect")}</Button>
                <Button onClick={() => setConfirming(false)}>{t("Cancel")}</Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </>
      )}
      {showForm && (
        <>
          <Field
            id={ids.companyId}
            label={t("Company ID")}
            required
            error={errors.companyId}
            hint={t("The number after app.procore.com/ in Procore's address when you are in the company.")}
          >
            <TextInput
              value={input.companyId}
              onChange={(v) => change("companyId", v)}
              onKeyDown={onEnter}
              inputMode="numeric"
              spellCheck={false}
              autoComplete="off"
            />
          </Field>
          <Field
            id={ids.clientId}
            label={t("Client ID")}
            required
            error={errors.clientId}
            hint={t("From the Manage App page of Procore's Developer Portal: the app's service account.")}
          >
            <TextInput
              value={input.clientId}
              onChange={(v) => change("clientId", v)}
              onKeyDown={onEnter}
              spellCheck={false}
              autoComplete="off"
            />
          </Field>
          <Field
            id={ids.clientSecret}
            label={t("Client Secret")}
            required={!state?.kept}
            error={errors.clientSecret}
            hint={
              state?.kept
                ? t("Leave it empty to keep the Client Secret the QuickBooks service has, for the same Company ID and Client ID.")
                : t("Sent once to the QuickBooks service, which keeps it in its computer's keychain; it is never shown again.")
            }
          >
            <TextInput
              type="password"
              value={input.clientSecret}
              onChange={(v) => change("clientSecret", v)}
              onKeyDown={onEnter}
              autoComplete="new-password"
            />
          </Field>
          <Field id={ids.environment} label={t("Environment")} error={errors.environment}>
            <Select value={input.environment} onChange={(v) => change("environment", v)}>
              <option value="production">{t("Production")}</option>
              <option value="sandbox">{t("Sandbox")}</option>
              <option value="custom">{t("Another address")}</option>
            </Select>
          </Field>
          {input.environment === "custom" && (
            <Field
              id={ids.baseUrl}
              label={t("Address")}
              required
              error={errors.baseUrl}
              hint={t("Another of Procore's regions, given by Procore: https://…")}
            >
              <TextInput
                type="url"
                value={input.baseUrl}
                onChange={(v) => change("baseUrl", v)}
                onKeyDown={onEnter}
                spellCheck={false}
                autoComplete="url"
              />
            </Field>
          )}
          <div className={styles.actions}>
            <Button
              onClick={() => void connect()}
              disabledFocusable={busy !== ""}
              icon={busy === "connect" ? <Spinner size="tiny" /> : undefined}
            >
              {busy === "connect" ? t("Signing in to Procore…") : t("Connect to Procore")}
            </Button>
            {editing && <Button onClick={cancel}>{t("Cancel")}</Button>}
          </div>
        </>
      )}
      <div role="status" aria-live="polite">
        {said}
      </div>
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}

function errorsOf(list: { field: string; message: string }[]): Errors {
  const out: Errors = {};
  for (const e of list) out[e.field as keyof Input] = e.message;
  return out;
}

function focusFirst(list: { field: string }[]) {
  const first = list.map((e) => ids[e.field as keyof Input]).find(Boolean);
  if (first) document.getElementById(first)?.focus();
}

function environmentText(t: ReturnType<typeof useT>, env: string, base: string) {
  if (env === "production") return t("Production");
  if (env === "sandbox") return t("Sandbox");
  return base;
}
