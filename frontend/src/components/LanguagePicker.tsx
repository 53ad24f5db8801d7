import { useState } from "react";
import { makeStyles } from "@fluentui/react-components";
import { Field } from "../ui/field";
import { Select } from "../ui/Select";
import { desktop } from "../../wailsjs/go/models";
import { ChooseLocale } from "../../wailsjs/go/desktop/Language";
import { useT } from "../i18n";
import { useGoCall } from "../goCall";

const useStyles = makeStyles({
  picker: { minWidth: "240px" },
});

// The value of the choice that follows the system's English.
const SYSTEM = "system";

// LanguagePicker chooses the English the app speaks (Procore's words for
// the locale, and its dates), remembered for the next start; by default
// the system's. The page is shown anew in the chosen English.
export function LanguagePicker({ info, dirty, onChanged }: { info: desktop.LocaleInfo; dirty: boolean; onChanged: () => void }) {
  const styles = useStyles();
  const t = useT();
  const [problem, setProblem] = useState(info.error);
  const options = info.options ?? [];
  const nameOf = (tag: string) => options.find((o) => o.tag === tag)?.name ?? tag;
  const systemName = t("Same as this computer: {name}", { name: nameOf(info.system) });
  const selected = info.chosen || SYSTEM;

  const call = useGoCall();
  const choose = async (value: string) => {
    const a = await call(() => ChooseLocale(value === SYSTEM ? "" : value));
    if (a.failure !== undefined) return setProblem(a.failure);
    onChanged();
  };

  return (
    <Field
      label={t("Language")}
      hint={dirty ? t("Update or undo your changes before choosing another language.") : undefined}
      error={problem || undefined}
    >
      <Select className={styles.picker} value={selected} disabled={dirty} onChange={(v) => void choose(v)}>
        <option value={SYSTEM}>{systemName}</option>
        {options.map((o) => (
          <option key={o.tag} value={o.tag}>
            {o.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
