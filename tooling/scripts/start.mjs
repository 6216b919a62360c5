// Placeholder for `pnpm start` until apps/api exists.
console.log(
  "Care Atlas: the API is not built yet, so there is nothing to start. " +
    "`pnpm test` runs the checks that exist so far.",
);
