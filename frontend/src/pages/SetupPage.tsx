import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../api/errors";
import { useSetup } from "../api/queries";
import { ErrorMessage } from "../components/Feedback";
import { Field } from "../components/Field";
import { accountProblems, MIN_PASSWORD, type AccountField } from "../lib/accounts";
import { placeErrors } from "../lib/validation";
import { AuthLayout } from "./AuthLayout";

const FIELDS: AccountField[] = ["username", "password", "confirm"];
const LABELS: Record<AccountField, string> = { username: "Username", password: "Password", confirm: "Confirm password" };

export function SetupPage() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problems, setProblems] = useState<Partial<Record<AccountField, string>>>({});
  const navigate = useNavigate();
  const setup = useSetup();
  // The server's answer, placed on the fields like the browser's own checks.
  const failures = setup.error instanceof ApiError ? setup.error.validationFailures : [];
  const server = placeErrors(failures, { username: "username", password: "password" });
  const errors: Partial<Record<AccountField, string>> = { ...server.fields, ...problems };
  const messages = FIELDS.filter((field) => errors[field]).map((field) => [field, errors[field]] as const);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = accountProblems({ username, password, confirm });
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setup.reset();
      return;
    }
    setup.mutate({ username, password }, { onSuccess: () => navigate("/", { replace: true }) });
  };

  return (
    <AuthLayout title="Create your account" intro="This is the first start: choose the username and password you will log in with.">
      {/* noValidate: the browser would stop at the first empty field; this form names every problem at once. */}
      <form className="form" onSubmit={onSubmit} aria-busy={setup.isPending} noValidate>
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          error={errors.username}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${MIN_PASSWORD} characters.`}
          error={errors.password}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Field
          label="Confirm password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirm}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        {messages.length > 0 && (
          <div className="alert alert--error" role="alert">
            {messages.length === 1 ? "Please correct this:" : `Please correct these ${messages.length} problems:`}
            <ul className="alert__list">
              {messages.map(([field, message]) => (
                <li key={field}>
                  {LABELS[field]}: {message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {server.general.length > 0 && (
          <div className="alert alert--error" role="alert">
            {server.general.join(" ")}
          </div>
        )}
        {setup.isError && failures.length === 0 && <ErrorMessage error={setup.error} />}
        <button type="submit" className="button button--primary" disabled={setup.isPending}>
          Create account
        </button>
      </form>
    </AuthLayout>
  );
}
