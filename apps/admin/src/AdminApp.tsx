/**
 * @module AdminApp
 * `createAdminApp(deps)`: the admin web app as a Hono app whose routes live under its base
 * path (default `/admin`), ready to serve on its own or to be called from the API
 * (`admin.fetch(request, env)`). Middleware order: security headers → compression (pages) →
 * static assets (no session) → view context → body limit → session + CSRF → sign-in/out → sign-in
 * required → pages.
 */
import { today as utcToday } from "@care-atlas/domain";
import { isServiceError } from "@care-atlas/services";
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import type { AdminDeps } from "./AdminDeps.js";
import { type AssetBundle, loadAssets } from "./assets/Assets.js";
import { signInRequired } from "./http/Access.js";
import type { AdminEnv } from "./http/AdminEnv.js";
import { page, seeOther } from "./http/Render.js";
import { serviceErrorPage } from "./http/ServiceErrorPage.js";
import { type SessionCookies, session } from "./http/Session.js";
import { makePaths } from "./Paths.js";
import { registerAuthRoutes } from "./routes/authRoutes.js";
import { registerPasswordRoutes } from "./routes/passwordRoutes.js";
import { registerPages } from "./routes/registerPages.js";
import { CsrfTokens } from "./security/Csrf.js";
import { SignInThrottle } from "./security/SignInThrottle.js";
import { ErrorPage } from "./views/pages/ErrorPage.js";
import type { ViewContext } from "./views/ViewContext.js";

/** The content security policy: everything from this origin only, nothing inline. */
export const adminCsp = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

const defaultClientAddress =
  (trustProxy: boolean) =>
  (request: Request, env: unknown): string | undefined => {
    if (trustProxy) {
      const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
      if (forwarded !== undefined && forwarded !== "") return forwarded;
    }
    const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
      ?.incoming;
    return incoming?.socket?.remoteAddress;
  };

/**
 * Builds the admin app. Assets (the compiled stylesheet) load in the background; the first
 * request waits for them.
 *
 * @example
 * ```ts
 * import { serve } from "@hono/node-server";
 * const admin = createAdminApp({ runtime, auth, basePath: "/admin" });
 * serve({ fetch: admin.fetch, port: 3001 });
 * ```
 */
