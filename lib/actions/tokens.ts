"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { createAction } from "../safe-action";
import { idSchema, requiredText } from "../validation/fields";

const TOKEN_NAME_MAX = 100;

// An unchosen analyst arrives as "", which should read "required" rather than "not valid".
const chosenId = z.union([z.literal("").transform(() => undefined), z.unknown()]).superRefine((v, ctx) => {
  if (v === undefined || v === null) ctx.addIssue({ code: "custom", message: "required" });
}).pipe(idSchema);
const createTokenSchema = z.object({ name: requiredText(TOKEN_NAME_MAX), userId: chosenId });
const revokeTokenSchema = z.object({ tokenId: idSchema });

/** The plain token is in this result only; the list and the database never show it again. */
export const createTokenAction = createAction({ schema: createTokenSchema, permission: "tokens:manage" }, async (input, actor) => {
  const created = await createToken(actor, input);
  revalidatePath("/[locale]/(admin)/admin/tokens", "page");
  return { ok: true, data: created, message: "tokenCreated" };
});

export const revokeTokenAction = createAction({ schema: revokeTokenSchema, permission: "tokens:manage" }, async (input, actor) => {
  await revokeToken(actor, input.tokenId);
  revalidatePath("/[locale]/(admin)/admin/tokens", "page");
  return { ok: true, data: undefined, message: "tokenRevoked" };
});
