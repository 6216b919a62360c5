/**
 * @module SignInPage
 * The sign-in form: email and password, errors in the NHS error-summary pattern.
 */
import type { FC } from "hono/jsx";
import { CsrfField } from "../components/CsrfField.js";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.js";
import { TextInput } from "../components/Fields.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the sign-in page shows. */
export interface SignInData {
  readonly email: string;
  readonly errors: ReadonlyArray<FieldError>;
  /** Where to go after signing in (a path under the app). */
  readonly next: string;
  /** Shown after signing out. */
  readonly signedOut?: boolean;
  /** Shown after setting a password with a one-time link. */
  readonly passwordSet?: boolean;
}

const errorFor = (errors: ReadonlyArray<FieldError>, id: string): string | undefined =>
  errors.find((error) => error.fieldId === id)?.message;

/** The sign-in page. */
export const SignInPage: FC<{ ctx: ViewContext; data: SignInData }> = ({ ctx, data }) => (
  <Layout ctx={ctx} title="Sign in" hasErrors={data.errors.length > 0}>
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={data.errors} />
        {data.passwordSet === true && (
          <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">Information: </span>
            <p>Your password is set. Sign in with it.</p>
          </div>
        )}
        {data.signedOut === true && (
          <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">Information: </span>
            <p>You have signed out.</p>
          </div>
        )}
        <h1>Sign in to Care Atlas</h1>
        <p>
          Care Atlas is the register of how Greater Manchester's integrated care system is
          organised. Sign in with the account your data team gave you.
        </p>
        <form action={ctx.paths.signIn()} method="post" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={data.next} />
          <TextInput
            id="email"
            name="email"
            type="email"
            label="Email address"
            autocomplete="username"
            spellcheck={false}
            value={data.email}
            error={errorFor(data.errors, "email")}
          />
          <div
            class={
              errorFor(data.errors, "password") !== undefined
                ? "nhsuk-form-group nhsuk-form-group--error nhsuk-password-input"
                : "nhsuk-form-group nhsuk-password-input"
            }
            data-module="nhsuk-password-input"
          >
            <label class="nhsuk-label" for="password">
              Password
            </label>
            {errorFor(data.errors, "password") !== undefined && (
              <span class="nhsuk-error-message" id="password-error">
                <span class="nhsuk-u-visually-hidden">Error: </span>
                {errorFor(data.errors, "password")}
              </span>
            )}
            <div class="nhsuk-input-wrapper">
              <input
                class={
                  errorFor(data.errors, "password") !== undefined
                    ? "nhsuk-input nhsuk-password-input__input nhsuk-js-password-input-input nhsuk-input--error"
                    : "nhsuk-input nhsuk-password-input__input nhsuk-js-password-input-input"
                }
                id="password"
                name="password"
                type="password"
                spellcheck={false}
                autocomplete="current-password"
                autocapitalize="none"
                aria-describedby={
                  errorFor(data.errors, "password") !== undefined ? "password-error" : undefined
                }
              />
              <button
                class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-password-input__toggle nhsuk-js-password-input-toggle"
                data-module="nhsuk-button"
                type="button"
                aria-label="Show password"
                aria-controls="password"
                hidden
              >
                Show
              </button>
            </div>
          </div>
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Sign in
          </button>
        </form>
      </div>
    </div>
  </Layout>
);
