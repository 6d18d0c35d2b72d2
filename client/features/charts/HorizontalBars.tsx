import type { ReactNode } from "react";
import { BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { barSeries, type Series } from "./BarSeries.tsx";
import { type ChartSize, legendProps, tickProps } from "./ChartBox.tsx";

type Props<Row extends Record<string, unknown>> = {
  title: string;
  size: ChartSize;
  data: Row[];
  series: Series<Row>[];
  format: (v: number) => string;
  /** Height of one bar's row, and what the axes and legend take besides. */
  rowHeight: number;
  extra: number;
  /** Widest the category names may be, in px at the normal font. */
  axisCap: number;
  totalKey?: string;
  tooltip?: (value: number, name: string, row: Row) => [string, string];
  /** The value axis, when not 0 to the largest value (a percentage's 0–100). */
  valueAxis?: { domain: [number, number]; ticks: number[]; unit: string };
  minPointSize?: number;
  endFormat?: (v: number) => string;
  margin?: { top?: number; right?: number };
  /** Reference lines drawn over the bars. */
  children?: ReactNode;
};

/**
 * The body every horizontal bar chart shares (sites per model type, per religion, per district and
 * category; camera coverage per district): category names on the left at a width derived from the
 * card's, values on the bars, a legend when there are several series.
 */
export function HorizontalBars<Row extends Record<string, unknown>>(p: Props<Row>) {
  const { size, data, series } = p;
  return (
    <BarChart
      width={size.width}
      height={size.rowsHeight(data.length, p.rowHeight, p.extra)}
      data={data}
      layout="vertical"
      margin={{ left: 8, right: p.margin?.right ?? 48, top: p.margin?.top ?? 8 }}
      role="img"
      aria-label={p.title}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        allowDecimals={false}
        tickFormatter={p.format}
        tick={tickProps(size.font)}
        {...(p.valueAxis ?? {})}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={size.axisWidth(p.axisCap)}
        interval={0}
        tick={tickProps(size.font)}
      />
      <Tooltip
        formatter={(v, name, item) =>
          p.tooltip ? p.tooltip(Number(v), String(name), item.payload as Row) : [p.format(Number(v)), name]
        }
      />
      {series.length > 1 && <Legend {...legendProps(size.font)} />}
      {barSeries({
        data,
        series,
        font: size.font,
        format: p.format,
        horizontal: true,
        totalKey: p.totalKey,
        minPointSize: p.minPointSize,
        endFormat: p.endFormat,
      })}
      {p.children}
    </BarChart>
  );
}
