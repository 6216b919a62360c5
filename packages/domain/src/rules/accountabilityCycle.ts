/**
 * @module accountabilityCycle
 * Rule `accountability-cycle` (error): lines of accountability must never go round in a
 * circle.
 */
import type { Finding } from "../Finding.js";
import { contains } from "../Period.js";
import { asIndex, type SnapshotSource } from "../queries/SnapshotIndex.js";
import type { Relationship } from "../Relationship.js";
import { describe, Findings, pushTo } from "./internal.js";
import type { RuleOptions } from "./Rule.js";

/** The relationship kinds that make the accountability graph. */
const upward: ReadonlySet<Relationship["kind"]> = new Set(["accountable-to", "reports-to"]);

type Graph = ReadonlyMap<string, ReadonlyArray<Relationship>>;

const graphOf = (edges: ReadonlyArray<Relationship>): Graph => {
  const graph = new Map<string, Relationship[]>();
  for (const edge of edges) pushTo(graph, edge.subjectId, edge);
  return graph;
};

/** The strongly connected components that contain a cycle (Tarjan, iterative). */
const cyclicComponents = (graph: Graph): string[][] => {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of graph.keys()) {
    if (order.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const edges = graph.get(frame.node) ?? [];
      const edge = edges[frame.next++];
      if (edge !== undefined) {
        const target = edge.objectId;
        if (!order.has(target)) {
          order.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, order.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      }
      if (low.get(frame.node) === order.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = edges.some((e) => e.objectId === frame.node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  return components;
};

/** A shortest cycle through the component's first member (by id), as the edges followed. */
const cycleIn = (graph: Graph, members: ReadonlySet<string>, start: string): Relationship[] => {
  const via = new Map<string, Relationship>();
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const edge of graph.get(node) ?? []) {
        const target = edge.objectId;
        if (!members.has(target)) continue;
        if (target === start) {
          const path = [edge];
          let at = node;
          while (at !== start) {
            const previous = via.get(at);
            if (previous === undefined) break;
            path.unshift(previous);
            at = previous.subjectId;
          }
          return path;
        }
        if (via.has(target)) continue;
        via.set(target, edge);
        next.push(target);
      }
    }
    frontier = next;
  }
  return [];
};

/**
 * Finds cycles in the accountability graph: the `accountable-to` and `reports-to`
 * relationships valid on a date, taken together (both point up the same chain, so a board
 * that reports to a body accountable to it is as circular as either kind alone). A cycle
 * can only appear on a date when one of its edges starts, so the graph is checked on each
 * relationship's start date (or only on `options.date`), and only within the parts of the
 * all-time graph that could hold a cycle. Each cycle is reported once, on the first date it
 * holds, naming its members and the relationships that close it.
 *
 * @example
 * ```ts
 * import { Snapshot, checkAccountabilityCycle, emptySnapshot } from "@care-atlas/domain";
 * const rel = (n: number, subjectId: string, objectId: string) => ({
 *   id: `rel_000000000${n}`, kind: "accountable-to", subjectId, objectId,
 *   valid: { from: "2020-01-01", to: null }, provenance: { sources: ["synthetic"] },
 * });
 * const snapshot = Snapshot.parse({
 *   ...emptySnapshot(),
 *   relationships: [rel(1, "gov_0000000001", "gov_0000000002"), rel(2, "gov_0000000002", "gov_0000000001")],
 * });
 * checkAccountabilityCycle(snapshot)[0]?.subjects;
 * // ["gov_0000000001", "gov_0000000002", "rel_0000000001", "rel_0000000002"]
 * ```
 */
export const checkAccountabilityCycle = (
  source: SnapshotSource,
  options: RuleOptions = {},
): Finding[] => {
  const index = asIndex(source);
  const findings = new Findings("accountability-cycle");
  const all = index.snapshot.relationships.filter((r) => upward.has(r.kind));

  // Any cycle on a date is a cycle of the all-time graph: only its cyclic parts matter.
  const suspects = new Set(cyclicComponents(graphOf(all)).flat());
  if (suspects.size === 0) return findings.list;
  const edges = all.filter((r) => suspects.has(r.subjectId) && suspects.has(r.objectId));

  const dates =
    options.date !== undefined
      ? [options.date]
      : [...new Set(edges.map((e) => e.valid.from))].sort();
  const reported = new Set<string>();
  for (const date of dates) {
    const graph = graphOf(edges.filter((e) => contains(e.valid, date)));
    for (const component of cyclicComponents(graph)) {
      const members = [...component].sort();
      const key = members.join(" ");
      if (reported.has(key)) continue;
      reported.add(key);
      const start = members[0];
      if (start === undefined) continue;
      const cycle = cycleIn(graph, new Set(members), start);
      const chain = cycle
        .map((edge) => `${describe(index, edge.subjectId, date)} ${edge.kind}`)
        .concat(describe(index, start, date))
        .join(" → ");
      findings.add(
        [...members, ...cycle.map((edge) => edge.id).sort()],
        `Accountability goes round in a circle on ${date}${options.date === undefined ? " (the first date it does)" : ""}: ${chain}.`,
      );
    }
  }
  return findings.list;
};
