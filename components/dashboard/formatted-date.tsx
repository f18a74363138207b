import { useFormatter, useTranslations } from "next-intl";
import { DATE_STYLE, machineDate, toDate } from "./dates";

/** A date in the page language, read in UTC so calendar dates never shift by a day. */
export function FormattedDate({ value }: { value: string }) {
  const format = useFormatter();
  return <time dateTime={machineDate(value)}>{format.dateTime(toDate(value), DATE_STYLE)}</time>;
}

/**
 * A sentence around a date, such as "Published <time>{date}</time>", so the
 * word order stays with the translation and the date keeps its <time> element.
 */
export function DatedText({
  messageKey,
  value,
  values = {},
}: {
  messageKey: string;
  value: string;
  values?: Record<string, string | number>;
}) {
  const t = useTranslations("public");
  const format = useFormatter();
  return t.rich(messageKey, {
    ...values,
    date: format.dateTime(toDate(value), DATE_STYLE),
    time: (chunks) => <time dateTime={machineDate(value)}>{chunks}</time>,
  });
}
