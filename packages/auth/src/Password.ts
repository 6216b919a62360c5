/**
 * @module Password
 * Admin passwords, hashed with scrypt (N=2^15, r=8, p=1, 16-byte salt, 32-byte key) and
 * stored as `scrypt$N$r$p$salt$hash` (base64url), so the cost can rise later.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const N = 2 ** 15;
const r = 8;
const p = 1;
const keyLength = 32;
const maxmem = 128 * N * r * 2;

const derive = (password: string, salt: Buffer, n: number, rr: number, pp: number) =>
  new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize("NFKC"),
      salt,
      keyLength,
      { N: n, r: rr, p: pp, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });

/** The shortest password accepted. */
export const minPasswordLength = 12;

/**
 * Hashes a password.
 *
 * @example
 * ```ts
 * const stored = await hashPassword("correct horse battery staple");
 * await verifyPassword("correct horse battery staple", stored); // true
 * ```
 */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
};

/** Whether `password` matches a stored hash (constant-time comparison). */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, rr, pp, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(
    password,
    Buffer.from(salt, "base64url"),
    Number(n),
    Number(rr),
    Number(pp),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
