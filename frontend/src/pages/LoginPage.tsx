import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { urlBase } from "../api/client";
import { ApiError, errorText } from "../api/errors";
import { useLogin } from "../api/queries";
import { Checkbox, Field } from "../components/Field";
import { safeReturnPath } from "../lib/paths";
import { AuthLayout } from "./AuthLayout";

/** What to tell the user; a wrong username and a wrong password look the same. */
function loginError(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return "Incorrect username or password";
  if (error instanceof ApiError && error.status === 429) return error.message || "Too many attempts. Try again later.";
  return errorText(error);
}

export function LoginPage() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [rememberMe, setRememberMe] = useState(false);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { username, password, rememberMe },
      {
        onSuccess: () => navigate(safeReturnPath(params.get("returnUrl"), urlBase), { replace: true }),
        onError: () => setPassword(""),
      },
    );
  };

  return (
    <AuthLayout title="Log in">
      <form className="form" onSubmit={onSubmit} aria-busy={login.isPending}>
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
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Checkbox label="Remember me" name="rememberMe" checked={rememberMe} onChange={(e) => setRememberMe(e.target.checked)} />
        {login.isError && (
          <div className="alert alert--error" role="alert">
            {loginError(login.error)}
          </div>
        )}
        <button type="submit" className="button button--primary" disabled={login.isPending}>
          Log in
        </button>
      </form>
    </AuthLayout>
  );
}
