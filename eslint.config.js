import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".cache/**", "bench/results/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["emulators/**", "scripts/**", "test/**", "bench/**"],
    rules: { "no-console": "off" },
  },
  {
    // Routes stay thin: data goes through models and services, never straight to Prisma or Onflow.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/db.server", "@prisma/client", "../db.server"], message: "Routes use app/models, not Prisma." },
            { group: ["~/onflow/client.server", "~/onflow/client.server.*"], message: "Routes call a service, not Onflow." },
          ],
        },
      ],
    },
  },
);
