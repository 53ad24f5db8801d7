// ESLint for the frontend: the recommended JavaScript and typescript-eslint
// rules with type information, and React's rules of hooks (exhaustive
// effect dependencies among them). Formatting is Prettier's, checked apart.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  // Generated from Go by make, and the build's output.
  { ignores: ["dist/", "wailsjs/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  reactHooks.configs.flat["recommended-latest"] ?? reactHooks.configs["recommended-latest"],
  {
    rules: {
      // A promise nobody awaits loses its failure: every binding call's
      // failure must reach the user.
      "@typescript-eslint/no-floating-promises": "error",
      // An event handler may be async: React ignores what it returns, and
      // the handlers catch their own failures.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Unused names are errors, except a deliberate _ prefix.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Plain JavaScript, outside the TypeScript project: this file, scripts and
  // the style sheet plugin's test page.
  { files: ["eslint.config.js", "scripts/**/*.mjs", "vite/testdata/**"], ...tseslint.configs.disableTypeChecked },
  {
    // Tests and configuration drive mocks and tools loosely typed on purpose.
    files: ["**/*.test.ts", "**/*.test.tsx", "src/test/**", "e2e/**", "*.config.ts", "eslint.config.js"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/unbound-method": "off",
      // A mock may be async without awaiting anything.
      "@typescript-eslint/require-await": "off",
      // Playwright's fixtures take their dependencies as ({}, use).
      "no-empty-pattern": "off",
    },
  },
);
