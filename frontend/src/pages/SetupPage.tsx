import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { errorText } from "../api/errors";
import { useSetup } from "../api/queries";
import { Field } from "../components/Field";
import { AuthLayout } from "./AuthLayout";

const MIN_PASSWORD = 8;

export function SetupPage() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const navigate = useNavigate();
  const setup = useSetup();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const differs = password !== confirm;
    setMismatch(differs);
    if (differs) return;
    setup.mutate({ username, password }, { onSuccess: () => navigate("/", { replace: true }) });
  };

  return (
    <AuthLayout title="Create your account" intro="This is the first start: choose the username and password you will log in with.">
      <form className="form" onSubmit={onSubmit} aria-busy={setup.isPending}>
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="password-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id="password-hint" className="hint">
          At least {MIN_PASSWORD} characters.
        </p>
        <Field
          label="Confirm password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        {mismatch && (
          <div className="alert alert--error" role="alert">
            The passwords do not match.
          </div>
        )}
        {setup.isError && (
          <div className="alert alert--error" role="alert">
            {errorText(setup.error)}
          </div>
        )}
        <button type="submit" className="button button--primary" disabled={setup.isPending}>
          Create account
        </button>
      </form>
    </AuthLayout>
  );
}
