import { useState } from "react";
import { Dropdown, Field, Option, makeStyles } from "@fluentui/react-components";
import { main } from "../../wailsjs/go/models";
import { ChooseLocale } from "../../wailsjs/go/main/App";
import { useT } from "../i18n";

const useStyles = makeStyles({
  picker: { minWidth: "240px" },
});

// The value of the choice that follows the system's English.
const SYSTEM = "system";

// LanguagePicker chooses the English the app speaks (Procore's words for
// the locale, and its dates), remembered for the next start; by default
// the system's. The page is shown anew in the chosen English.
export function LanguagePicker({ info, dirty, onChanged }: { info: main.LocaleInfo; dirty: boolean; onChanged: () => void }) {
  const styles = useStyles();
  const t = useT();
  const [problem, setProblem] = useState(info.error);
  const options = info.options ?? [];
  const nameOf = (tag: string) => options.find((o) => o.tag === tag)?.name ?? tag;
  const systemName = t("Same as this computer: {name}", { name: nameOf(info.system) });
  const selected = info.chosen || SYSTEM;

  const choose = async (value: string) => {
    const res = await ChooseLocale(value === SYSTEM ? "" : value);
    if (res.error) return setProblem(res.error);
    onChanged();
  };

  return (
    <Field
      label={t("Language")}
      hint={dirty ? t("Update or undo your changes before choosing another language.") : undefined}
      validationMessage={problem || undefined}
    >
      <Dropdown
        className={styles.picker}
        value={selected === SYSTEM ? systemName : nameOf(selected)}
        selectedOptions={[selected]}
        disabled={dirty}
        onOptionSelect={(_, d) => d.optionValue && d.optionValue !== selected && void choose(d.optionValue)}
      >
        <Option value={SYSTEM}>{systemName}</Option>
        {options.map((o) => (
          <Option key={o.tag} value={o.tag}>
            {o.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
