/**
 * @module RecordActions
 * The actions under a record's heading: its history, and — for editors — edit and end.
 */
import type { FC } from "hono/jsx";
import { canEdit, type ViewContext } from "../ViewContext.js";

/** History / edit / end links for a record. */
export const RecordActions: FC<{
  ctx: ViewContext;
  id: string;
  name: string;
  validAt?: string | undefined;
}> = ({ ctx, id, name, validAt }) => (
  <ul class="app-actions">
    <li>
      <a href={ctx.paths.history(id)}>
        History<span class="nhsuk-u-visually-hidden"> of {name}</span>
      </a>
    </li>
    <li>
      <a href={ctx.paths.record(id, { validAt })}>
        All fields<span class="nhsuk-u-visually-hidden"> of {name}</span>
      </a>
    </li>
    {canEdit(ctx.user) && (
      <li>
        <a href={ctx.paths.edit(id, { validAt })}>
          Edit<span class="nhsuk-u-visually-hidden"> {name}</span>
        </a>
      </li>
    )}
    {canEdit(ctx.user) && (
      <li>
        <a href={ctx.paths.end(id)}>
          End<span class="nhsuk-u-visually-hidden"> {name}</span>
        </a>
      </li>
    )}
  </ul>
);
