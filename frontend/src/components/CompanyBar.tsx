import { useEffect, useState } from "react";
import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Button } from "../ui/Button";
import { Field } from "../ui/field";
import { Select } from "../ui/Select";
import { TextInput } from "../ui/TextInput";
import { desktop } from "../../wailsjs/go/models";
import { useGoCall } from "../goCall";
import { useT } from "../i18n";
import { AddProfile, Profiles, RemoveProfile, RenameProfile, SwitchProfile } from "../../wailsjs/go/desktop/Companies";

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap", flexBasis: "100%" },
  picker: { minWidth: "240px" },
});

type Dialogs = { kind: "add" | "rename"; name: string; error: string } | { kind: "remove"; error: string } | null;

// CompanyBar shows which company's settings are being edited and lets the
// user switch, add, rename and remove companies (one profile each).
export function CompanyBar({ dirty, onChanged }: { dirty: boolean; onChanged: () => void }) {
  const styles = useStyles();
  const t = useT();
  const [list, setList] = useState<desktop.ProfilesResult | null>(null);
  const [dialog, setDialog] = useState<Dialogs>(null);

  const call = useGoCall();
  useEffect(() => {
    void call(() => Profiles()).then((a) =>
      setList(a.failure === undefined ? a.result : desktop.ProfilesResult.createFrom({ profiles: [], current: "", error: a.failure })),
    );
  }, [call]);
  if (!list) return null;
  const profiles = list.profiles ?? [];
  const current = profiles.find((p) => p.id === list.current);

  const switchTo = async (id: string) => {
    const a = await call(() => SwitchProfile(id));
    if (a.failure !== undefined) return setList({ ...list, error: a.failure } as desktop.ProfilesResult);
    onChanged();
  };

  const submitName = async () => {
    if (!dialog || dialog.kind === "remove") return;
    const a = await call(() => (dialog.kind === "add" ? AddProfile(dialog.name) : RenameProfile(list.current, dialog.name)));
    if (a.failure !== undefined) return setDialog({ ...dialog, error: a.failure });
    setDialog(null);
    setList(a.result);
    if (dialog.kind === "add") onChanged();
  };

  const remove = async () => {
    const a = await call(() => RemoveProfile(list.current));
    if (a.failure !== undefined) return setDialog({ kind: "remove", error: a.failure });
    setDialog(null);
    onChanged();
  };

  return (
    <div className={styles.bar}>
      <Field
        label={t("Company")}
        hint={dirty ? t("Update or undo your changes before switching to another company.") : undefined}
        error={list.error || undefined}
      >
        <Select className={styles.picker} value={list.current} disabled={dirty} onChange={(id) => void switchTo(id)}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => setDialog({ kind: "add", name: "", error: "" })} disabled={dirty}>
        {t("Add company…")}
      </Button>
      <Button onClick={() => setDialog({ kind: "rename", name: current?.name ?? "", error: "" })}>{t("Rename…")}</Button>
      <Button onClick={() => setDialog({ kind: "remove", error: "" })} disabled={profiles.length < 2 || dirty}>
        {t("Remove…")}
      </Button>

      <Dialog open={dialog?.kind === "add" || dialog?.kind === "rename"} onOpenChange={(_, d) => !d.open && setDialog(null)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submitName();
            }}
          >
            <DialogBody>
              <DialogTitle>{dialog?.kind === "add" ? t("Add a company") : t("Rename this company")}</DialogTitle>
              <DialogContent>
                {dialog && dialog.kind !== "remove" && (
                  <Field
                    label={t("Company name")}
                    required
                    hint={
                      dialog.kind === "add" ? t("Each company has its own QuickBooks service, settings, password and history.") : undefined
                    }
                    error={dialog.error || undefined}
                  >
                    <TextInput value={dialog.name} autoFocus onChange={(name) => setDialog({ ...dialog, name, error: "" })} />
                  </Field>
                )}
              </DialogContent>
              <DialogActions>
                <Button type="submit" appearance="primary">
                  {dialog?.kind === "add" ? t("Add") : t("Rename")}
                </Button>
                <Button onClick={() => setDialog(null)}>{t("Cancel")}</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>

      <Dialog open={dialog?.kind === "remove"} onOpenChange={(_, d) => !d.open && setDialog(null)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("Remove {name}?", { name: current?.name ?? "" })}</DialogTitle>
            <DialogContent>
              <p>
                {t(
                  "Its settings, change history, item list and saved password are deleted from this computer. This cannot be undone. To keep a copy of the settings, click Cancel, then Export.",
                )}
              </p>
              {dialog?.error && <p role="alert">{dialog.error}</p>}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={remove}>
                {t("Remove company")}
              </Button>
              <Button onClick={() => setDialog(null)}>{t("Cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
