import { Dropdown, Field, Option } from "@fluentui/react-components";
import { settings } from "../../wailsjs/go/models";
import { fieldId, SettingsFormModel } from "../useSettingsForm";
import { formatTime } from "../format";
import { errorProps } from "./fieldProps";

const EMPTY_LIST_HELP =
  "No QuickBooks® items are available yet. Create a Service Item in QuickBooks (for example \"Retainage Payable\"), then refresh the list.";

export function RetainageItemField({ form }: { form: SettingsFormModel }) {
  const { values, setValue, errors, state } = form;
  const items = state.items ?? [];
  const selected = values.retainageItemListId;
  const hint =
    items.length === 0
      ? EMPTY_LIST_HELP
      : `Tracks retainage held and released on subcontractor invoices exported to QuickBooks®. Required to sync subcontractor invoices.` +
        (state.itemsRefreshedAt ? ` List last refreshed ${formatTime(state.itemsRefreshedAt)}.` : "");
  return (
    <Field label="Invoice Retainage Item" required hint={hint} {...errorProps(errors[settings.Field.RetainageItem])}>
      <Dropdown
        id={fieldId(settings.Field.RetainageItem)}
        placeholder={items.length === 0 ? "No items available" : "Select an item"}
        value={values.retainageItemFullName}
        selectedOptions={selected ? [selected] : []}
        onOptionSelect={(_, d) => {
          const item = items.find((it) => it.listId === d.optionValue);
          if (!item) return;
          setValue("retainageItemListId", item.listId, settings.Field.RetainageItem);
          setValue("retainageItemFullName", item.fullName, settings.Field.RetainageItem);
        }}
      >
        {items.map((it) => (
          <Option key={it.listId} value={it.listId} text={it.fullName} disabled={!it.isActive}>
            {it.isActive ? it.fullName : `${it.fullName} (inactive)`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
