/** The audit itself must be able to fail: axe reports a known violation. */
import { expect, it } from "vitest";
import { checkAccessibility, launch, newAudit } from "./browser.js";

it("reports a serious violation when there is one", async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setContent(
      '<html lang="en"><head><title>t</title></head><body><main><h1>t</h1><button></button><input type="text"></main></body></html>',
    );
    const audit = newAudit();
    await checkAccessibility(page, audit);
    expect(audit.problems.map((p) => p.id)).toEqual(
      expect.arrayContaining(["button-name", "label"]),
    );
  } finally {
    await browser.close();
  }
});
