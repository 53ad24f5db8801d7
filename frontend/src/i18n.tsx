import { ReactNode, useCallback, useEffect } from "react";
import { IntlProvider, useIntl } from "react-intl";
import enUS from "./locales/en-US.json";
import enGB from "./locales/en-GB.json";
import enAU from "./locales/en-AU.json";
import enCA from "./locales/en-CA.json";

// The web view's own words, from message catalogs: one a locale, each
// message keyed by its US English words in ICU MessageFormat ({name} for
// a value, {count, plural, one {…} other {…}} for a count). The settings'
// labels, help and Go's messages come from Go, already in the locale.
// i18n.test.ts fails when a catalog misses a message the code uses or
// keeps one it does not, or when a text is written outside the catalogs.
export const catalogs: Record<string, Record<string, string>> = {
  "en-US": enUS,
  "en-GB": enGB,
  "en-AU": enAU,
  "en-CA": enCA,
};

export const defaultLocale = "en-US";

export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const known = locale in catalogs ? locale : defaultLocale;
  // Screen readers pronounce the page in its language.
  useEffect(() => {
    document.documentElement.lang = known;
  }, [known]);
  return (
    <IntlProvider locale={known} defaultLocale={defaultLocale} messages={catalogs[known]}>
      {children}
    </IntlProvider>
  );
}

export type Values = Record<string, string | number>;

// useT words a message in the locale in use: t("Saved at {time}.", { time }).
// The message must be a literal, for the catalogs' check to find it.
export function useT() {
  const intl = useIntl();
  return useCallback((message: string, values?: Values) => intl.formatMessage({ id: message }, values), [intl]);
}
