import { useState } from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, it, vi } from "vitest";
import { Button } from "./Button";
import { Checkbox } from "./Checkbox";
import { Field } from "./field";
import { RadioGroup } from "./RadioGroup";
import { Tabs } from "./Tabs";
import { TextInput } from "./TextInput";
import { withPlatformFonts } from "./fonts";
import { webLightTheme } from "@fluentui/react-components";

function TwoTabs() {
  const [view, setView] = useState<"a" | "b">("a");
  return (
    <Tabs
      tabs={[
        { value: "a", label: "First" },
        { value: "b", label: "Second" },
      ]}
      selected={view}
      onSelect={setView}
    />
  );
}

it("tabs are one Tab stop; the arrow keys move between them and Enter chooses", async () => {
  const user = userEvent.setup();
  render(<TwoTabs />);
  await user.tab();
  expect(screen.getByRole("tab", { name: "First" })).toHaveFocus();
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tab", { name: "Second" })).toHaveFocus();
  expect(screen.getByRole("tab", { name: "Second" })).toHaveAttribute("aria-selected", "false");
  await user.keyboard("{Enter}");
  expect(screen.getByRole("tab", { name: "Second" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getByRole("tab", { name: "First" })).toHaveAttribute("tabindex", "-1");
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("tab", { name: "First" })).toHaveFocus();
});

it("a field names its control, and describes it by its error, then its hint", () => {
  render(
    <Field id="url" label="Service URL" required hint="The address." error="Enter the address.">
      <TextInput value="" onChange={() => {}} />
    </Field>,
  );
  const box = screen.getByRole("textbox", { name: /Service URL/ });
  expect(box).toHaveAttribute("id", "url");
  expect(box).toHaveAttribute("aria-invalid", "true");
  expect(box).toHaveAttribute("aria-required", "true");
  expect(box).toHaveAccessibleDescription("Enter the address. The address.");
  expect(screen.getByRole("alert")).toHaveTextContent("Enter the address.");
});

it("a radio group is named by its field, and says its choice", async () => {
  const user = userEvent.setup();
  const onChange = vi.fn();
  render(
    <Field id="vendors" label="Vendor updates">
      <RadioGroup
        value="auto"
        onChange={onChange}
        options={[
          { value: "auto", label: "Automatically" },
          { value: "never", label: "Never" },
        ]}
      />
    </Field>,
  );
  expect(screen.getByRole("radiogroup", { name: "Vendor updates" })).toBeInTheDocument();
  expect(screen.getByRole("radio", { name: "Automatically" })).toBeChecked();
  await user.click(screen.getByText("Never"));
  expect(onChange).toHaveBeenCalledWith("never");
});

it("a check box answers its label", async () => {
  const user = userEvent.setup();
  const onChange = vi.fn();
  render(<Checkbox label="Use Procore Contract #" checked={false} onChange={onChange} />);
  await user.click(screen.getByText("Use Procore Contract #"));
  expect(onChange).toHaveBeenCalledWith(true);
});

it("a button off but focusable is reached and read, and does nothing", async () => {
  const user = userEvent.setup();
  const onClick = vi.fn();
  render(
    <form onSubmit={onClick}>
      <Button type="submit" disabledFocusable onClick={onClick}>
        Test connection
      </Button>
    </form>,
  );
  await user.tab();
  const button = screen.getByRole("button", { name: "Test connection" });
  expect(button).toHaveFocus();
  expect(button).toHaveAttribute("aria-disabled", "true");
  await user.keyboard("{Enter}");
  await user.click(button);
  expect(onClick).not.toHaveBeenCalled();
});

it("keeps Fluent's fonts on Windows, and asks a Linux desktop for its own sans-serif alone", () => {
  const windows =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
  const linux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
  expect(withPlatformFonts(webLightTheme, windows)).toBe(webLightTheme);
  const onLinux = withPlatformFonts(webLightTheme, linux);
  expect(onLinux.fontFamilyBase).toBe("sans-serif");
  expect(onLinux.fontFamilyMonospace).toBe("monospace");
  expect({ ...onLinux, fontFamilyBase: "", fontFamilyNumeric: "", fontFamilyMonospace: "" }).toEqual({
    ...webLightTheme,
    fontFamilyBase: "",
    fontFamilyNumeric: "",
    fontFamilyMonospace: "",
  });
});
