import { createHash } from "node:crypto";
import type { TranslatableEntity, TranslatableField } from "./vocabulary";

/*
 * Content translation freshness, kept pure so pages, admin screens and
 * tests agree on one rule: a translation is current exactly when it was
 * made against the English text that is shown today.
 */

export type TranslationState = "source" | "current" | "outdated" | "missing";

export type StoredTranslation = { text: string; sourceHash: string };

/** Translations of one locale, keyed by `translationKey`; plain JSON so it can live in the Next cache. */
export type TranslationMap = Record<string, StoredTranslation>;

export type Localized = {
  text: string;
  state: TranslationState;
  /** The language of `text`, so a fallback can carry `lang="en"` inside a Chinese page. */
  lang: string;
};

export const SOURCE_LOCALE = "en";

// Line endings and surrounding blanks differ between a form post and a seed file without the text changing.
function normalize(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

export function sourceHash(english: string): string {
  return createHash("sha256").update(normalize(english), "utf8").digest("hex");
}

export function translationKey(entity: TranslatableEntity, key: string | number, field: TranslatableField): string {
  return `${entity}:${key}:${field}`;
}

export function translationState(english: string, translation: StoredTranslation | undefined): Exclude<TranslationState, "source"> {
  if (!translation || translation.text.trim() === "") return "missing";
  return translation.sourceHash === sourceHash(english) ? "current" : "outdated";
}

/** What to show for one field in `locale`: the translation when there is one (even outdated), else the English. */
export function localize(english: string, translation: StoredTranslation | undefined, locale: string): Localized {
  // Empty English (a blank description) has nothing to translate, so it needs no notice either.
  if (locale === SOURCE_LOCALE || normalize(english) === "") return { text: english, state: "source", lang: SOURCE_LOCALE };
  const state = translationState(english, translation);
  if (state === "missing" || !translation) return { text: english, state: "missing", lang: SOURCE_LOCALE };
  return { text: translation.text, state, lang: locale };
}
