import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Says "Overdue" in words, so the state never rests on the badge's colour. */
export function OverdueBadge() {
  const t = useTranslations("public");
  return (
    <Badge tone="danger" title={t("staleness.overdueHint")}>
      {t("staleness.overdue")}
    </Badge>
  );
}
