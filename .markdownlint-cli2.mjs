/**
 * The Markdown check (`pnpm lint:md`, part of `pnpm test`): markdownlint over every Markdown
 * file written by hand. Prose wraps at 100 columns (tables and code blocks may be longer);
 * every fenced code block is closed and names its language; the root README keeps its
 * headings and its architecture diagram.
 */

/** Every token of a micromark token tree, depth first. */
const walk = function* (tokens) {
  for (const token of tokens) {
    yield token;
    yield* walk(token.children);
  }
};

/** The languages a fenced code block may name. */
const languages = ["json", "sh", "text", "ts", "tsx", "yaml"];

/**
 * A fence that is never closed, or a fence line inside a code block (a closing fence with the
 * wrong number of backticks), swallows the Markdown after it into code.
 */
const fencesClosed = {
  names: ["fences-closed"],
  description: "Fenced code blocks are closed by a fence of the same length",
  tags: ["code"],
  parser: "micromark",
  function: (params, onError) => {
    for (const token of walk(params.parsers.micromark.tokens)) {
      if (token.type !== "codeFenced") continue;
      const fences = token.children.filter((child) => child.type === "codeFencedFence");
      if (fences.length < 2) {
        onError({
          lineNumber: token.startLine,
          detail: "This fence is never closed: the rest of the file is code",
          context: params.lines[token.startLine - 1],
        });
      }
      for (const child of token.children) {
        if (child.type === "codeFlowValue" && /^\s*(`{3,}|~{3,})/.test(child.text)) {
          onError({
            lineNumber: child.startLine,
            detail: "A fence inside a code block: does it close the block with the wrong length?",
            context: child.text,
          });
        }
      }
    }
  },
};

/** The root README's headings, in order. */
const readmeHeadings = [
  "# Care Atlas",
  "## Quick start",
  "## Architecture",
  "## Working on it",
  "### Releasing a change to a published package",
  "## Data and licences",
];

/** What the root README's architecture diagram shows. */
const diagramLabels = [
  "packages/data/raw",
  "packages/domain",
  "packages/data",
  "packages/store",
  "PostgreSQL",
  "packages/services",
  "apps/api",
  "apps/admin",
  "packages/client",
];

/** The root README's "Architecture" section holds its diagram as one `text` code block. */
const readmeDiagram = {
  names: ["readme-architecture-diagram"],
  description: "The architecture section shows its diagram as a fenced text block",
  tags: ["code", "headings"],
  parser: "micromark",
  function: (params, onError) => {
    const tokens = params.parsers.micromark.tokens;
    const heading = tokens.find(
      (token) => token.type === "atxHeading" && token.text === "## Architecture",
    );
    if (heading === undefined) {
      onError({ lineNumber: 1, detail: 'No "## Architecture" heading' });
      return;
    }
    const next = tokens.find(
      (token) => token.type === "atxHeading" && token.startLine > heading.startLine,
    );
    const blocks = tokens.filter(
      (token) =>
        token.type === "codeFenced" &&
        token.startLine > heading.startLine &&
        (next === undefined || token.startLine < next.startLine),
    );
    const diagrams = blocks.filter((block) =>
      [...walk(block.children)].some(
        (child) => child.type === "codeFencedFenceInfo" && child.text === "text",
      ),
    );
    if (diagrams.length !== 1) {
      onError({
        lineNumber: heading.startLine,
        detail: `Expected one fenced text block (the diagram) here; found ${diagrams.length}`,
      });
      return;
    }
    const diagram = diagrams[0];
    const text = params.lines.slice(diagram.startLine, diagram.endLine - 1).join("\n");
    for (const label of diagramLabels) {
      if (!text.includes(label)) {
        onError({ lineNumber: diagram.startLine, detail: `The diagram does not show ${label}` });
      }
    }
  },
};

export default {
  globs: ["**/*.md"],
  ignores: [
    "**/node_modules/**",
    // Written by `changeset version` from the changesets.
    "**/CHANGELOG.md",
    // Written by the API's benchmark (apps/api/bench/bench.ts, `pnpm bench` in apps/api).
    "docs/performance.md",
    // Written by the API's soak (apps/api/bench/soak.ts, `pnpm soak` in apps/api).
    "docs/soak.md",
    // Written by the API's import benchmark (apps/api/bench/imports.ts, `pnpm bench:imports`).
    "docs/imports-performance.md",
    // Written by the admin's benchmark (apps/admin/bench/render.bench.ts).
    "docs/admin-performance.md",
    // Written by the data build (packages/data/scripts/build.ts, src/build/reports.ts).
    "packages/data/generated/**",
    // Copied from the open-data collection as it is, and read by the data build.
    "packages/data/raw/**",
  ],
  gitignore: true,
  customRules: [fencesClosed, readmeDiagram],
  config: {
    default: true,
    "heading-style": { style: "atx" },
    "ul-style": { style: "dash" },
    "line-length": { line_length: 100, code_blocks: false, tables: false },
    "no-duplicate-heading": { siblings_only: true },
    "fenced-code-language": { allowed_languages: languages, language_only: true },
    "code-block-style": { style: "fenced" },
    "code-fence-style": { style: "backtick" },
    "readme-architecture-diagram": false,
  },
  overrides: [
    {
      // A changeset is front matter and a summary, with no heading.
      filter: [".changeset/*.md"],
      combine: "merge",
      config: { "first-line-heading": false },
    },
    {
      filter: ["README.md"],
      combine: "merge",
      config: {
        "required-headings": { headings: readmeHeadings, match_case: true },
        "readme-architecture-diagram": true,
      },
    },
  ],
};
