import { useTranslations } from "next-intl";
import { getLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { getCachedContentTranslations } from "@/lib/public-data";
import { localize, SOURCE_LOCALE, translationKey, type Localized, type TranslationState } from "@/lib/translations";
import { CONTENT_LOCALES, type ContentLocale, type TranslatableEntity, type TranslatableField } from "@/lib/vocabulary";

/*
 * Plan content in the reader's language. Every component here reads the
 * one cached map of the locale's translations, so a list of any length
 * costs no extra queries.
 */

export type TranslatedProps = {
  entity: TranslatableEntity;
  entityKey: string | number;
  field: TranslatableField;
  /** The English (source) text as shown today. */
  text: string;
  /** Defaults to the request's locale. */
  locale?: string;
};

const isContentLocale = (locale: string): locale is ContentLocale => CONTENT_LOCALES.some((l) => l === locale);

export type Localizer = (entity: TranslatableEntity, entityKey: string | number, field: TranslatableField, english: string) => Localized;

/** For places that need plain strings (metadata, option labels); components below use it too. */
export async function getLocalizer(locale: string): Promise<Localizer> {
  const map = locale !== SOURCE_LOCALE && isContentLocale(locale) ? await getCachedContentTranslations(locale) : {};
  return (entity, entityKey, field, english) => localize(english, map[translationKey(entity, entityKey, field)], locale);
}

async function localized({ entity, entityKey, field, text, locale }: TranslatedProps): Promise<Localized> {
  const localizer = await getLocalizer(locale ?? (await getLocale()));
  return localizer(entity, entityKey, field, text);
}

/** The text itself; an English fallback inside a Chinese page is marked so screen readers pronounce it as English. */
export function LocalizedText({ value }: { value: Localized }) {
  return value.state === "missing" ? <span lang={value.lang}>{value.text}</span> : <>{value.text}</>;
}

/** Tells readers that what they see is not a confirmed translation; nothing for current translations and English pages. */
export function TranslationNotice({ state }: { state: TranslationState }) {
  const t = useTranslations("public");
  if (state === "outdated") return <Badge tone="warning">{t("translation.outdated")}</Badge>;
  if (state === "missing") return <Badge tone="neutral">{t("translation.missing")}</Badge>;
  return null;
}

/** The field in the reader's language, followed by its notice when there is one. */
export async function Translated({ notice = true, ...props }: TranslatedProps & { notice?: boolean }) {
  const value = await localized(props);
  const showNotice = notice && (value.state === "outdated" || value.state === "missing");
  return (
    <>
      <LocalizedText value={value} />
      {showNotice ? (
        <>
          {" "}
          <TranslationNotice state={value.state} />
        </>
      ) : null}
    </>
  );
}

/** Only the notice, for text that sits inside a heading or a link where the notice would change its name. */
export async function TranslatedNotice({ block = false, ...props }: TranslatedProps & { block?: boolean }) {
  const value = await localized(props);
  if (value.state !== "outdated" && value.state !== "missing") return null;
  return block ? (
    <p>
      <TranslationNotice state={value.state} />
    </p>
  ) : (
    <TranslationNotice state={value.state} />
  );
}
