"use client";

import { useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { getPathname, usePathname } from "@/i18n/navigation";
import { routing, type Locale } from "@/i18n/routing";
import { LOCALE_COOKIE } from "@/lib/negotiate-locale";

// Each language names itself, so a reader who cannot read the current one still finds theirs.
const NATIVE_NAMES: Record<Locale, { name: string; lang: string }> = {
  en: { name: "English", lang: "en" },
  zh: { name: "中文", lang: "zh-Hans" },
};

function rememberLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

export function LanguageSwitcher() {
  const t = useTranslations("common");
  const current = useLocale();
  const pathname = usePathname();

  function choose(event: MouseEvent<HTMLAnchorElement>, locale: Locale) {
    event.preventDefault();
    rememberLocale(locale);
    // A full load keeps the query (a past view, filters) and renders the page in the new language.
    window.location.assign(getPathname({ href: pathname, locale }) + window.location.search);
  }

  return (
    <nav aria-label={t("language.label")}>
      <ul className="language-switcher">
        {routing.locales.map((locale) => {
          const native = NATIVE_NAMES[locale];
          const href = getPathname({ href: pathname, locale });
          return (
            <li key={locale}>
              <a href={href} hrefLang={native.lang} lang={native.lang} aria-current={locale === current ? "true" : undefined} onClick={(e) => choose(e, locale)}>
                {native.name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
