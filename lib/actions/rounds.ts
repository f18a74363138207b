"use server";

import { closeRound } from "@/db/queries/rounds";
import { revalidatePath } from "next/cache";
import { expireStructure } from "../revalidate";
import { createAction } from "../safe-action";
import { closeRoundSchema } from "../validation/rounds";

export const closeRoundAction = createAction(
  { schema: closeRoundSchema, permission: "rounds:manage" },
  async (input, actor) => {
    const { slug } = await closeRound(actor, input);
    // The public list of rounds changes.
    expireStructure();
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: { slug }, message: "roundClosed" };
  },
);
