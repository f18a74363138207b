import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };
const dbTests = ["**/*.db.test.ts"];
const exclude = ["node_modules/**", ".next/**", ".next-*/**", "e2e/**", ".data/**"];

/*
 * Pure tests run once. Database tests (*.db.test.ts) run on embedded PGlite,
 * and again on real Postgres when TEST_DATABASE_URL is set: the same suite twice.
 */
const dbProject = (target: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name: `db-${target}`,
    include: dbTests,
    exclude,
    environment: "node",
    setupFiles: ["./db/testing/setup.ts"],
    env: { DB_TEST_TARGET: target },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, ...dbTests], environment: "node" },
      },
      dbProject("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [dbProject("postgres")] : []),
    ],
  },
});
