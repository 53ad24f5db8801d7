import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { appservice, desktop, settings } from "../wailsjs/go/models";
import * as formService from "../wailsjs/go/desktop/Form";
import * as syncService from "../wailsjs/go/desktop/Sync";
import { useFormatTime, useT } from "./i18n";
import { failureText } from "./failure";

// Values are the settings being edited: Go's settings.Settings as plain data.
export type Values = Omit<settings.Settings, "convertValues">;
export type FieldErrors = Partial<Record<settings.Field, string>>;

export interface Banner {
  intent: "success" | "error" | "warning" | "info";
  text: string;
  // The save was refused because someone else saved first: offer Reload.
  conflict?: boolean;
}

// How long the form waits after the last keystroke before asking Go.
export const VALIDATE_DELAY_MS = 350;
// How often the form checks for saves made elsewhere (the command line).
export const WATCH_INTERVAL_MS = 3000;

export function fieldId(field: settings.Field): string {
  return `field-${field}`;
}

// sameValues compares settings by value (the retainage item is an object).
const sameValues = (a: Values, b: Values) =>
  (Object.keys(a) as (keyof Values)[]).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

// syncBanner says, after what was done here (saved, if anything), where the
// settings stand on the QuickBooks service.
function syncBanner(t: ReturnType<typeof useT>, sync: desktop.ServiceSync, saved: string): Banner {
  switch (sync.status) {
    case appservice.SyncStatus.InEffect:
      return { intent: "success", text: t("{saved} They are in effect on the QuickBooks service.", { saved }).trim() };
    case appservice.SyncStatus.ChangedElsewhere:
      return {
        intent: "warning",
        text: t(
          "{saved} The settings on the QuickBooks service were changed from somewhere else: choose which to keep, at the top of the page.",
          { saved },
        ).trim(),
      };
    case appservice.SyncStatus.Pending:
      return {
        intent: "warning",
        text: t("{saved} They are not on the QuickBooks service yet. {reason}", { saved, reason: sync.message }).trim(),
      };
  }
  return { intent: saved ? "success" : "info", text: t("{saved} {message}", { saved, message: sync.message }).trim() };
}

function toErrors(list: settings.FieldError[] | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of list ?? []) out[e.field] ??= e.message;
  return out;
}

