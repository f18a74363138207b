import { useTranslations } from "next-intl";
import styles from "@/components/admin/admin.module.css";

/** Field messages: token-specific keys live in the "api" catalog, the shared ones in "validation". */
export function TokenFieldError({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations("api.tokens.errors");
  const tValidation = useTranslations("validation");
  if (!errors?.length) return null;
  return (
    <p id={id} className={styles.error}>
      {errors.map((e) => (t.has(e) ? t(e) : tValidation.has(e) ? tValidation(e) : tValidation("invalid"))).join(" ")}
    </p>
  );
}
