import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ViewBanner } from "@/components/dashboard/view-banner";
import { resolveSegment } from "@/lib/public-data";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  // A past view repeats today's pages with older data; search engines should list today's.
  return ctx && ctx.view.kind !== "live" ? { robots: { index: false, follow: true } } : {};
}

export default async function PublicLayout({ children, params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  return (
    <>
      <ViewBanner view={ctx.view} />
      {children}
    </>
  );
}
