"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { FormState } from "@/lib/action-result";

type FormAction<T> = (previous: FormState<T>, data: FormData) => Promise<FormState<T>>;

/**
 * Runs a server action from a form without React's automatic form reset,
 * so a refused submission keeps everything the user typed. Dispatching in
 * a transition from `onSubmit` still drives `useFormStatus`, so
 * `SubmitButton` shows its pending state. After a failure, focus moves to
 * the first field flagged invalid so keyboard and screen-reader users land
 * on the problem.
 */
export function useFormSubmit<T>(action: FormAction<T>, { resetOnSuccess = false }: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const form = formRef.current;
    if (!state || !form) return;
    if (state.ok) {
      if (resetOnSuccess) form.reset();
      return;
    }
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return { state, formRef, onSubmit, dispatch };
}

/** Field messages for one field of a failed result (keys in the "validation" namespace). */
export function fieldErrors(state: FormState<unknown>, field: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[field] : undefined;
}
