import { Checkbox, Field, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { settings } from "../../wailsjs/go/models";
import { fieldId, SettingsFormModel } from "../useSettingsForm";
import { errorProps } from "./fieldProps";
import { RetainageItemField } from "./RetainageItemField";
import { Section } from "./Section";

const useStyles = makeStyles({
  optionText: { display: "flex", flexDirection: "column" },
  optionHelp: { color: tokens.colorNeutralForeground2 },
  checkHelp: { color: tokens.colorNeutralForeground2, paddingLeft: "32px", display: "block" },
  editableDetails: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginLeft: "32px",
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  checkGroup: { display: "flex", flexDirection: "column" },
});

// Option is a radio's label with the article's explanation under it.
function Option({ title, help }: { title: string; help: string }) {
  const styles = useStyles();
  return (
    <span className={styles.optionText}>
      <Text>{title}</Text>
      <Text size={200} className={styles.optionHelp}>
        {help}
      </Text>
    </span>
  );
}

function HelpedCheckbox(props: { id: string; label: string; help: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const styles = useStyles();
  const helpId = `${props.id}-help`;
  return (
    <div className={styles.checkGroup}>
      <Checkbox
        id={props.id}
        label={props.label}
        checked={props.checked}
        onChange={(_, d) => props.onChange(d.checked === true)}
        aria-describedby={helpId}
      />
      <Text id={helpId} size={200} className={styles.checkHelp}>
        {props.help}
      </Text>
    </div>
  );
}

// ChoiceField is one of the article's either-or settings: a radio group
// whose options carry the article's explanation.
function ChoiceField(props: {
  label: string;
  field: settings.Field;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; title: string; help: string }[];
}) {
  return (
    <Field label={props.label} {...errorProps(props.error)}>
      <RadioGroup id={fieldId(props.field)} value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {props.options.map((o) => (
          <Radio key={o.value} value={o.value} label={<Option title={o.title} help={o.help} />} />
        ))}
      </RadioGroup>
    </Field>
  );
}

export function GeneralSection({ form }: { form: SettingsFormModel }) {
  const styles = useStyles();
  const { values, setValue, errors } = form;
  const editable = values.directCostColumn === settings.DirectCostColumn.Editable;
  return (
    <Section id="general" title="General Settings" description="The accounting rules of the sync between QuickBooks® and Procore.">
      <HelpedCheckbox
        id="use-procore-contract-number"
        label="Use Procore Contract #"
        help="Fills the QuickBooks® ID field with the Procore commitment contract number. Users can still edit the QuickBooks® ID. When this is clear, users must enter the QuickBooks® ID themselves."
        checked={values.useProcoreContractNumber}
        onChange={(c) => setValue("useProcoreContractNumber", c, null)}
      />
      <HelpedCheckbox
        id="auto-add-cost-codes"
        label="Automatically Add New Cost Codes to Budgets on QuickBooks-Integrated Projects"
        help="New cost codes created in QuickBooks® are imported into Procore as new budget line items, if the cost codes do not exist in the Budget tool."
        checked={values.autoAddNewCostCodes}
        onChange={(c) => setValue("autoAddNewCostCodes", c, null)}
      />
      <ChoiceField
        label="Procore's Budget Direct Cost Columns"
        field={settings.Field.DirectCostColumn}
        error={errors[settings.Field.DirectCostColumn]}
        value={values.directCostColumn}
        onChange={(v) => setValue("directCostColumn", v as settings.DirectCostColumn, settings.Field.DirectCostColumn)}
        options={[
          { value: settings.DirectCostColumn.ReadOnly, title: "Read Only, Populate From QuickBooks", help: "The 'Direct Cost' column in the project's Budget tool is read only and filled with data from QuickBooks®." },
          { value: settings.DirectCostColumn.Editable, title: "Editable, Do Not Populate From QuickBooks", help: "The 'Direct Cost' column in the project's Budget tool is editable and filled with data from the Direct Costs tool in Procore." },
        ]}
      />
      {editable && (
        <div className={styles.editableDetails}>
          <Text size={200} className={styles.optionHelp}>
            If the Direct Costs tool is an active tab on a project, its data is always editable and filled from the Direct Costs tool.
          </Text>
          <Checkbox
            id="hide-job-to-date-costs"
            label="Hide Job To Date Costs Column on the Budget"
            checked={values.hideJobToDateCosts}
            onChange={(_, d) => setValue("hideJobToDateCosts", d.checked === true, null)}
          />
        </div>
      )}
      <ChoiceField
        label="Vendors will be Automatically Updated"
        field={settings.Field.VendorUpdates}
        error={errors[settings.Field.VendorUpdates]}
        value={values.vendorUpdates}
        onChange={(v) => setValue("vendorUpdates", v as settings.VendorUpdates, settings.Field.VendorUpdates)}
        options={[
          { value: settings.VendorUpdates.Automatic, title: "Automatically Update Vendors when Refreshing the Vendor List", help: "When a vendor is updated in QuickBooks®, the vendor data is also refreshed in Procore." },
          { value: settings.VendorUpdates.None, title: "Do Not Update Vendors", help: "When a vendor is updated in QuickBooks®, the vendor data is not refreshed in Procore." },
        ]}
      />
      <RetainageItemField form={form} />
    </Section>
  );
}