export const createAdminApp = (deps: AdminDeps): Hono<AdminEnv> => {
  const paths = makePaths(deps.basePath ?? "/admin");
  const cookies: SessionCookies = {
    secure: deps.secureCookies ?? "auto",
    trustProxy: deps.trustProxy ?? false,
  };
  const csrf = new CsrfTokens(deps.csrfSecret);
  const throttle = new SignInThrottle(deps.throttle);
  const today = deps.today ?? (() => utcToday());
  const logger = deps.logger ?? {
    error: (message: string, fields?: Record<string, unknown>) => console.error(message, fields),
  };
  const clientAddress = deps.clientAddress ?? defaultClientAddress(cookies.trustProxy);

  let bundle: AssetBundle | undefined;
  const loading = loadAssets().then((loaded) => {
    bundle = loaded;
    return loaded;
  });
  // Surface a broken asset build on the first request, not as an unhandled rejection.
  loading.catch(() => undefined);

  const app = new Hono<AdminEnv>({ strict: false }).basePath(paths.base === "" ? "/" : paths.base);

  // The one-time link's page carries its token in the URL: it sends no referrer at all.
  // (Registered before the security headers, so that it runs after them and wins.)
  app.use("/set-password", async (c, next) => {
    await next();
    c.res.headers.set("Referrer-Policy", "no-referrer");
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: adminCsp,
      referrerPolicy: "same-origin",
      xFrameOptions: "DENY",
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );

  // Pages are compressed per response; the assets are served already compressed.
  app.use(compress({ threshold: 1024, contentTypeFilter: /^text\/html/ }));

  app.get("/assets/*", async (c) => {
    const assets = bundle ?? (await loading);
    const name = c.req.path.slice(`${paths.base}/assets/`.length);
    const asset = assets.files.get(name);
    if (asset === undefined) return c.text("Not found", 404);
    if (c.req.header("if-none-match") === asset.etag)
      return c.body(null, 304, { ETag: asset.etag });
    const accept = c.req.header("accept-encoding") ?? "";
    const headers: Record<string, string> = {
      "Content-Type": asset.type,
      ETag: asset.etag,
      Vary: "Accept-Encoding",
      "Cache-Control": asset.immutable
        ? "public, max-age=31536000, immutable"
        : "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    };
    if (asset.br !== undefined && /\bbr\b/.test(accept)) {
      return c.body(asset.br, 200, { ...headers, "Content-Encoding": "br" });
    }
    if (asset.gzip !== undefined && /\bgzip\b/.test(accept)) {
      return c.body(asset.gzip, 200, { ...headers, "Content-Encoding": "gzip" });
    }
    return c.body(asset.body, 200, headers);
  });

  app.use(async (c, next) => {
    const assets = bundle ?? (await loading);
    const view: ViewContext = {
      paths,
      assets: {
        stylesheet: assets.stylesheet,
        script: assets.script,
        favicon: assets.favicon,
        faviconSvg: assets.faviconSvg,
      },
      user: undefined,
      csrfToken: "",
      today: today(),
    };
    c.set("view", view);
    await next();
  });

  // Forms are small; a larger body is refused before anything reads it. An uploaded file
  // (the import page) has a limit of its own.
  const tooLarge = (c: Context) =>
    page(
      c as Context<AdminEnv>,
      <ErrorPage ctx={(c as Context<AdminEnv>).get("view")} title="The form was too large">
        <p>Nothing was changed.</p>
      </ErrorPage>,
      413,
    );
  const formLimit = bodyLimit({ maxSize: 512 * 1024, onError: tooLarge });
  const uploadLimit = bodyLimit({
    maxSize: deps.importLimitBytes ?? 64 * 1024 * 1024,
    onError: tooLarge,
  });
  const uploadPath = paths.imports();
  app.use((c, next) => (c.req.path === uploadPath ? uploadLimit(c, next) : formLimit(c, next)));

  app.use(
    session(deps.auth, csrf, cookies, (c, reason) =>
      page(
        c,
        <ErrorPage ctx={c.get("view")} title="This form could not be sent">
          <p>
            {reason === "csrf"
              ? "The form was out of date or did not come from this service, so nothing was changed. Go back, reload the page and try again."
              : "Forms can only be sent from Care Atlas itself, so nothing was changed."}
          </p>
        </ErrorPage>,
        403,
      ),
    ),
  );

  registerAuthRoutes(app, { auth: deps.auth, throttle, cookies, paths, clientAddress, logger });
  registerPasswordRoutes(app, { auth: deps.auth, paths, clientAddress });

  app.use(async (c, next) => {
    if (c.get("user") === undefined) {
      if (c.req.method === "GET" || c.req.method === "HEAD") {
        const url = new URL(c.req.url);
        return seeOther(c, paths.signIn({ next: `${url.pathname}${url.search}` }));
      }
      return signInRequired(c, c.get("view"));
    }
    await next();
  });

  registerPages(app, { ...deps, paths, today, clientAddress });

  const notFound = (c: Context<AdminEnv>) =>
    page(
      c,
      <ErrorPage ctx={c.get("view")} title="Page not found">
        <p>
          If you typed the web address, check it is correct. If you pasted it, check you copied all
          of it.
        </p>
      </ErrorPage>,
      404,
    );
  app.notFound(notFound);

  app.onError((error, c) => {
    const view = c.get("view");
    if (view === undefined)
      return c.text("The admin app could not start: its assets failed to load.", 500);
    if (isServiceError(error)) return serviceErrorPage(c, error);
    logger.error("admin: unhandled error", { error, path: c.req.path });
    return page(
      c,
      <ErrorPage ctx={view} title="Sorry, there is a problem with the service">
        <p>Try again later. Nothing was changed.</p>
      </ErrorPage>,
      500,
    );
  });

  return app;
};
