import { describe, expect, it } from "vitest";
import { accountProblems } from "./accounts";

describe("accountProblems", () => {
  it("finds every problem at once", () => {
    expect(accountProblems({ username: "my name", password: "short", confirm: "other" })).toEqual({
      username: "Username must be 1 to 64 characters without spaces, / \\ or :",
      password: "Password must be at least 8 characters long",
      confirm: "The passwords do not match.",
    });
  });

  it("asks for what is missing", () => {
    expect(accountProblems({ username: "", password: "", confirm: "" })).toEqual({
      username: "Enter a username.",
      password: "Enter a password.",
    });
  });

  it.each(["a/b", "a\\b", "a:b", "x".repeat(65)])("refuses the username %j as the server does", (username) => {
    expect(accountProblems({ username, password: "long enough", confirm: "long enough" })).toHaveProperty("username");
  });

  it("accepts a good account", () => {
    expect(accountProblems({ username: "admin", password: "correct horse", confirm: "correct horse" })).toEqual({});
    expect(accountProblems({ username: "x".repeat(64), password: "y".repeat(1024), confirm: "y".repeat(1024) })).toEqual({});
    expect(accountProblems({ username: "a", password: "y".repeat(1025), confirm: "y".repeat(1025) })).toHaveProperty("password");
  });
});
