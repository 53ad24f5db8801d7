import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { appservice, desktop, settings } from "../../wailsjs/go/models";
import * as formService from "../../wailsjs/go/desktop/Form";
import { useGoCall } from "../goCall";

// Values are the settings being edited: Go's settings.Settings as plain data.
export type Values = Omit<settings.Settings, "convertValues">;
export type FieldErrors = Partial<Record<settings.Field, string>>;
// Effects are the lines Go words beside the sync's settings: what each,
// as the form has it now, does to the next sync.
export type Effects = Partial<Record<settings.Field, desktop.SettingEffect>>;

// fieldId is the id of a setting's control in the page.
export function fieldId(field: settings.Field): string {
  return `field-${field}`;
}

// focusField moves focus to a field's control (the checked or first radio
// of a group).
export function focusField(field: settings.Field) {
  const el = document.getElementById(fieldId(field));
  const target =
    el?.getAttribute("role") === "radiogroup"
      ? (el.querySelector<HTMLElement>("input:checked") ?? el.querySelector<HTMLElement>("input"))
      : el;
  target?.focus();
  target?.scrollIntoView?.({ block: "center" });
}

// How long the form waits after the last keystroke before asking Go.
const VALIDATE_DELAY_MS = 350;

// sameValues compares settings by value (the retainage item is an object).
const sameValues = (a: Values, b: Values) =>
  (Object.keys(a) as (keyof Values)[]).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

function toErrors(list: settings.FieldError[] | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of list ?? []) out[e.field] ??= e.message;
  return out;
}

// useDraft is what the user is editing on top of the saved settings, and
// the field errors Go finds in it as they type. It has no rules of its
// own: every error it shows came from Go. It tells Go whether there are
// unsaved changes (closing asks first); a failed call goes to onFailure,
// and onEdit hears each change of a value.
export function useDraft(saved: desktop.FormState, onFailure: (text: string) => void, onEdit: () => void) {
  const call = useGoCall();
  const [values, setValues] = useState<Values>(saved.settings);
  const [passwordOpen, setPasswordOpen] = useState(!saved.passwordStored);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<Set<settings.Field>>(new Set());
  const [showAllErrors, setShowAllErrors] = useState(false);
  const validation = useRef(0);
  const [effects, setEffects] = useState<Effects>({});
  const effectsAsked = useRef(0);

  // reset starts over from newly saved settings.
  const reset = useCallback((next: desktop.FormState) => {
    setValues(next.settings);
    setPasswordOpen(!next.passwordStored);
    setPassword("");
    setErrors({});
    setTouched(new Set());
    setShowAllErrors(false);
  }, []);

  const input = useMemo(
    () => settings.Change.createFrom({ settings: values, changePassword: passwordOpen, password }),
    [values, passwordOpen, password],
  );

  const dirty = !sameValues(values, saved.settings) || (passwordOpen && password !== "");

  // Tell Go only of changes: it starts out clean, and a page that was never
  // edited has nothing to say (nor should it overwrite another's state).
  const toldDirty = useRef(false);
  useEffect(() => {
    if (dirty === toldDirty.current) return;
    toldDirty.current = dirty;
    void call(() => formService.SetDirty(dirty)).then((a) => a.failure && onFailure(a.failure));
  }, [dirty, call, onFailure]);

  // Ask Go for the field errors once the user pauses typing. Only the newest
  // answer counts, so a slow reply cannot overwrite a newer one.
  useEffect(() => {
    if (touched.size === 0) return;
    const ticket = ++validation.current;
    const timer = setTimeout(() => {
      void call(() => formService.Validate(input)).then((a) => {
        if (a.failure !== undefined) onFailure(a.failure);
        else if (ticket === validation.current) setErrors(toErrors(a.result));
      });
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, touched, call, onFailure]);

  // Ask Go what each setting does, at once on opening and then once the
  // user pauses; and again when the service's state changes (a send finds
  // which settings it applies). Only the newest answer counts. A failed
  // call leaves the lines as they were: they inform, and Update says
  // what failed.
  const serviceSync = saved.serviceSync;
  useEffect(() => {
    const ticket = ++effectsAsked.current;
    const timer = setTimeout(
      () => {
        void call(() => formService.Effects(settings.Settings.createFrom(values))).then((a) => {
          if (a.failure !== undefined || ticket !== effectsAsked.current) return;
          setEffects(Object.fromEntries((a.result ?? []).map((e) => [e.field, e])));
        });
      },
      ticket === 1 ? 0 : VALIDATE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [values, serviceSync, call]);

  const touch = useCallback((field: settings.Field) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))), []);

  const setValue = <K extends keyof Values>(key: K, value: Values[K], field: settings.Field | null) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (field) touch(field);
    onEdit();
  };

  // Field errors found by another action (a connection test, a refresh) are
  // shown at once, like Update's, and the first field takes the focus.
  const showFieldErrors = (list: settings.FieldError[]) => {
    validation.current++;
    setErrors((e) => ({ ...e, ...toErrors(list) }));
    setTouched((t) => new Set([...t, ...list.map((e) => e.field)]));
    focusField(list[0].field);
  };

  // showRefusal shows the field errors that stopped an Update: all of them.
  const showRefusal = (list: settings.FieldError[]) => {
    validation.current++; // an older live check must not hide these
    setErrors(toErrors(list));
    setShowAllErrors(true);
  };

  // Values the service refused stand beside their fields until changed.
  const refused: FieldErrors =
    saved.serviceSync?.status === appservice.SyncStatus.Pending
      ? Object.fromEntries(
          Object.entries(toErrors(saved.serviceSync.refused)).filter(
            ([f]) => f in values && JSON.stringify(values[f as keyof Values]) === JSON.stringify(saved.settings[f as keyof Values]),
          ),
        )
      : {};
  const ownErrors: FieldErrors = showAllErrors
    ? errors
    : Object.fromEntries(Object.entries(errors).filter(([f]) => touched.has(f as settings.Field)));

  return {
    values,
    setValue,
    input,
    dirty,
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
    errors: { ...refused, ...ownErrors },
    effects,
    refusedOnly: Object.keys(refused).length > 0 && Object.keys(ownErrors).length === 0,
    showFieldErrors,
    showRefusal,
    // touchItem asks Go at once whether the chosen item is (still) usable.
    touchItem: () => touch(settings.Field.RetainageItem),
    // restore loads a saved revision's settings for review; Update saves
    // them as a new revision. The password is not part of a revision.
    restore: (entry: desktop.HistoryEntry) => {
      setValues(settings.Settings.createFrom(entry.settings));
      touch(settings.Field.RetainageItem);
    },
    reset,
    // takeLocalService fills in the QuickBooks service this computer set
    // up; its password is in the keychain already, so the box closes.
    takeLocalService: (serviceUrl: string, serviceUser: string) => {
      setValues((v) => ({ ...v, serviceUrl, serviceUser }));
      setPasswordOpen(false);
      setPassword("");
      touch(settings.Field.ServiceUrl);
      touch(settings.Field.ServiceUser);
      onEdit();
    },
  };
}

export type Draft = ReturnType<typeof useDraft>;
