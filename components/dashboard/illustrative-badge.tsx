import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Marks demonstration data; the hint is in the accessible text too, not only in a hover title. */
export function IllustrativeBadge() {
  const t = useTranslations("common");
  return (
    <Badge tone="info" title={t("badges.illustrativeHint")}>
      {t("badges.illustrative")}
      <span className="visually-hidden">: {t("badges.illustrativeHint")}</span>
    </Badge>
  );
}
