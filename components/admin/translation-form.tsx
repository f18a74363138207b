"use client";

import { useTranslations } from "next-intl";
import { controlClass, describedBy, Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmTranslationAction, saveTranslationAction } from "@/lib/actions/translations";
import type { TranslationItem } from "@/db/queries/translations";
import { TRANSLATION_MAX } from "@/lib/validation/translations";
import styles from "./admin.module.css";
import { fieldErrors, useFormSubmit } from "./use-form-submit";

function TargetInputs({ item }: { item: TranslationItem }) {
  return (
    <>
      <input type="hidden" name="entityType" value={item.entityType} />
      <input type="hidden" name="entityKey" value={item.entityKey} />
      <input type="hidden" name="field" value={item.field} />
      <input type="hidden" name="locale" value="zh" />
    </>
  );
}

/** Saving stores the translation as made against today's English; confirming only vouches that an unchanged one still fits. */
export function TranslationForm({ item }: { item: TranslationItem }) {
  const t = useTranslations("admin.translations");
  const { state: saveState, formRef: saveRef, onSubmit: onSave } = useFormSubmit(saveTranslationAction);
  const { state: confirmState, formRef: confirmRef, onSubmit: onConfirm } = useFormSubmit(confirmTranslationAction);
  const id = `translation-${item.entityType}-${item.entityKey}-${item.field}`;
  const errors = fieldErrors(saveState, "text");
  const fieldName = t(`fields.${item.field}`);
  return (
    <div>
      <form ref={saveRef} onSubmit={onSave} noValidate className={styles.form}>
        <TargetInputs item={item} />
        <Field id={id} label={t("textLabel", { code: item.label, field: fieldName })} errors={errors}>
          <textarea
            {...describedBy(id, { errors })}
            name="text"
            lang="zh"
            rows={item.field === "title" || item.field === "name" ? 2 : 4}
            maxLength={TRANSLATION_MAX}
            defaultValue={item.translation}
            required
            className={controlClass}
          />
        </Field>
        <FormStatus state={saveState} successText={t("saved")} />
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
      {item.state === "outdated" ? (
        <form ref={confirmRef} onSubmit={onConfirm} className={styles.form}>
          <TargetInputs item={item} />
          <FormStatus state={confirmState} successText={t("confirmed")} />
          <SubmitButton variant="secondary">{t("confirm")}</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
