// The rules for a new account, checked in the browser so that every problem shows at once. Pure.
// They mirror the server's (auth/users.py), which stays the judge: it answers with all of its own.

export const MIN_PASSWORD = 8;
const MAX_PASSWORD = 1024;
const USERNAME = /^[^\s/\\:]{1,64}$/;

export interface AccountForm {
  username: string;
  password: string;
  confirm: string;
}

export type AccountField = keyof AccountForm;

/** Every problem of the form, one message per field; empty when it can be sent. */
export function accountProblems(form: AccountForm): Partial<Record<AccountField, string>> {
  const problems: Partial<Record<AccountField, string>> = {};
  if (!form.username) problems.username = "Enter a username.";
  else if (!USERNAME.test(form.username)) problems.username = "Username must be 1 to 64 characters without spaces, / \\ or :";
  if (!form.password) problems.password = "Enter a password.";
  else if (form.password.length < MIN_PASSWORD) problems.password = `Password must be at least ${MIN_PASSWORD} characters long`;
  else if (form.password.length > MAX_PASSWORD) problems.password = `Password must be at most ${MAX_PASSWORD} characters long`;
  if (form.confirm !== form.password) problems.confirm = "The passwords do not match.";
  return problems;
}
