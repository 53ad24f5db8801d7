import { ReactNode } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider } from "../i18n";

// Providers are what the app puts around every view: the theme and the
// words of a locale (US English unless a test says otherwise).
export function Providers({ children, locale = "en-US" }: { children: ReactNode; locale?: string }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>{children}</I18nProvider>
    </FluentProvider>
  );
}
