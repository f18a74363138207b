import { asc, desc, eq } from "drizzle-orm";
import { InvalidInputError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { CloseRoundInput } from "@/lib/validation/rounds";
import { db } from "../index";
import { reportingRounds, users } from "../schema";
import { recordAudit } from "./audit";

export type RoundRow = { slug: string; name: string; cutoffDate: string; closedAt: string; closedByName: string | null };

function toRow(r: { slug: string; name: string; cutoffDate: string; closedAt: Date; closedByName: string | null }): RoundRow {
  return { ...r, closedAt: r.closedAt.toISOString() };
}

const roundColumns = {
  slug: reportingRounds.slug,
  name: reportingRounds.name,
  cutoffDate: reportingRounds.cutoffDate,
  closedAt: reportingRounds.closedAt,
  closedByName: users.name,
};

export async function listRounds(): Promise<RoundRow[]> {
  const rows = await db
    .select(roundColumns)
    .from(reportingRounds)
    .leftJoin(users, eq(users.id, reportingRounds.closedBy))
    .orderBy(desc(reportingRounds.cutoffDate), asc(reportingRounds.slug));
  return rows.map(toRow);
}

export async function getRound(slug: string): Promise<RoundRow | null> {
  const [row] = await db.select(roundColumns).from(reportingRounds).leftJoin(users, eq(users.id, reportingRounds.closedBy)).where(eq(reportingRounds.slug, slug));
  return row ? toRow(row) : null;
}

/** Closing a round freezes what it shows: it is the plan as of its cut-off day, and never later than the moment it was closed. */
export async function closeRound(actor: Actor | null, input: CloseRoundInput): Promise<{ slug: string }> {
  assertCan(actor, "rounds:manage");
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: reportingRounds.id }).from(reportingRounds).where(eq(reportingRounds.slug, input.slug));
    if (taken) throw new InvalidInputError({ slug: ["slugTaken"] });
    const [row] = await tx
      .insert(reportingRounds)
      .values({ slug: input.slug, name: input.name, cutoffDate: input.cutoffDate, closedBy: actor.id })
      // The check above misses a round closed by a concurrent request; the unique slug catches it.
      .onConflictDoNothing()
      .returning();
    if (!row) throw new InvalidInputError({ slug: ["slugTaken"] });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "round.close",
      entityType: "round",
      entityId: row.slug,
      after: { slug: row.slug, name: row.name, cutoffDate: row.cutoffDate, closedAt: row.closedAt.toISOString() },
    });
    return { slug: row.slug };
  });
}
