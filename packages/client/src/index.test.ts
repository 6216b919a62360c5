import { describe, expect, it } from "vitest";
import { CareAtlasError, createClient, throwOnProblem } from "./index.js";

const recorded: Request[] = [];
const fakeFetch = async (request: Request): Promise<Response> => {
  recorded.push(request);
  if (new URL(request.url).pathname === "/healthz") {
    return Response.json({ status: "ok" });
  }
  return new Response(
    JSON.stringify({
      type: "/problems/not-found",
      code: "not-found",
      title: "Not found",
      status: 404,
      requestId: "synthetic",
    }),
    { status: 404, headers: { "Content-Type": "application/problem+json" } },
  );
};

describe("createClient", () => {
  it("sends the API key as a bearer token to the base URL", async () => {
    const atlas = createClient({
      baseUrl: "http://atlas.example.invalid/",
      apiKey: "ca_synthet_0000000000000000000000000000000000000000",
      fetch: fakeFetch,
    });
    const { data } = await atlas.GET("/healthz");
    expect(data?.status).toBe("ok");
    const request = recorded.at(-1);
    expect(request?.url).toBe("http://atlas.example.invalid/healthz");
    expect(request?.headers.get("authorization")).toBe(
      "Bearer ca_synthet_0000000000000000000000000000000000000000",
    );
  });

  it("throws problems as CareAtlasError with throwOnProblem", async () => {
    const atlas = createClient({ baseUrl: "http://atlas.example.invalid", fetch: fakeFetch });
    atlas.use(throwOnProblem);
    await expect(atlas.GET("/readyz")).rejects.toBeInstanceOf(CareAtlasError);
  });
});
