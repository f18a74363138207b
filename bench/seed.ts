/*
 * Bench data, fast: run as its own process (PGlite allows one process per
 * folder) with PGLITE_DIR or DATABASE_URL set, while no server runs on it.
 *
 *   tsx bench/seed.ts --updates 100000 --users 50 --probes 5
 *
 * Migrates and seeds the plan like a server start, then tops the database
 * up to the given number of progress updates with one set-based INSERT
 * (generate_series), bypassing the app's write path (and its triggers, for
 * speed: the precomputed action_day_states are rebuilt once afterwards).
 * Updates are spread over every day since the plan was announced, on all
 * ten actions (each action's status changes every 120 days or so); 95 % are
 * published, 5 % rejected, and a review queue of about 50 stays submitted.
 * `--probes` adds submitted updates with a known narrative, which the
 * benchmark publishes to measure freshness. Prints one JSON line.
 */
import { hashPassword } from "@/lib/passwords";
import { closeDb, rawClient } from "@/db/index";
import { prepareDatabase } from "@/db/startup";
import { BENCH_ADMIN, PROBE_PREFIX } from "./constants";

const FIRST_DAY = "2024-09-23";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function run(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = rawClient();
  if (c.kind === "pglite") return (await c.pglite.query<Record<string, unknown>>(text, params)).rows;
  return (await c.sql.unsafe(text, params as never[])) as unknown as Record<string, unknown>[];
}

/** Statements that must share one session (SET LOCAL), in one transaction. */
async function inTransaction(statements: string[]): Promise<void> {
  const c = rawClient();
  if (c.kind === "pglite") {
    await c.pglite.transaction(async (tx) => {
      for (const s of statements) await tx.query(s);
    });
    return;
  }
  await c.sql.begin(async (tx) => {
    for (const s of statements) await tx.unsafe(s);
  });
}

async function main(): Promise<void> {
  const targetUpdates = arg("updates", 100_000);
  const targetUsers = arg("users", 50);
  const probes = arg("probes", 0);
  const started = Date.now();
  await prepareDatabase();

  // Users: one admin with a known password (the benchmark signs in as it), the rest analysts; one hash for all.
  const hash = await hashPassword(BENCH_ADMIN.password);
  await run(
    `insert into users (email, name, role, password_hash) values ($1, 'Bench admin', 'admin', $2)
     on conflict (lower(email)) do update set password_hash = excluded.password_hash, disabled = false, role = 'admin'`,
    [BENCH_ADMIN.email, hash],
  );
  const [{ n: userCount }] = (await run(`select count(*)::int as n from users`)) as [{ n: number }];
  if (userCount < targetUsers) {
    await run(
      `insert into users (email, name, role, password_hash)
       select 'bench-analyst-' || g || '@bench.local', 'Bench analyst ' || g, 'analyst', $2
       from generate_series(1, $1::int) g on conflict do nothing`,
      [targetUsers - userCount, hash],
    );
  }

  const [{ n: existing }] = (await run(`select count(*)::int as n from progress_updates`)) as [{ n: number }];
  const add = Math.max(0, targetUpdates - existing);
  if (add > 0) {
    const span = Math.max(1, Math.floor((Date.now() - Date.parse(`${FIRST_DAY}T00:00:00Z`)) / 86_400_000) - 1);
    // Percent grows with time on each action (as real progress would), with some noise; authors cycle through the analysts.
    await inTransaction([
      "set local session_replication_role = replica",
      `insert into progress_updates
         (action_id, status, percent, narrative, evidence_links, occurred_on, illustrative, author_id,
          review_state, reviewer_id, reviewed_at, published_at, created_at)
       select a.id,
         (array['planned','in_progress','on_track','at_risk','delayed','in_progress','on_track'])[1 + ((d.k / 120 + g % 10) % 7)]::progress_status,
         least(100, (d.k * 100 / ${span}) + (g % 9)),
         'Bench update ' || g || ': workshops held, partners engaged and the next milestone agreed; see the linked report for details.',
         jsonb_build_array(jsonb_build_object('url', 'https://example.org/bench/' || g)),
         date '${FIRST_DAY}' + d.k,
         false,
         u.ids[1 + (g % array_length(u.ids, 1))],
         (case when g % 20 = 7 then 'rejected' when g % 2000 = 5 then 'submitted' else 'published' end)::review_state,
         case when g % 2000 = 5 and g % 20 <> 7 then null else admin.id end,
         case when g % 2000 = 5 and g % 20 <> 7 then null else (date '${FIRST_DAY}' + d.k) + interval '20 hours' + (g % 3600) * interval '1 second' end,
         case when g % 20 = 7 or g % 2000 = 5 then null else (date '${FIRST_DAY}' + d.k) + interval '20 hours' + (g % 3600) * interval '1 second' end,
         (date '${FIRST_DAY}' + d.k) + interval '8 hours'
       from generate_series(${existing + 1}, ${existing + add}) g
       cross join lateral (select ((g::bigint * 7919) % ${span})::int as k) d
       join actions a on a.position = 1 + (g % 10)
       cross join (select array_agg(id order by id) as ids from users where role = 'analyst') u
       cross join (select id from users where lower(email) = '${BENCH_ADMIN.email}') admin`,
    ]);
    await run("select refresh_all_action_day_states()");
  }

  let probeRows: Record<string, unknown>[] = [];
  if (probes > 0) {
    probeRows = await run(
      `insert into progress_updates (action_id, status, percent, narrative, occurred_on, author_id, review_state)
       select a.id, 'on_track', 99, '${PROBE_PREFIX} ' || g || ' ' || $2, current_date, u.id, 'submitted'
       from generate_series(1, $1::int) g
       join actions a on a.code = 'A1'
       cross join (select min(id) as id from users where role = 'analyst') u
       returning id, narrative`,
      [probes, String(Date.now())],
    );
  }
  await run("analyze");
  const [{ n: total }] = (await run(`select count(*)::int as n from progress_updates`)) as [{ n: number }];
  const [{ n: published }] = (await run(`select count(*)::int as n from progress_updates where review_state = 'published'`)) as [{ n: number }];
  const [{ n: users }] = (await run(`select count(*)::int as n from users`)) as [{ n: number }];
  await closeDb();
  console.log(JSON.stringify({ updates: total, published, users, seconds: (Date.now() - started) / 1000, probes: probeRows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
