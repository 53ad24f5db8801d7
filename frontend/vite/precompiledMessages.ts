import type { Plugin } from "vite";
import { parse } from "@formatjs/icu-messageformat-parser";

// precompiledMessages hands the window its catalogs (src/locales) as parsed
// ICU messages, so it neither ships nor runs the message parser as it
// starts (formatjs' "precompile"; docs/memory.md). The parser is the
// version react-intl runs (pinned to it in package.json), so the parsed
// form is the one it reads. It runs before Vite's own JSON handling and
// gives JSON back.
export function precompiledMessages(): Plugin {
  return {
    name: "precompiled-messages",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]src[\\/]locales[\\/][^\\/]+\.json$/.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const parsed = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, parse(message)]));
      return { code: JSON.stringify(parsed), map: null };
    },
  };
}
