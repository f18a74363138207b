import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/permissions";
import type { Role } from "@/lib/vocabulary";
import { db, rawClient } from "../index";
import { upsertUser } from "../seed";
import { actions, progressUpdates, users } from "../schema";

let counter = 0;

/** A real user row, returned as the actor the server would see. */
export async function makeActor(role: Role): Promise<Actor> {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@test.local`;
  const name = `${role} ${counter}`;
  const id = await upsertUser({ email, name, role, password: "test-password-long" });
  return { id, email, name, role };
}

export async function disableUser(id: number): Promise<void> {
  await db.update(users).set({ disabled: true }).where(eq(users.id, id));
}

export async function actionIdOf(code: string): Promise<number> {
  const [row] = await db.select({ id: actions.id }).from(actions).where(eq(actions.code, code));
  if (!row) throw new Error(`no action ${code}`);
  return row.id;
}

/** Snapshot of every update row, to prove that a refused write changed nothing. */
export async function snapshotUpdates() {
  return db.select().from(progressUpdates).orderBy(progressUpdates.id);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function validUpdate(overrides: Record<string, unknown> = {}) {
  return {
    actionCode: "A1",
    status: "in_progress",
    percent: 30,
    narrative: "Joint laboratory agreement signed.",
    evidenceLinks: ["https://example.org/news/1"],
    occurredOn: "2025-03-01",
    ...overrides,
  };
}

/** Rows of a raw query, on either driver. */
async function rawRows<R>(text: string): Promise<R[]> {
  const client = rawClient();
  if (client.kind === "pglite") return (await client.pglite.query<R>(text)).rows;
  return (await client.sql.unsafe(text)) as unknown as R[];
}

/**
 * Row count and a checksum of the full contents of every table, to prove that
 * a refused write changed nothing anywhere. `ignore` names columns a request
 * may legitimately touch whatever its payload (a token's last use) as
 * "table.column"; a whole table (request counters) as "table.*".
 */
export async function snapshotDatabase(ignore: readonly string[] = []): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await rawRows<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  const parts = tables
    .filter((t) => !ignore.includes(`${t.name}.*`))
    .map((t) => {
      const dropped = ignore.filter((c) => c.startsWith(`${t.name}.`)).map((c) => c.slice(t.name.length + 1));
      const value = dropped.length ? `(to_jsonb(t) - array[${dropped.map((c) => `'${c}'`).join(",")}]::text[])::text` : "to_jsonb(t)::text";
      return `select '${t.name}' as name, count(*)::int as rows, md5(coalesce(string_agg(${value}, ',' order by ${value}), '')) as md5 from "${t.name}" t`;
    });
  const rows = await rawRows<{ name: string; rows: number; md5: string }>(parts.join(" union all "));
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), md5: r.md5 }]));
}
