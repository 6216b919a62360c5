/**
 * @module Layout
 * The NHS page template: skip link, header (service name "Care Atlas", organisation search,
 * account and sign-out, navigation), breadcrumbs, main content and the footer with the data
 * and map attributions the Open Government Licence and Ordnance Survey require.
 */
import type { Child, FC } from "hono/jsx";
import { CsrfField } from "./components/CsrfField.js";
import { canManageUsers, type Section, type ViewContext } from "./ViewContext.js";

/** A link in the breadcrumb trail. */
export interface Crumb {
  readonly text: string;
  readonly href: string;
}

/** What a page gives the layout. */
export interface LayoutProps {
  readonly ctx: ViewContext;
  /** The page title (the service name is appended). */
  readonly title: string;
  readonly section?: Section;
  readonly breadcrumbs?: ReadonlyArray<Crumb>;
  /** Set when the page shows a form with errors: prefixes the title with "Error: ". */
  readonly hasErrors?: boolean;
  readonly children?: Child;
}

const NhsLogo: FC = () => (
  <svg
    class="nhsuk-header__logo"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 200 80"
    height="40"
    width="100"
    focusable="false"
    role="img"
    aria-label="NHS"
  >
    <title>NHS</title>
    <path
      fill="currentcolor"
      d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
    />
  </svg>
);

const SearchIcon: FC = () => (
  <svg
    class="nhsuk-icon nhsuk-icon--search"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 24 24"
    width="16"
    height="16"
    focusable="false"
    aria-hidden="true"
  >
    <path d="m20.7 18.9-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 10.6a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z" />
  </svg>
);

const UserIcon: FC = () => (
  <svg
    class="nhsuk-icon nhsuk-icon--user"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 24 24"
    width="16"
    height="16"
    focusable="false"
    aria-hidden="true"
  >
    <path d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z" />
  </svg>
);

interface NavItem {
  readonly section: Section;
  readonly text: string;
  readonly href: string;
}

