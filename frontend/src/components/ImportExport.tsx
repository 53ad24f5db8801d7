import { ChangeEvent, useRef, useState } from "react";
import { useT } from "../i18n";
import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { desktop } from "../../wailsjs/go/models";
import { Button } from "../ui/Button";
import { useTypography } from "../ui/typography";
import { ApplyImport, ExportSettings, PreviewImport } from "../../wailsjs/go/desktop/Transfer";
import { useGoCall } from "../goCall";
import { useSpecs } from "../fields";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, marginLeft: "auto" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  old: { color: tokens.colorNeutralForeground2 },
});

// ImportExport moves the settings to and from a file: Export asks Go to save
// them (without the password); Import reads a file, shows what it would
// change, and applies it only when the user says so.
export function ImportExport({ applySaved }: { applySaved: (next: desktop.FormState, done: string) => Promise<void> }) {
  const styles = useStyles();
  const type = useTypography();
  const t = useT();
  const call = useGoCall();
  const labels: Record<string, string> = Object.fromEntries(useSpecs().map((s) => [s.key, s.label]));
  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<desktop.ImportPreviewResult | null>(null);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);

  const exportSettings = async () => {
    const a = await call(() => ExportSettings());
    if (a.result?.canceled) return;
    setMessage(
      a.failure !== undefined
        ? { intent: "error", text: a.failure }
        : { intent: "success", text: t("Exported to {path} (without the password).", { path: a.result.path }) },
    );
  };

  const chooseFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // the same file may be chosen again
    if (!file) return;
    setMessage(null);
    const content = await file.text();
    const a = await call(() => PreviewImport(content));
    // The dialog says why a file cannot be imported, whoever found it.
    setPreview(a.result ?? desktop.ImportPreviewResult.createFrom({ error: a.failure }));
  };

  const apply = async () => {
    if (!preview) return;
    const token = preview.token;
    const a = await call(() => ApplyImport(token));
    setPreview(null);
    if (a.failure !== undefined || !a.result.state) return setMessage({ intent: "error", text: a.failure || t("Nothing was imported.") });
    void applySaved(a.result.state, t("Imported as revision {revision}.", { revision: a.result.state.revision }));
  };

  const changes = preview?.changes ?? [];
  const problems = preview?.fieldErrors ?? [];
  const canApply = !!preview && !preview.error && problems.length === 0 && changes.length > 0;
  return (
    <>
      <div className={styles.bar}>
        <Button onClick={exportSettings}>{t("Export…")}</Button>
        <Button onClick={() => fileInput.current?.click()}>{t("Import…")}</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={chooseFile}
          aria-label={t("Settings file to import")}
        />
      </div>
      {message && (
        <MessageBar intent={message.intent} layout="multiline" style={{ flexBasis: "100%" }}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={!!preview} onOpenChange={(_, d) => !d.open && setPreview(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("Import settings")}</DialogTitle>
            <DialogContent>
              {preview?.error && <p>{preview.error}</p>}
              {problems.length > 0 && (
                <>
                  <p>{t("The file's settings have problems, so they cannot be imported:")}</p>
                  <ul className={styles.list}>
                    {problems.map((p) => (
                      <li key={p.field}>
                        <span className={type.strong}>{t("{label}:", { label: labels[p.field] ?? p.field })}</span> {p.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {!preview?.error && problems.length === 0 && changes.length === 0 && (
                <p>{t("The file has the same settings: nothing would change.")}</p>
              )}
              {canApply && (
                <>
                  <p>{t("Importing this file changes these settings (the password stays as it is):")}</p>
                  <ul className={styles.list} aria-label={t("Changes the import makes")}>
                    {changes.map((c) => (
                      <li key={c.label}>
                        <span className={type.strong}>{t("{label}:", { label: c.label })}</span> <span className={styles.old}>{c.old}</span>{" "}
                        → {c.new}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </DialogContent>
            <DialogActions>
              {canApply && (
                <Button appearance="primary" onClick={apply}>
                  {t("Import")}
                </Button>
              )}
              <Button onClick={() => setPreview(null)}>{canApply ? t("Cancel") : t("Close")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
