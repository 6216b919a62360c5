/**
 * @module users
 * Admin accounts: create one (with a password from standard input, or a one-time link to
 * set it), list them, change a role, disable or enable one, and issue a one-time
 * password-reset link. Each change is recorded in the audit trail as the CLI's user.
 */
import { type AdminUser, Role } from "@care-atlas/auth";
import { type CommandContext, CommandError, defineCommand, UsageError } from "./Command.js";
import { table } from "./table.js";

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

/** The page where a one-time link's holder sets a password. */
export const resetLink = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/$/, "")}/admin/set-password?token=${token}`;

const roleOf = (value: unknown): string => {
  const role = text(value);
  if (role === undefined) throw new UsageError("--role: required: viewer, editor or admin");
  if (!Role.safeParse(role).success) {
    throw new UsageError(`--role: "${role}" must be viewer, editor or admin`);
  }
  return role;
};

const accountOf = async (context: CommandContext, value: unknown): Promise<AdminUser> => {
  const email = text(value);
  if (email === undefined) throw new UsageError("--email: required (the account's email)");
  const user = await context.auth.findUser(email);
  if (user === undefined) throw new CommandError(`no account has the email ${email}`);
  return user;
};

const linkLines = (publicUrl: string, token: string, expiresAt: string): string[] => [
  "Give this one-time link to the account's owner by a secure route; it works once, until",
  `${expiresAt}:`,
  "",
  resetLink(publicUrl, token),
];

export const usersCreate = defineCommand({
  name: ["users", "create"],
  usage: "--email <email> --role <viewer|editor|admin> [--password-stdin]",
  summary: "create an account; without --password-stdin, print a one-time link to set its password",
  options: {
    email: { type: "string" },
    role: { type: "string" },
    "password-stdin": { type: "boolean" },
    password: { type: "string" },
  },
  stdin: (values) => values["password-stdin"] === true,
  run: async (context, { values, stdin }) => {
    const email = text(values.email);
    if (email === undefined) throw new UsageError("--email: required");
    const role = roleOf(values.role);
    if (values.password !== undefined) {
      throw new UsageError("--password: not accepted on the command line; use --password-stdin");
    }
    const withPassword = values["password-stdin"] === true;
    const password = stdin.replace(/\r?\n$/, "");
    if (withPassword && password === "") {
      throw new UsageError("password: send it on standard input (--password-stdin)");
    }
    const user = await context.auth.createUser(
      { email, role, ...(withPassword ? { password } : {}) },
      { actor: context.actor },
    );
    const made = `Created ${user.role} account ${user.email} (${user.id}).`;
    if (user.firstPassword === undefined) return made;
    return [
      made,
      ...linkLines(context.publicUrl, user.firstPassword.token, user.firstPassword.expiresAt),
    ].join("\n");
  },
});

export const usersList = defineCommand({
  name: ["users", "list"],
  usage: "",
  summary: "list accounts",
  run: async (context) =>
    table(
      (await context.auth.listUsers()).map((u) => ({
        id: u.id,
        email: u.email,
        role: u.role,
        created: u.createdAt,
        disabled: u.disabledAt ?? "",
      })),
    ),
});

export const usersSetRole = defineCommand({
  name: ["users", "set-role"],
  usage: "--email <email> --role <viewer|editor|admin>",
  summary: "change an account's role (the last admin stays an admin)",
  options: { email: { type: "string" }, role: { type: "string" } },
  run: async (context, { values }) => {
    const role = roleOf(values.role);
    const user = await accountOf(context, values.email);
    const changed = await context.auth.setRole(user.id, role, { actor: context.actor });
    return `${changed.email} is now ${/^[aeiou]/.test(changed.role) ? "an" : "a"} ${changed.role}.`;
  },
});

const setDisabled = (disabled: boolean) =>
  defineCommand({
    name: ["users", disabled ? "disable" : "enable"],
    usage: "--email <email>",
    summary: disabled
      ? "disable an account (it cannot sign in; its sessions end)"
      : "enable a disabled account again",
    options: { email: { type: "string" } },
    run: async (context, { values }) => {
      const user = await accountOf(context, values.email);
      const changed = await context.auth.setDisabled(user.id, disabled, { actor: context.actor });
      return `${changed.email} is ${changed.disabledAt === null ? "enabled" : "disabled"}.`;
    },
  });

export const usersDisable = setDisabled(true);
export const usersEnable = setDisabled(false);

export const usersResetPassword = defineCommand({
  name: ["users", "reset-password"],
  usage: "--email <email>",
  summary: "print a one-time link with which the account's owner sets a new password",
  options: { email: { type: "string" } },
  run: async (context, { values }) => {
    const user = await accountOf(context, values.email);
    const reset = await context.auth.issuePasswordReset(user.id, { actor: context.actor });
    return [
      `Password reset for ${reset.user.email} (earlier links stop working).`,
      ...linkLines(context.publicUrl, reset.token, reset.expiresAt),
    ].join("\n");
  },
});
