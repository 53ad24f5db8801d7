import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { main } from "../../wailsjs/go/models";
import { SettingsPage } from "../components/SettingsPage";
import { FieldsProvider } from "../fields";
import { specs } from "./fixtures";

// renderPage shows the settings page as Go's Load would start it, and
// returns a user to drive it.
export function renderPage(initial: main.FormState) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <FieldsProvider specs={specs}>
        <SettingsPage initial={initial} />
      </FieldsProvider>
    </FluentProvider>,
  );
  return user;
}
