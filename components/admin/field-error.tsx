import { useTranslations } from "next-intl";
import styles from "./admin.module.css";

/**
 * Error text for controls that cannot use `Field` (a fieldset, a control
 * in a table row whose label is visually hidden). Same keys, same look.
 */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations("validation");
  if (!errors?.length) return null;
  return (
    <p id={id} className={styles.error}>
      {errors.map((e) => (t.has(e) ? t(e) : t("invalid"))).join(" ")}
    </p>
  );
}
