/**
 * @module BarChart
 * A horizontal bar chart as server-rendered SVG (no styles inline: the content security
 * policy allows none). The same figures are always in a table beside it, so the chart is
 * hidden from screen readers.
 */
import type { FC } from "hono/jsx";

/** A bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

const truncate = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** A bar chart. */
export const BarChart: FC<{ title: string; bars: ReadonlyArray<Bar> }> = ({ title, bars }) => {
  const width = 640;
  const row = 30;
  const labelWidth = 230;
  const valueWidth = 110;
  const barWidth = width - labelWidth - valueWidth;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * row + 4;
  return (
    <svg
      class="app-bars app-mb-4"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{title}</title>
      {bars.map((bar, i) => {
        const y = i * row + 4;
        const w = Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * barWidth));
        return (
          <g>
            <text class="app-bars__text" x={0} y={y + 17}>
              {truncate(bar.label, 32)}
            </text>
            <rect class="app-bars__track" x={labelWidth} y={y} width={barWidth} height={22} />
            <rect class="app-bars__bar" x={labelWidth} y={y} width={w} height={22} />
            <text class="app-bars__text" x={labelWidth + barWidth + 8} y={y + 17}>
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
