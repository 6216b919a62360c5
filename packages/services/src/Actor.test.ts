import { describe, expect, it } from "vitest";
import { actorKindOf } from "./Actor.js";

describe("actorKindOf", () => {
  it("tells imports, API keys, admin accounts and the system apart", () => {
    expect(actorKindOf("care-atlas:start", "import")).toBe("import");
    expect(actorKindOf("key:abcd1234:Synthetic reader", "import")).toBe("import");
    expect(actorKindOf("key:abcd1234:Synthetic writer", "update")).toBe("api-key");
    expect(actorKindOf("user:someone@example.org", "create")).toBe("admin");
    expect(actorKindOf("someone@example.org", "end")).toBe("admin");
    expect(actorKindOf("care-atlas-admin:dev", "update")).toBe("system");
  });
});