// useSettingsForm holds what the user is editing and talks to Go. It has no
// rules of its own: every error it shows came from Go's Validate or Save.
export function useSettingsForm(initial: desktop.FormState) {
  const t = useT();
  const formatTime = useFormatTime();
  const [state, setState] = useState(initial);
  const [values, setValues] = useState<Values>(initial.settings);
  const [passwordOpen, setPasswordOpen] = useState(!initial.passwordStored);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<Set<settings.Field>>(new Set());
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [saving, setSaving] = useState(false);
  const [sending, setSending] = useState(false);
  const [newerRevision, setNewerRevision] = useState(0);
  const validation = useRef(0);

  const reset = useCallback((next: desktop.FormState) => {
    setState(next);
    setValues(next.settings);
    setPasswordOpen(!next.passwordStored);
    setPassword("");
    setErrors({});
    setTouched(new Set());
    setShowAllErrors(false);
  }, []);

  // Notice a newer revision saved elsewhere; the page offers to reload and
  // never replaces what the user is editing by itself.
  useEffect(() => {
    const timer = setInterval(() => {
      formService
        .StoredRevision()
        .then((rev) => setNewerRevision(rev > state.revision ? rev : 0))
        .catch((err: unknown) => setBanner({ intent: "error", text: failureText(t, err) }));
    }, WATCH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [state.revision, t]);

  const input = useMemo(
    () => settings.Change.createFrom({ settings: values, changePassword: passwordOpen, password }),
    [values, passwordOpen, password],
  );

  const dirty = !sameValues(values, state.settings) || (passwordOpen && password !== "");

  // Tell Go only of changes: it starts out clean, and a page that was never
  // edited has nothing to say (nor should it overwrite another's state).
  const toldDirty = useRef(false);
  useEffect(() => {
    if (dirty === toldDirty.current) return;
    toldDirty.current = dirty;
    formService.SetDirty(dirty).catch((err: unknown) => setBanner({ intent: "error", text: failureText(t, err) }));
  }, [dirty, t]);

  // Ask Go for the field errors once the user pauses typing. Only the newest
  // answer counts, so a slow reply cannot overwrite a newer one.
  useEffect(() => {
    if (touched.size === 0) return;
    const ticket = ++validation.current;
    const timer = setTimeout(() => {
      formService
        .Validate(input)
        .then((list) => {
          if (ticket === validation.current) setErrors(toErrors(list));
        })
        .catch((err: unknown) => setBanner({ intent: "error", text: failureText(t, err) }));
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, touched, t]);

  const touch = (field: settings.Field) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));

  const setValue = <K extends keyof Values>(key: K, value: Values[K], field: settings.Field | null) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (field) touch(field);
    setBanner((b) => (b?.intent === "success" ? null : b));
  };

  // Values the service refused stand beside their fields until changed.
  const refused: FieldErrors =
    state.serviceSync?.status === appservice.SyncStatus.Pending
      ? Object.fromEntries(
          Object.entries(toErrors(state.serviceSync.refused)).filter(
            ([f]) => f in values && JSON.stringify(values[f as keyof Values]) === JSON.stringify(state.settings[f as keyof Values]),
          ),
        )
      : {};
  const ownErrors: FieldErrors = showAllErrors
    ? errors
    : Object.fromEntries(Object.entries(errors).filter(([f]) => touched.has(f as settings.Field)));
  const visibleErrors: FieldErrors = { ...refused, ...ownErrors };
  const refusedOnly = Object.keys(refused).length > 0 && Object.keys(ownErrors).length === 0;

  // send sends the saved settings to the QuickBooks service (keep: over
  // the service's copy the user was shown as changed elsewhere); saved
  // says what was just done here, for the banner.
  const send = async (keep = false, saved = "") => {
    setSending(true);
    try {
      const res = await syncService.SendSettings(keep);
      if (res.error || !res.sync) {
        setBanner({ intent: "error", text: t("{saved} {error}", { saved, error: res.error }).trim() });
        return;
      }
      const serviceSync = res.sync;
      setState((s) => desktop.FormState.createFrom({ ...s, serviceSync }));
      setBanner(syncBanner(t, serviceSync, saved));
    } catch (err: unknown) {
      setBanner({ intent: "error", text: failureText(t, err) });
    } finally {
      setSending(false);
    }
  };

  // afterSave shows settings saved here (an Update, an import) and sends them.
  const afterSave = async (next: desktop.FormState, saved: string) => {
    reset(next);
    setBanner({ intent: "info", text: saved });
    await send(false, saved);
  };

  const takeServices = async () => {
    const res = await syncService.TakeServiceSettings();
    if (res.error || !res.state) {
      setBanner({ intent: "error", text: res.error, conflict: res.conflict });
      return;
    }
    reset(res.state);
    setBanner({
      intent: "success",
      text: t("The QuickBooks service's settings were saved on this computer as revision {revision}. They are in effect there.", {
        revision: res.state.revision,
      }),
    });
  };

  // save returns the field to focus when the save was refused for field errors.
  const save = async (): Promise<settings.Field | null> => {
    setSaving(true);
    setBanner(null);
    try {
      const res = await formService.Save(state.revision, input);
      if (res.error) {
        setBanner({ intent: "error", text: res.error, conflict: res.conflict });
        return null;
      }
      if (res.fieldErrors?.length) {
        validation.current++; // an older live check must not hide these
        setErrors(toErrors(res.fieldErrors));
        setShowAllErrors(true);
        return res.fieldErrors[0].field;
      }
      if (!res.state) return null;
      const next = res.state;
      setSaving(false);
      await afterSave(next, t("Settings saved at {time}.", { time: formatTime(next.savedAt) }));
      return null;
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    const res = await formService.Load();
    if (!res.state) {
      setBanner({ intent: "error", text: res.error });
      return;
    }
    reset(res.state);
    setBanner(null);
    setNewerRevision(0);
  };

  // Field errors found by another action (a connection test, a refresh) are
  // shown at once, like Update's.
  const showFieldErrors = (list: settings.FieldError[]) => {
    validation.current++;
    setErrors((e) => ({ ...e, ...toErrors(list) }));
    setTouched((t) => new Set([...t, ...list.map((e) => e.field)]));
  };

  // restore loads a saved revision's settings for review; Update saves them
  // as a new revision. The password is not part of a revision.
  const restore = (entry: desktop.HistoryEntry) => {
    setValues(settings.Settings.createFrom(entry.settings));
    touch(settings.Field.RetainageItem);
    setBanner({
      intent: "info",
      text: t("Revision {revision} is loaded for review. Check it, then click Update to save it as a new revision.", {
        revision: entry.revision,
      }),
    });
  };

  // applySaved shows settings saved by another action (an import) and
  // sends them, as Update does.
  const applySaved = (next: desktop.FormState, message: string) => afterSave(next, message);

  const update = (patch: Partial<desktop.FormState>) => setState((s) => desktop.FormState.createFrom({ ...s, ...patch }));

  return {
    state,
    input,
    restore,
    applySaved,
    newerRevision,
    showFieldErrors,
    setStatus: (status: desktop.ConnectionStatus) => update({ status }),
    setTrusted: (trusted: desktop.TrustedCertificateInfo[]) => update({ trusted }),
    setItems: (items: desktop.ItemOption[], itemsRefreshedAt: string) => {
      update({ items, itemsRefreshedAt });
      // Ask Go at once whether the chosen item is still in the list.
      if (values.retainageItem.listId) touch(settings.Field.RetainageItem);
    },
    values,
    setValue,
    password,
    setPassword: (v: string) => {
      setPassword(v);
      touch(settings.Field.Password);
    },
    passwordOpen,
    openPassword: () => setPasswordOpen(true),
    cancelPassword: () => {
      setPasswordOpen(false);
      setPassword("");
      setErrors(({ [settings.Field.Password]: _dropped, ...rest }) => rest);
    },
    errors: visibleErrors,
    refusedOnly,
    dirty,
    saving,
    sending,
    send: () => send(),
    keepThisComputers: () => send(true),
    takeServices,
    banner,
    dismissBanner: () => setBanner(null),
    save,
    reload,
  };
}

export type SettingsFormModel = ReturnType<typeof useSettingsForm>;
