import type { ReactNode } from "react";
import { CartesianGrid, ComposedChart, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { type ChartSize, legendProps, tickProps } from "./ChartBox.tsx";

/**
 * The one body of the charts by year (new sites per year, awards per year): a column per year on
 * the left axis, an optional right axis (yAxisId "right") for a line, grid, tooltip and legend.
 * The series come as children (elements, not components: recharts reads its children's types).
 */
export function YearColumns<Row extends { year: number }>(p: {
  title: string;
  size: ChartSize;
  data: Row[];
  format: (v: number) => string;
  /** Height of the plot on a card (a slide and a phone derive theirs from it). */
  height: number;
  rightAxis?: boolean;
  children: ReactNode;
}) {
  const { size, format } = p;
  return (
    <ComposedChart
      width={size.width}
      height={size.plotHeight(p.height)}
      data={p.data}
      margin={{ left: 8, right: 8, top: 16 }}
      role="img"
      aria-label={p.title}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="year" tick={tickProps(size.font)} />
      <YAxis allowDecimals={false} tickFormatter={format} tick={tickProps(size.font)} />
      {p.rightAxis && (
        <YAxis
          yAxisId="right"
          orientation="right"
          allowDecimals={false}
          tickFormatter={format}
          tick={tickProps(size.font)}
        />
      )}
      <Tooltip formatter={(v, name) => [format(Number(v)), name]} />
      <Legend {...legendProps(size.font)} />
      {p.children}
    </ComposedChart>
  );
}
