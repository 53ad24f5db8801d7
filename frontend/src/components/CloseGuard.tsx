import { useEffect, useState } from "react";
import { useT } from "../i18n";
import { useGoCall } from "../goCall";
import { Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { Button } from "../ui/Button";
import { EventsOn } from "../../wailsjs/runtime/runtime";
import { ConfirmClose } from "../../wailsjs/go/desktop/Form";
import { desktop } from "../../wailsjs/go/models";

export function CloseGuard() {
  const t = useT();
  const call = useGoCall();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState("");
  useEffect(() => EventsOn(desktop.Event.CloseRequested, () => setOpen(true)), []);
  const close = async () => {
    const a = await call(() => ConfirmClose());
    if (a.failure !== undefined) setProblem(a.failure);
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("Close without saving?")}</DialogTitle>
          <DialogContent>
            {t("You have changes that are not saved. If you close now, they are lost. To keep them, click Keep editing, then Update.")}
            {problem && <p role="alert">{problem}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => setOpen(false)}>
              {t("Keep editing")}
            </Button>
            <Button onClick={() => void close()}>{t("Close without saving")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
