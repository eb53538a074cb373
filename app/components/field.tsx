import type { InputHTMLAttributes } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
};

function Field({ name, label, error, hint, ...input }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's error, which its control names in aria-describedby as `${id}-error`. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p className="field-error" id={`${id}-error`} role="alert">
      {error}
    </p>
  ) : null;
}

/** The account's address, asked for the same way on every form that signs someone in. */
export function EmailField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <Field
      name="email"
      label="Email"
      type="email"
      autoComplete="email"
      required
      defaultValue={defaultValue}
      error={error}
    />
  );
}

type PasswordFieldProps = Omit<FieldProps, "type" | "autoComplete"> & {
  /** Tells password managers whether to fill in the saved password or offer a new one. */
  autoComplete: "current-password" | "new-password";
};

export function PasswordField({ name, label, autoComplete, ...rest }: PasswordFieldProps) {
  return <Field name={name} label={label} type="password" autoComplete={autoComplete} {...rest} />;
}

export function FormMessage({
  message,
  tone,
}: {
  message?: string | null;
  tone: "error" | "info";
}) {
  if (!message) return null;
  return (
    <p className={`form-message form-message-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {message}
    </p>
  );
}

/** A select's options, from their values and labels. */
export function Options({ choices }: { choices: readonly (readonly [string, string])[] }) {
  return choices.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
