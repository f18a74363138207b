"use client";

import { signOut } from "next-auth/react";
import { secondaryButtonClass } from "@/components/ui/field";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className={secondaryButtonClass} onClick={() => void signOut({ callbackUrl: "/" })}>
      {label}
    </button>
  );
}
