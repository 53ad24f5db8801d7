import { render } from "@testing-library/react";
import { Providers } from "./providers";
import userEvent from "@testing-library/user-event";
import { desktop } from "../../wailsjs/go/models";
import { SettingsPage } from "../components/SettingsPage";
import { FieldsProvider } from "../fields";
import { specs } from "./fixtures";

// renderPage shows the settings page as Go's Load would start it, in the
// words of locale, and returns a user to drive it.
export function renderPage(initial: desktop.FormState, locale = "en-US") {
  const user = userEvent.setup();
  render(
    <Providers locale={locale}>
      <FieldsProvider specs={specs}>
        <SettingsPage initial={initial} />
      </FieldsProvider>
    </Providers>,
  );
  return user;
}
