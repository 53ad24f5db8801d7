import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { Checkbox } from "../ui/Checkbox";
import { Field } from "../ui/field";
import { RadioGroup } from "../ui/RadioGroup";
import { useT } from "../i18n";
import { desktop, settings } from "../../wailsjs/go/models";
import { fieldId, type Draft } from "../form/draft";
import type { Refreshed } from "../form/items";
import { RetainageItemField } from "./RetainageItemField";
import { Section } from "./Section";
import { useSpec } from "../fields";
import { EffectLine } from "./EffectLine";

const useStyles = makeStyles({
  optionText: { display: "flex", flexDirection: "column" },
  optionHelp: { color: tokens.colorNeutralForeground2, ...typographyStyles.caption1 },
  // Under the check box's words: its box (8 + 16 + 8 px) and the label's padding (4).
  checkHelp: { color: tokens.colorNeutralForeground2, paddingLeft: "36px", display: "block", ...typographyStyles.caption1 },
  editableDetails: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginLeft: "32px",
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  checkGroup: { display: "flex", flexDirection: "column" },
  // Under the help, aligned with it.
  checkEffect: { marginLeft: "36px", marginTop: tokens.spacingVerticalXS },
});

// Option is a radio's label with the article's explanation under it.
function Option({ title, help }: { title: string; help: string }) {
  const styles = useStyles();
  return (
    <span className={styles.optionText}>
      <span>{title}</span>
      <span className={styles.optionHelp}>{help}</span>
    </span>
  );
}

// SwitchField is an on-off setting with the article's explanation under
// it, and what it does to the next sync.
function SwitchField(props: {
  field: settings.Field;
  checked: boolean;
  onChange: (checked: boolean) => void;
  effect: desktop.SettingEffect | undefined;
}) {
  const styles = useStyles();
  const spec = useSpec(props.field);
  const id = fieldId(props.field);
  const helpId = `${id}-help`;
  const effectId = `${id}-effect`;
  return (
    <div className={styles.checkGroup}>
      <Checkbox
        id={id}
        label={spec.label}
        checked={props.checked}
        onChange={props.onChange}
        aria-describedby={props.effect ? `${helpId} ${effectId}` : helpId}
      />
      <span id={helpId} className={styles.checkHelp}>
        {spec.help}
      </span>
      <EffectLine id={effectId} effect={props.effect} className={styles.checkEffect} />
    </div>
  );
}

// ChoiceField is one of the article's either-or settings: a radio group
// whose options carry the article's explanation.
function ChoiceField(props: {
  field: settings.Field;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  effect: desktop.SettingEffect | undefined;
}) {
  const spec = useSpec(props.field);
  return (
    <Field id={fieldId(props.field)} label={spec.label} error={props.error} note={props.effect && <EffectLine effect={props.effect} />}>
      <RadioGroup
        value={props.value}
        onChange={props.onChange}
        options={(spec.choices ?? []).map((o) => ({ value: o.value, label: <Option title={o.label} help={o.help} /> }))}
      />
    </Field>
  );
}

// GeneralSection is the sync's accounting rules, and the Invoice Retainage
// Item chosen from the list the service reads from QuickBooks.
export function GeneralSection({ draft, saved, refreshed }: { draft: Draft; saved: desktop.FormState; refreshed: Refreshed }) {
  const styles = useStyles();
  const t = useT();
  const { values, setValue, errors, effects } = draft;
  const editable = values.directCostColumn === settings.DirectCostColumn.Editable;
  const hideSpec = useSpec(settings.Field.HideJobToDateCosts);
  return (
    <Section
      id="general"
      title={t("General Settings")}
      description={t("The accounting rules of the sync between QuickBooks® and Procore.")}
    >
      <SwitchField
        field={settings.Field.UseProcoreContractNumber}
        checked={values.useProcoreContractNumber}
        onChange={(c) => setValue("useProcoreContractNumber", c, null)}
        effect={effects[settings.Field.UseProcoreContractNumber]}
      />
      <SwitchField
        field={settings.Field.AutoAddNewCostCodes}
        checked={values.autoAddNewCostCodes}
        onChange={(c) => setValue("autoAddNewCostCodes", c, null)}
        effect={effects[settings.Field.AutoAddNewCostCodes]}
      />
      <ChoiceField
        field={settings.Field.DirectCostColumn}
        error={errors[settings.Field.DirectCostColumn]}
        value={values.directCostColumn}
        onChange={(v) => setValue("directCostColumn", v as settings.DirectCostColumn, settings.Field.DirectCostColumn)}
        effect={effects[settings.Field.DirectCostColumn]}
      />
      {editable && (
        <div className={styles.editableDetails}>
          <span className={styles.optionHelp}>{hideSpec.help}</span>
          <Checkbox
            id={fieldId(settings.Field.HideJobToDateCosts)}
            label={hideSpec.label}
            checked={values.hideJobToDateCosts}
            onChange={(c) => setValue("hideJobToDateCosts", c, null)}
            aria-describedby={effects[settings.Field.HideJobToDateCosts] && `${fieldId(settings.Field.HideJobToDateCosts)}-effect`}
          />
          <EffectLine id={`${fieldId(settings.Field.HideJobToDateCosts)}-effect`} effect={effects[settings.Field.HideJobToDateCosts]} />
        </div>
      )}
      <ChoiceField
        field={settings.Field.VendorUpdates}
        error={errors[settings.Field.VendorUpdates]}
        value={values.vendorUpdates}
        onChange={(v) => setValue("vendorUpdates", v as settings.VendorUpdates, settings.Field.VendorUpdates)}
        effect={effects[settings.Field.VendorUpdates]}
      />
      <RetainageItemField draft={draft} saved={saved} refreshed={refreshed} />
    </Section>
  );
}
