import { PASSWORD_MIN } from "@/lib/vocabulary";
import { controlClass, describedBy, Field } from "./field";

/**
 * A labelled password input. A new password asks the browser to suggest one
 * and to check the minimum length; a current one lets it fill the saved one.
 */
export function PasswordField({
  id,
  name,
  label,
  hint,
  errors,
  kind,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  kind: "new" | "current";
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <input
        {...describedBy(id, { errors, hint: hint !== undefined })}
        name={name}
        type="password"
        autoComplete={kind === "new" ? "new-password" : "current-password"}
        minLength={kind === "new" ? PASSWORD_MIN : undefined}
        required
        className={controlClass}
      />
    </Field>
  );
}
