/**
 * @module ErrorPage
 * Pages for things that went wrong: not found, not allowed, refused forms, service down.
 */
import type { Child, FC } from "hono/jsx";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** An error page with a heading and an explanation. */
export const ErrorPage: FC<{ ctx: ViewContext; title: string; children?: Child }> = ({
  ctx,
  title,
  children,
}) => (
  <Layout ctx={ctx} title={title}>
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        {children}
        <p>
          <a href={ctx.paths.home()}>Go to the dashboard</a>
        </p>
      </div>
    </div>
  </Layout>
);
