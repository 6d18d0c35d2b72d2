import type { ReactNode } from "react";
import { BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { barSeries, type Series } from "./BarSeries.tsx";
import { ChartBox, type ChartSize, legendProps, tickProps } from "./ChartBox.tsx";
import { ChartFrame, type ChartStateProps, type ChartTable } from "./ChartFrame.tsx";

/** A length for a card and for a conference slide, which draws larger. */
export type ByScreen = { card: number; slide: number };

type Props<Row extends Record<string, unknown>> = ChartStateProps & {
  title: string;
  unit: string;
  empty: boolean;
  table: ChartTable;
  /** A key figure in the caption (ChartFrame's note). */
  note?: ReactNode;
  data: Row[];
  series: Series<Row>[];
  format: (v: number) => string;
  /** Height of one bar's row, and what the axes and legend take besides. */
  rowHeight: ByScreen;
  extra: number;
  /** Widest the category names may be, in px at the normal font. */
  axisCap: ByScreen;
  totalKey?: string;
  tooltip?: (value: number, name: string, row: Row) => [string, string];
  /** The value axis, when not 0 to the largest value (a percentage's 0–100). */
  valueAxis?: { domain: [number, number]; ticks: number[]; unit: string };
  minPointSize?: number;
  endFormat?: (v: number) => string;
  margin?: { top?: number; right?: number };
  /** Series side by side rather than stacked (the same period last year beside this one). */
  beside?: boolean;
  /** Reference lines drawn over the bars, sized for the chart (an array: recharts reads its children's types). */
  overlay?: (size: ChartSize) => ReactNode[];
};

/**
 * The one body of the horizontal bar charts (sites per model type, per religion, per district and
 * category; camera coverage per district): the frame with its title, states and data table, a chart
 * at the card's width with category names on the left, values on the bars, a legend when there are
 * several series. Each chart only says what its bars are.
 */
export function HorizontalBars<Row extends Record<string, unknown>>(p: Props<Row>) {
  const { data, series, large, loading, error, onRetry } = p;
  const pick = (v: ByScreen) => (large ? v.slide : v.card);
  return (
    <ChartFrame
      {...{ large, loading, error, onRetry }}
      title={p.title}
      unit={p.unit}
      note={p.note}
      empty={p.empty}
      table={p.table}
    >
      <ChartBox large={large}>
        {(size) => (
          <BarChart
            width={size.width}
            height={size.rowsHeight(data.length, pick(p.rowHeight), p.extra)}
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
              width={size.axisWidth(pick(p.axisCap))}
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
              beside: p.beside,
            })}
            {p.overlay?.(size)}
          </BarChart>
        )}
      </ChartBox>
    </ChartFrame>
  );
}
