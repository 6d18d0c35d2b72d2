import { Bar, Cell, LabelList } from "recharts";

/** One series of bars: its data key, legend name and fill (one colour, or one per row). */
export type Series<Row> = {
  key: string;
  name: string;
  fill: string | ((row: Row) => string);
  onClick?: (row: Row) => void;
};

type LabelArgs = { x?: unknown; y?: unknown; width?: unknown; height?: unknown; value?: unknown };

/**
 * The value inside a stacked segment, in white on the series' colour (every fill reaches 4.5:1
 * against white text or is dark enough for bold text), left out when the segment is too short for it.
 */
function segmentLabel(font: number, format: (v: number) => string, horizontal: boolean) {
  return (props: LabelArgs) => {
    const [x, y, w, h, v] = [
      Number(props.x),
      Number(props.y),
      Number(props.width),
      Number(props.height),
      Number(props.value),
    ];
    if (!v) return null;
    const text = format(v);
    const room = horizontal ? w : h;
    const need = horizontal ? text.length * font * 0.62 + 6 : font + 4;
    if (!(room >= need) || (!horizontal && w < text.length * font * 0.62 + 4)) return null;
    return (
      <text
        x={x + w / 2}
        y={y + h / 2}
        fill="#fff"
        fontSize={font}
        fontWeight={700}
        textAnchor="middle"
        dominantBaseline="central"
      >
        {text}
      </text>
    );
  };
}

/**
 * The bars of a chart, drawn one way for every chart: a single series with its value at the end of
 * each bar, or stacked series with each segment's value inside it and the row's total at the end.
 * Returned as elements (not a component) because recharts reads its children's types.
 */
export function barSeries<Row extends Record<string, unknown>>(opts: {
  data: Row[];
  series: Series<Row>[];
  font: number;
  format: (v: number) => string;
  horizontal: boolean;
  /** Key of the row's total, written at the end of a stack. */
  totalKey?: string;
  minPointSize?: number;
  endFormat?: (v: number) => string;
  /** Several series side by side, each with its value at the end (a period beside the one before). */
  beside?: boolean;
}) {
  const { data, series, font, format, horizontal, totalKey, minPointSize } = opts;
  const stacked = series.length > 1 && !opts.beside;
  // A white halo under the value at a bar's end: a reference line (the province's average) crossing
  // the label leaves its figure readable.
  const end = {
    fontSize: font,
    fill: "#1b1f24",
    style: { stroke: "#fff", strokeWidth: 4, paintOrder: "stroke" },
    formatter: (v: unknown) => (opts.endFormat ?? format)(Number(v)),
  };
  return series.map((s, i) => (
    <Bar
      key={s.key}
      dataKey={s.key}
      name={s.name}
      stackId={stacked ? "stack" : undefined}
      fill={typeof s.fill === "string" ? s.fill : undefined}
      stroke={stacked ? "#fff" : undefined}
      isAnimationActive={false}
      minPointSize={minPointSize}
      cursor={s.onClick ? "pointer" : undefined}
      onClick={s.onClick ? (entry: { payload?: Row }) => entry.payload && s.onClick?.(entry.payload) : undefined}
    >
      {typeof s.fill === "function" &&
        data.map((row, j) => <Cell key={String(j)} fill={(s.fill as (r: Row) => string)(row)} />)}
      {stacked && <LabelList dataKey={s.key} content={segmentLabel(font, format, horizontal)} />}
      {!stacked && <LabelList dataKey={s.key} position={horizontal ? "right" : "top"} {...end} />}
      {stacked && totalKey && (
        <LabelList
          dataKey={totalKey}
          content={(p: LabelArgs & { index?: number }) => {
            // The total ends the row's last non-empty segment (a row whose last series is 0 kept no total).
            const row = data[Number(p.index)];
            if (!row || !Number(row[s.key]) || series.slice(i + 1).some((n) => Number(row[n.key]) > 0)) return null;
            const [x, y, w, h] = [Number(p.x), Number(p.y), Number(p.width), Number(p.height)];
            return (
              <text
                x={horizontal ? x + w + 5 : x + w / 2}
                y={horizontal ? y + h / 2 : y - 5}
                fontSize={font}
                fontWeight={700}
                fill="#1b1f24"
                textAnchor={horizontal ? "start" : "middle"}
                dominantBaseline={horizontal ? "central" : "auto"}
              >
                {(opts.endFormat ?? format)(Number(p.value))}
              </text>
            );
          }}
        />
      )}
    </Bar>
  ));
}
