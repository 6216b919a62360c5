/**
 * @module successionsOf
 * The dated successions around one entity — the merges, splits, renames and transfers it
 * came out of and went into — whatever the date asked for (a succession is an event of the
 * entity's whole story), and, on a date when the entity is not valid, who carries it on
 * then (the successions followed to the bodies valid on that date).
 */
import { History, resolveSuccessor, type Succession, type SuccessorPath } from "@care-atlas/domain";
import { Effect } from "effect";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";
import type { ReadModel } from "../ReadModel.js";
import type { ReadOptions } from "./getEntity.js";

/** The successions around an entity. */
export interface SuccessionsRead {
  readonly id: string;
  /** Successions in which the entity is a successor (what it came from), by date. */
  readonly predecessors: ReadonlyArray<Succession>;
  /** Successions in which it is a predecessor (what it went into), by date. */
  readonly successors: ReadonlyArray<Succession>;
  /**
   * When the entity has no version valid on `validAt`: the entities that carry it on then
   * (each with the ids and successions followed; `version: undefined` for a dead end).
   * Empty when the entity itself is valid on the date.
   */
  readonly carriedOnBy: ReadonlyArray<SuccessorPath>;
  readonly dataVersion: number;
}

export type SuccessionsOf = (
  id: string,
  options?: ReadOptions,
) => Effect.Effect<SuccessionsRead, NotFound | ValidationFailed | StoreUnavailable>;

const byDate = (a: Succession, b: Succession): number =>
  a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : a.id < b.id ? -1 : 1;

/** Each succession naming `id`, as its latest version (successions are dated events). */
const successionsNaming = (model: ReadModel, id: string): Succession[] =>
  model
    .successionsOf(id)
    .map((sid) => model.history(sid)?.versions.at(-1) as Succession | undefined)
    .filter((s): s is Succession => s !== undefined)
    .sort(byDate);

/** The successions around `id` in `model`, on `validAt`. */
export const successionsIn = (model: ReadModel, id: string, validAt: string): SuccessionsRead => {
  const naming = successionsNaming(model, id);
  const history = model.history(id);
  const validNow =
    history !== undefined && History.versionAt(history.versions, validAt) !== undefined;
  return {
    id,
    predecessors: naming.filter((s) => s.successorIds.includes(id)),
    successors: naming.filter((s) => s.predecessorIds.includes(id)),
    carriedOnBy: validNow
      ? []
      : resolveSuccessor(model.index, id, validAt).filter((path) => path.id !== id),
    dataVersion: model.seq,
  };
};

/** `successionsOf(id, { validAt?, asOf? })`. */
export const makeSuccessionsOf =
  (ctx: RegisterContext): SuccessionsOf =>
  (id, options) =>
    Effect.gen(function* () {
      const { validAt, asOf } = yield* parseReadOptions(options);
      const model = yield* ctx.live.at(asOf);
      if (model.history(id) === undefined) {
        return yield* new NotFound({
          what: "entity",
          key: id,
          message: `${id} is not in the register`,
        });
      }
      return successionsIn(model, id, validAt);
    });
