/**
 * @module server
 * Serves an app over HTTP with @hono/node-server and shuts down gracefully: on SIGTERM or
 * SIGINT it stops accepting connections, lets in-flight requests finish (up to a timeout),
 * then runs the cleanup (dispose the runtime, close the store).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Logger } from "./logger.js";

/** A running server. */
export interface RunningServer {
  /** The port it listens on (useful with port 0). */
  readonly port: number;
  readonly url: string;
  /** Stops accepting, waits for in-flight requests (up to the timeout), then cleans up. */
  readonly close: () => Promise<void>;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  readonly fetch: (request: Request) => Response | Promise<Response>;
  readonly port: number;
  readonly host: string;
  readonly logger: Logger;
  readonly shutdownTimeoutMs: number;
  /** Runs as soon as closing starts (e.g. to end long-lived streams). */
  readonly beforeClose?: () => void;
  /** Runs after the last request, on close. */
  readonly onClose?: () => Promise<void>;
  /** Whether SIGTERM / SIGINT close the server and exit the process (main: yes; tests: no). */
  readonly handleSignals?: boolean;
  /**
   * Tried before the app on every request: answers it and returns `true`, or returns
   * `false` to leave it to the app (the app's `nodeFastReadOf`).
   */
  readonly fastPath?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/**
 * Starts serving; resolves once listening.
 *
 * @example
 * ```ts
 * const server = await startServer({ fetch: app.fetch, port: 0, host: "127.0.0.1", logger, shutdownTimeoutMs: 5000 });
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 * ```
 */
export const startServer = (options: ServerOptions): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const fastPath = options.fastPath;
    const server = serve(
      {
        fetch: options.fetch,
        port: options.port,
        hostname: options.host,
        ...(fastPath === undefined
          ? {}
          : {
              createServer: ((serverOptions, listener) =>
                createServer(serverOptions, (req, res) => {
                  if (!fastPath(req, res)) listener?.(req, res);
                })) as typeof createServer,
            }),
      },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        let closing: Promise<void> | undefined;
        const close = () => {
          closing ??= (async () => {
            options.logger.info("shutting down", { timeoutMs: options.shutdownTimeoutMs });
            options.beforeClose?.();
            const stopped = new Promise<void>((done) => server.close(() => done()));
            // Idle keep-alive sockets would hold close() open: close them now, and every
            // socket when the timeout passes.
            if ("closeIdleConnections" in server) server.closeIdleConnections();
            let timer: NodeJS.Timeout | undefined;
            const timeout = new Promise<void>((done) => {
              timer = setTimeout(() => {
                options.logger.warn("shutdown timeout: closing open connections");
                if ("closeAllConnections" in server) server.closeAllConnections();
                done();
              }, options.shutdownTimeoutMs);
            });
            await Promise.race([stopped, timeout]);
            clearTimeout(timer);
            await options.onClose?.();
            options.logger.info("stopped");
          })();
          return closing;
        };
        if (options.handleSignals === true) {
          const onSignal = (signal: NodeJS.Signals) => {
            options.logger.info("signal", { signal });
            close().then(
              () => process.exit(0),
              (error: unknown) => {
                options.logger.error("shutdown failed", { error });
                process.exit(1);
              },
            );
          };
          process.once("SIGTERM", onSignal);
          process.once("SIGINT", onSignal);
        }
        resolve({ port: info.port, url: `http://${host}:${info.port}`, close });
      },
    );
    server.once("error", reject);
  });
