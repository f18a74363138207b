import { getFormatter, getTranslations } from "next-intl/server";
import { viewHref } from "@/components/dashboard/view-links";
import { DATASETS, DATASET_NAMES } from "@/lib/open-data/datasets";
import type { DataLicense } from "@/lib/open-data/license";
import type { View } from "@/lib/view";
import { sizeParts } from "./format-size";

// A route handler, not a page: a plain link downloads it instead of client-side navigation.
const FEED_URL = "/api/feeds/updates";

const api = (file: string, view: View) => viewHref(`/api/downloads/${file}`, view);

export async function DatasetList({ locale, view }: { locale: string; view: View }) {
  const t = await getTranslations({ locale, namespace: "downloads" });
  return (
    <section aria-labelledby="datasets-heading">
      <h2 id="datasets-heading">{t("datasets.heading")}</h2>
      <ul>
        {DATASET_NAMES.map((name) => {
          const d = DATASETS[name];
          return (
            <li key={name}>
              <h3>{d.file}</h3>
              <p>
                {d.description} <span className="muted">{t("datasets.columns", { count: d.columns.length })}</span>
              </p>
              {/* The visible format starts each link's name (WCAG 2.5.3); the hidden file name tells the links apart. */}
              <p>
                <a href={api(`${d.file}.csv`, view)}>
                  {t("datasets.csv")}
                  <span className="visually-hidden">{t("datasets.fileSuffix", { name: d.file })}</span>
                </a>
                {t("datasets.separator")}
                <a href={api(`${d.file}.csv?bom=1`, view)}>
                  {t("datasets.csvExcel")}
                  <span className="visually-hidden">{t("datasets.fileSuffix", { name: d.file })}</span>
                </a>
                {t("datasets.separator")}
                <a href={api(`${d.file}.json`, view)}>
                  {t("datasets.json")}
                  <span className="visually-hidden">{t("datasets.fileSuffix", { name: d.file })}</span>
                </a>
              </p>
            </li>
          );
        })}
      </ul>
      <p>
        <a href="#data-dictionary">{t("dictionary.link")}</a>
      </p>
    </section>
  );
}

export async function ZipDownload({ locale, view, bytes, generatedAt }: { locale: string; view: View; bytes: number; generatedAt: Date }) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "downloads" }), getFormatter({ locale })]);
  const size = sizeParts(bytes);
  return (
    <section aria-labelledby="zip-heading">
      <h2 id="zip-heading">{t("zip.heading")}</h2>
      <p>
        <a href={api("all.zip", view)}>{t("zip.link")}</a>{" "}
        <span className="muted">
          {t("zip.details", {
            size: t(`size.${size.key}`, { value: size.value }),
            time: format.dateTime(generatedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
          })}
        </span>
      </p>
      <p>{t("zip.contents")}</p>
    </section>
  );
}

export async function LicenseSection({ locale, license }: { locale: string; license: DataLicense }) {
  const t = await getTranslations({ locale, namespace: "downloads" });
  return (
    <section aria-labelledby="license-heading">
      <h2 id="license-heading">{t("license.heading")}</h2>
      <p>{t("license.text", { name: license.name })}</p>
      {license.url ? (
        <p>
          <a href={license.url} rel="license">
            {t("license.link")}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export async function FeedsSection({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "downloads" });
  return (
    <section aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">{t("feeds.heading")}</h2>
      <p>{t("feeds.text")}</p>
      <p>
        <a href={FEED_URL} type="application/atom+xml">
          {t("feeds.all")}
        </a>
      </p>
      <p>{t.rich("feeds.perAction", { example: "/api/feeds/actions/A1", code: (c) => <code>{c}</code> })}</p>
    </section>
  );
}
