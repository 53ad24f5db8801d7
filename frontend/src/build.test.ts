import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

const dependencies = (file: string): Record<string, string> => {
  const pkg = JSON.parse(readFileSync(file, "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return { ...pkg.dependencies, ...pkg.devDependencies };
};

// The production build parses the messages with this package (vite/precompiledMessages.ts)
// and react-intl reads what it parsed: both must be the same version.
it("parses the messages at build time with the parser react-intl reads them with", () => {
  const parser = "@formatjs/icu-messageformat-parser";
  const ours = dependencies("package.json")[parser];
  expect(ours).toMatch(/^\d+\.\d+\.\d+$/);
  expect(dependencies("node_modules/intl-messageformat/package.json")[parser]).toBe(ours);
});