const Header: FC<{ ctx: ViewContext; section: Section }> = ({ ctx, section }) => {
  const { paths, user } = ctx;
  const items: NavItem[] =
    user === undefined
      ? []
      : [
          { section: "dashboard", text: "Dashboard", href: paths.home() },
          { section: "hierarchy", text: "Hierarchy", href: paths.hierarchy() },
          { section: "map", text: "Map", href: paths.map() },
          { section: "organisations", text: "Organisations", href: paths.organisations() },
          { section: "collaboratives", text: "Collaboratives", href: paths.collaboratives() },
          { section: "commissioning", text: "Commissioning", href: paths.commissioning() },
          { section: "strategy", text: "Strategy", href: paths.strategy() },
          { section: "changes", text: "Changes", href: paths.changes() },
          ...(canManageUsers(user)
            ? [
                { section: "users" as const, text: "Users", href: paths.users() },
                { section: "keys" as const, text: "API keys", href: paths.keys() },
                { section: "audit" as const, text: "Audit", href: paths.audit() },
                { section: "imports" as const, text: "Imports", href: paths.imports() },
              ]
            : []),
        ];
  return (
    <header class="nhsuk-header" data-module="nhsuk-header">
      <div class="nhsuk-header__container nhsuk-width-container">
        <div class="nhsuk-header__service">
          <a
            class="nhsuk-header__service-logo"
            href={paths.home()}
            aria-label="Care Atlas homepage"
          >
            <NhsLogo />
            <span class="nhsuk-header__service-name">Care Atlas</span>
          </a>
        </div>
        {user !== undefined && (
          <search class="nhsuk-header__search">
            <form
              class="nhsuk-header__search-form"
              id="search"
              action={paths.organisations()}
              method="get"
              novalidate
            >
              <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-u-visually-hidden" for="search-field">
                  Search organisations by name or code
                </label>
                <div class="nhsuk-input-wrapper">
                  <input
                    class="nhsuk-input"
                    id="search-field"
                    name="q"
                    type="search"
                    autocomplete="off"
                    placeholder="Search organisations"
                  />
                  <button
                    class="nhsuk-button nhsuk-button--icon nhsuk-button--small"
                    data-module="nhsuk-button"
                    type="submit"
                    aria-label="Search"
                  >
                    <SearchIcon />
                  </button>
                </div>
              </div>
            </form>
          </search>
        )}
        {user !== undefined && (
          <nav class="nhsuk-header__account" aria-label="Account">
            <ul class="nhsuk-header__account-list">
              <li class="nhsuk-header__account-item">
                <span class="nhsuk-header__account-link">
                  <UserIcon />
                  {user.email} ({user.role})
                </span>
              </li>
              <li class="nhsuk-header__account-item">
                <form
                  class="nhsuk-header__account-form"
                  action={paths.signOut()}
                  method="post"
                  novalidate
                >
                  <CsrfField token={ctx.csrfToken} />
                  <button class="nhsuk-header__account-button" type="submit">
                    Sign out
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {items.length > 0 && (
        <nav class="nhsuk-header__navigation" aria-label="Menu">
          <div class="nhsuk-header__navigation-container nhsuk-width-container">
            <ul class="nhsuk-header__navigation-list">
              {items.map((item) =>
                item.section === section ? (
                  <li class="nhsuk-header__navigation-item nhsuk-header__navigation-item--current">
                    <a class="nhsuk-header__navigation-link" href={item.href} aria-current="true">
                      <strong class="nhsuk-header__navigation-item-current-fallback">
                        {item.text}
                      </strong>
                    </a>
                  </li>
                ) : (
                  <li class="nhsuk-header__navigation-item">
                    <a class="nhsuk-header__navigation-link" href={item.href}>
                      {item.text}
                    </a>
                  </li>
                ),
              )}
              <li class="nhsuk-header__menu" hidden>
                <button
                  class="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
                  id="toggle-menu"
                  type="button"
                  aria-expanded="false"
                >
                  <span class="nhsuk-u-visually-hidden">Browse </span>More
                </button>
              </li>
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
};

const Breadcrumbs: FC<{ crumbs: ReadonlyArray<Crumb> }> = ({ crumbs }) => {
  const last = crumbs.at(-1);
  return (
    <nav class="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol class="nhsuk-breadcrumb__list">
        {crumbs.map((crumb) => (
          <li class="nhsuk-breadcrumb__list-item">
            <a class="nhsuk-breadcrumb__link" href={crumb.href}>
              {crumb.text}
            </a>
          </li>
        ))}
      </ol>
      {last !== undefined && (
        <a class="nhsuk-back-link" href={last.href}>
          <span class="nhsuk-u-visually-hidden">Back to </span>
          {last.text}
        </a>
      )}
    </nav>
  );
};

const year = (today: string): string => today.slice(0, 4);

const Footer: FC<{ ctx: ViewContext }> = ({ ctx }) => (
  <footer class="nhsuk-footer">
    <div class="nhsuk-width-container">
      <div class="nhsuk-footer__meta">
        <h2 class="nhsuk-u-visually-hidden">Data sources and licences</h2>
        <ul class="nhsuk-footer__list">
          <li class="nhsuk-footer__list-item">
            <a class="nhsuk-footer__list-item-link" href={ctx.paths.changes()}>
              Recent changes
            </a>
          </li>
          <li class="nhsuk-footer__list-item">
            <a
              class="nhsuk-footer__list-item-link"
              href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
            >
              Open Government Licence v3.0
            </a>
          </li>
        </ul>
        <p class="nhsuk-body-s">
          Source: Office for National Statistics licensed under the Open Government Licence v.3.0.
          Contains National Statistics data © Crown copyright and database right {year(ctx.today)}.
          Contains OS data © Crown copyright and database right {year(ctx.today)}. Contains public
          sector information from NHS England licensed under the Open Government Licence v3.0.
        </p>
        <p class="nhsuk-body-s">
          Care Atlas: the register of Greater Manchester's integrated care system.
        </p>
      </div>
    </div>
  </footer>
);

/**
 * The page shell. Scripts are external modules only (the content security policy allows
 * nothing inline), and every page works without them.
 *
 * @example
 * ```tsx
 * <Layout ctx={ctx} title="Dashboard" section="dashboard"><h1>Dashboard</h1></Layout>
 * ```
 */
export const Layout: FC<LayoutProps> = ({
  ctx,
  title,
  section = "none",
  breadcrumbs,
  hasErrors = false,
  children,
}) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <title>{`${hasErrors ? "Error: " : ""}${title} – Care Atlas`}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
      <meta name="theme-color" content="#005eb8" />
      <link rel="icon" href={ctx.paths.asset(ctx.assets.favicon)} sizes="48x48" />
      <link
        rel="icon"
        href={ctx.paths.asset(ctx.assets.faviconSvg)}
        sizes="any"
        type="image/svg+xml"
      />
      <link rel="stylesheet" href={ctx.paths.asset(ctx.assets.stylesheet)} />
      <script type="module" src={ctx.paths.asset(ctx.assets.script)} />
    </head>
    <body>
      <a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header ctx={ctx} section={section} />
      <div class="nhsuk-width-container">
        {breadcrumbs !== undefined && breadcrumbs.length > 0 && (
          <Breadcrumbs crumbs={breadcrumbs} />
        )}
        <main class="nhsuk-main-wrapper" id="maincontent">
          {children}
        </main>
      </div>
      <Footer ctx={ctx} />
    </body>
  </html>
);

/** Renders a page element to an HTML document string. */
export const renderDocument = (page: unknown): string => `<!DOCTYPE html>${String(page)}`;
