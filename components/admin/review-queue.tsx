"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { controlClass, describedBy, Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/action-result";
import { approveUpdateAction, rejectUpdateAction } from "@/lib/actions/progress";
import styles from "./admin.module.css";

export type ReviewItem = { id: number; heading: string; details: ReactNode };

type Decision = "approve" | "reject";
type Outcome = { updateId: number; decision: Decision; result: FormState<{ actionCode: string }> } | null;

async function review(_previous: Outcome, { decision, data }: { decision: Decision; data: FormData }): Promise<Outcome> {
  const result = decision === "approve" ? await approveUpdateAction(null, data) : await rejectUpdateAction(null, data);
  return { updateId: Number(data.get("updateId")), decision, result };
}

/**
 * One outcome for the whole queue: a reviewed item leaves the list as soon
 * as the page refreshes, so its success message is shown (and focused)
 * above the list instead of inside the article that disappears.
 */
export function ReviewQueue({ items, label }: { items: ReviewItem[]; label: string }) {
  const t = useTranslations("admin.review");
  const [outcome, dispatch] = useActionState(review, null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!outcome) return;
    if (outcome.result?.ok) {
      doneRef.current?.focus();
      return;
    }
    document.querySelector<HTMLElement>(`#review-${outcome.updateId} [aria-invalid="true"]`)?.focus();
  }, [outcome]);

  function submit(decision: Decision) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      startTransition(() => dispatch({ decision, data }));
    };
  }

  const done = outcome?.result?.ok ? outcome : null;
  const doneText = done?.result?.ok ? t(done.decision === "approve" ? "published" : "rejected", { code: done.result.data.actionCode }) : undefined;
  const stateFor = (id: number, decision: Decision) => (outcome && !outcome.result?.ok && outcome.updateId === id && outcome.decision === decision ? outcome.result : null);

  return (
    <>
      <div ref={doneRef} tabIndex={-1} className={styles.focusTarget}>
        <FormStatus state={done?.result ?? null} successText={doneText} />
      </div>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className={styles.queue} aria-label={label}>
          {items.map((item) => {
            const rejectState = stateFor(item.id, "reject");
            const reasonErrors = rejectState && !rejectState.ok ? rejectState.fieldErrors?.reason : undefined;
            const reasonId = `reason-${item.id}`;
            return (
              <li key={item.id}>
                <article id={`review-${item.id}`} aria-labelledby={`review-${item.id}-title`} className={styles.card}>
                  <h2 id={`review-${item.id}-title`} className={styles.cardTitle}>
                    {item.heading}
                  </h2>
                  {item.details}
                  <div className={styles.decisions}>
                    <form onSubmit={submit("approve")} noValidate>
                      <input type="hidden" name="updateId" value={item.id} />
                      <FormStatus state={stateFor(item.id, "approve")} />
                      <SubmitButton>{t("approve")}</SubmitButton>
                    </form>
                    <form onSubmit={submit("reject")} noValidate className={styles.rejectForm}>
                      <input type="hidden" name="updateId" value={item.id} />
                      <Field id={reasonId} label={t("reason")} hint={t("reasonHint")} errors={reasonErrors}>
                        <textarea
                          {...describedBy(reasonId, { errors: reasonErrors, hint: true })}
                          name="reason"
                          rows={3}
                          required
                          aria-required="true"
                          className={controlClass}
                        />
                      </Field>
                      <FormStatus state={rejectState} />
                      <SubmitButton variant="danger">{t("reject")}</SubmitButton>
                    </form>
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
