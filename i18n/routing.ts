import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["en", "zh"],
  defaultLocale: "en",
  // English keeps unprefixed URLs; next.config.js rewrites them onto /en.
  localePrefix: "as-needed",
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];
