/**
 * @module PendingImports
 * Uploaded files waiting to be applied: the import page plans a file (a dry run) and keeps
 * its bytes here, under a random id, until the admin who uploaded it applies it or it
 * expires. Held in this process's memory only, a few at a time (the oldest go first), each
 * for at most 30 minutes; the apply checks the file is the one planned (SHA-256).
 */
import { randomBytes } from "node:crypto";
import type { ImportKind } from "@care-atlas/services";

/** An uploaded file and what it was planned as. */
export interface PendingImport {
  readonly kind: ImportKind;
  readonly name: string;
  readonly published: string;
  readonly bytes: Uint8Array;
  /** The SHA-256 the plan reported. */
  readonly sha256: string;
  /** The account that uploaded it (only it may apply it). */
  readonly userId: string;
  readonly at: number;
}

/** The uploads waiting to be applied. */
export class PendingImports {
  readonly #uploads = new Map<string, PendingImport>();
  readonly #max: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { max?: number; ttlMs?: number; now?: () => number } = {}) {
    this.#max = options.max ?? 8;
    this.#ttlMs = options.ttlMs ?? 30 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Keeps an upload; resolves to its id. */
  add(upload: Omit<PendingImport, "at">): string {
    this.#sweep();
    while (this.#uploads.size >= this.#max) {
      const oldest = this.#uploads.keys().next().value;
      if (oldest === undefined) break;
      this.#uploads.delete(oldest);
    }
    const id = randomBytes(18).toString("base64url");
    this.#uploads.set(id, { ...upload, at: this.#now() });
    return id;
  }

  /** The upload of `id` for `userId`, if it is still here. */
  get(id: string, userId: string): PendingImport | undefined {
    this.#sweep();
    const upload = this.#uploads.get(id);
    return upload?.userId === userId ? upload : undefined;
  }

  /** Forgets an upload (applied, or given up). */
  delete(id: string): void {
    this.#uploads.delete(id);
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, upload] of this.#uploads) {
      if (now - upload.at > this.#ttlMs) this.#uploads.delete(id);
    }
  }
}
