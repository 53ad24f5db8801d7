import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { settings } from "../../wailsjs/go/models";
import { FieldErrors, fieldId } from "../useSettingsForm";

// The names the summary (and an import's preview) give each field, in the
// form's order.
export const FIELD_NAMES: [settings.Field, string][] = [
  [settings.Field.ServiceURL, "Service URL"],
  [settings.Field.ServiceUser, "Service User"],
  [settings.Field.Password, "Service Password"],
  [settings.Field.DirectCostColumn, "Procore's Budget Direct Cost Columns"],
  [settings.Field.VendorUpdates, "Vendors will be Automatically Updated"],
  [settings.Field.RetainageItem, "Invoice Retainage Item"],
];

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

export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const problems = FIELD_NAMES.filter(([f]) => errors[f]);
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {problems.length === 1 ? "One setting needs your attention" : `${problems.length} settings need your attention`}
        </MessageBarTitle>
        The settings were not saved. Fix{" "}
        {problems.map(([f, name], i) => (
          <span key={f}>
            {i > 0 && (i === problems.length - 1 ? " and " : ", ")}
            <Link as="button" type="button" onClick={() => focusField(f)}>
              {name}
            </Link>
          </span>
        ))}
        , then click Update.
      </MessageBarBody>
    </MessageBar>
  );
}
