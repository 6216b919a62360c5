/**
 * @module OneTimeSecret
 * A secret shown once (a new API key, a one-time password link): a success banner and the
 * secret in a box that is easy to copy, with what to do with it.
 */
import type { Child, FC } from "hono/jsx";

/** Shows `secret` once, under `heading`, with `children` saying what to do with it. */
export const OneTimeSecret: FC<{ heading: string; secret: string; children?: Child }> = ({
  heading,
  secret,
  children,
}) => (
  <div
    class="nhsuk-notification-banner nhsuk-notification-banner--success"
    data-module="nhsuk-notification-banner"
    role="alert"
  >
    <div class="nhsuk-notification-banner__header">
      <h2 class="nhsuk-notification-banner__title">Success</h2>
    </div>
    <div class="nhsuk-notification-banner__content">
      <p class="nhsuk-notification-banner__heading">{heading}</p>
      {children}
      <p>
        <code class="app-secret" id="one-time-secret">
          {secret}
        </code>
      </p>
    </div>
  </div>
);
