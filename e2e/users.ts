/** Test-only accounts, created by e2e/serve.ts in the e2e database before the server starts. */
export const E2E_USERS = {
  admin: { email: "admin@e2e.test", password: "e2e-admin-password-1", name: "E2E Admin", role: "admin" },
  admin2: { email: "admin2@e2e.test", password: "e2e-admin-password-2", name: "E2E Second Admin", role: "admin" },
  analyst: { email: "analyst@e2e.test", password: "e2e-analyst-password", name: "E2E Analyst", role: "analyst" },
} as const;

export type E2EUser = keyof typeof E2E_USERS;

// One file per port, so two e2e servers (say, two developers' runs) never read each other's run.
export const RUN_INFO_FILE = `.data/e2e-run-${process.env.E2E_PORT || 3200}.json`;
