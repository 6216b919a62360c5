/**
 * @module StrategyPage
 * The strategy: each framework's aims, themes and vision; its shared outcomes with their
 * commitments; and, for each commitment, the collaboratives, teams, budgets and decisions
 * that link to it.
 */
import type { StrategyElement } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { DateFilter } from "../components/DateFilter.js";
import { hrefOf, humanise } from "../components/Links.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What links to a strategy element. */
export interface StrategyLink {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

/** What the strategy page shows. */
export interface StrategyData {
  readonly elements: ReadonlyArray<StrategyElement>;
  readonly links: ReadonlyMap<string, ReadonlyArray<StrategyLink>>;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
}

const byOrder = (a: StrategyElement, b: StrategyElement) =>
  a.order - b.order || a.id.localeCompare(b.id);

/** The strategy page. */
export const StrategyPage: FC<{ ctx: ViewContext; data: StrategyData }> = ({ ctx, data }) => {
  const { paths } = ctx;
  const frameworks = [...new Set(data.elements.map((e) => e.framework))].sort();
  const Linked: FC<{ id: string }> = ({ id }) => {
    const links = data.links.get(id) ?? [];
    return links.length === 0 ? null : (
      <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
        {links.map((link) => (
          <li>
            {humanise(link.kind)}: <a href={hrefOf(paths, link.id)}>{link.name}</a>
          </li>
        ))}
      </ul>
    );
  };
  return (
    <Layout
      ctx={ctx}
      title="Strategy"
      section="strategy"
      hasErrors={data.validAtError !== undefined}
    >
      <h1>Strategy</h1>
      <DateFilter action={paths.strategy()} validAt={data.validAt} error={data.validAtError} />
      {frameworks.length === 0 && <p>No strategy is recorded on this date.</p>}
      {frameworks.map((framework) => {
        const elements = data.elements.filter((e) => e.framework === framework).sort(byOrder);
        const outcomes = elements.filter((e) => e.kind === "outcome");
        const others = elements.filter((e) => e.kind !== "outcome" && e.kind !== "commitment");
        return (
          <section class="app-mb-6">
            <h2>{framework}</h2>
            {others.length > 0 && (
              <ul class="nhsuk-list">
                {others.map((e) => (
                  <li class="app-mb-3">
                    <strong>{humanise(e.kind)}</strong>:{" "}
                    <a href={paths.record(e.id)}>{e.title ?? e.text}</a>
                    {e.title !== undefined && <p class="nhsuk-body-s">{e.text}</p>}
                    <Linked id={e.id} />
                  </li>
                ))}
              </ul>
            )}
            {outcomes.map((outcome) => (
              <div class="app-mb-5">
                <h3>
                  <a href={paths.record(outcome.id)}>{outcome.title ?? outcome.text}</a>
                </h3>
                {outcome.title !== undefined && <p>{outcome.text}</p>}
                <Linked id={outcome.id} />
                <ol class="app-tree">
                  {elements
                    .filter((e) => e.parentId === outcome.id)
                    .map((commitment) => (
                      <li>
                        <a href={paths.record(commitment.id)}>
                          {commitment.title ?? commitment.text}
                        </a>
                        <Linked id={commitment.id} />
                      </li>
                    ))}
                </ol>
              </div>
            ))}
          </section>
        );
      })}
    </Layout>
  );
};
