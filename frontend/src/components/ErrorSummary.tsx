import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { settings } from "../../wailsjs/go/models";
import { FieldErrors, fieldId } from "../useSettingsForm";
import { useSpecs } from "../fields";

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

// refusedOnly: every problem is a value the QuickBooks service refused, so
// the settings are saved here, just not in effect there.
export function ErrorSummary({ errors, refusedOnly = false }: { errors: FieldErrors; refusedOnly?: boolean }) {
  // In the form's order, by the fields' labels.
  const problems = useSpecs()
    .filter((s) => errors[s.key])
    .map((s) => [s.key, s.label] as const);
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {problems.length === 1 ? "One setting needs your attention" : `${problems.length} settings need your attention`}
        </MessageBarTitle>
        {refusedOnly
          ? "The settings are saved on this computer, but the QuickBooks service refused these values. Fix"
          : "The settings were not saved. Fix"}{" "}
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
