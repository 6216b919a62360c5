// The admin's only script, bundled with the parts of nhsuk-frontend it uses. Every page
// works without it: it marks the page as scripted (nhsuk-frontend's page template does this
// with an inline script, which the content security policy forbids) and enhances the
// components on the page: the header menu, skip link, error summary (focused on load),
// buttons (no double submit), password show/hide and notification banners.
import {
  initButtons,
  initErrorSummary,
  initHeader,
  initNotificationBanners,
  initPasswordInputs,
  initSkipLinks,
} from "nhsuk-frontend";

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
initHeader();
initSkipLinks();
initErrorSummary();
initButtons();
initPasswordInputs();
initNotificationBanners();
