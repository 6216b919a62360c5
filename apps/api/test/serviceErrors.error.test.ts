/**
 * Every service error means the same thing in both apps: the API's problem document and
 * the admin's error page answer it with the status of the services' one table
 * (`errorInfo`). Both apps run here in-process over a Register whose reads fail with each
 * error of `serviceErrorExamples` in turn; the admin is signed in with a real session.
 */

import { createAdminApp, serviceErrorReport } from "@care-atlas/admin";
import { createAuthStore } from "@care-atlas/auth";
import {
  errorInfo,
  Register,
  type RegisterShape,
  type ServiceError,
  serviceErrorExamples,
} from "@care-atlas/services";
import { openStore, type Store } from "@care-atlas/store";
import { Effect, Layer, ManagedRuntime } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { authClientOf } from "../src/authDatabase.js";
import { createLogger } from "../src/logger.js";

let failing: ServiceError = serviceErrorExamples[0] as ServiceError;
// A Register whose every read of one entity fails with the error under test (the two verbs
// the routes below call; nothing else is reached but the id resolution before them).
const register = {
  dataVersion: Effect.succeed(1),
  resolveId: (_kinds: unknown, key: string) => Effect.succeed(key),
  getEntity: () => Effect.fail(failing),
  getVersions: () => Effect.fail(failing),
} as unknown as RegisterShape;
const runtime = ManagedRuntime.make(Layer.succeed(Register, register));

let store: Store;
let cookie: string;
let admin: ReturnType<typeof createAdminApp>;
const api = createApp({
  config: { readsRequireKey: false, corsOrigins: [], bodyLimitBytes: 1 << 20 },
  logger: createLogger({ level: "silent" }),
  services: { runtime, dataVersion: () => 1 },
  readiness: async () => ({ ready: true, checks: {} }),
});

beforeAll(async () => {
  store = await openStore({});
  const auth = createAuthStore(authClientOf(store));
  const user = await auth.createUser({
    email: "synthetic.editor@example.org",
    password: "synthetic password 1",
    role: "editor",
  });
  cookie = `care-atlas-admin=${(await auth.createSession(user.id)).token}`;
  admin = createAdminApp({ runtime, auth, basePath: "/admin", secureCookies: false });
});
afterAll(async () => {
  await runtime.dispose();
  await store.close();
});

describe.each(serviceErrorExamples.map((error, index) => ({ error, index, tag: error._tag })))(
  "$tag",
  ({ error, index }) => {
    it("is the same status in the API, in the admin and in the services' table", async () => {
      failing = error;
      // An id of its own per error: the read cache remembers a read's 404 for its data
      // version (which this Register never moves on).
      const fromApi = await api.request(
        `/v1/places/plc_synthetic${String(index).padStart(2, "0")}`,
      );
      const fromAdmin = await admin.request("/admin/places/plc_synthetic01", {
        headers: { Cookie: cookie },
      });
      const { status } = errorInfo(error);
      expect(fromApi.status).toBe(status);
      expect(fromApi.headers.get("content-type")).toBe("application/problem+json");
      expect(fromAdmin.status).toBe(status);
      expect(fromAdmin.headers.get("content-type")).toMatch(/^text\/html/);
      expect(serviceErrorReport(error).status).toBe(status);
    });
  },
);
