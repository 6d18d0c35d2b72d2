import { type ReactNode, useId, useState } from "react";
import { Empty, ErrorState, Loading } from "../../components/QueryState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** What every chart receives besides its data: the query's state, drawn the same way everywhere. */
export type ChartStateProps = {
  loading?: boolean;
  error?: string | null;
  onRetry?: () => void;
  /** Conference slides draw larger. */
  large?: boolean;
};

export type ChartTable = { columns: string[]; rows: { key: string; cells: ReactNode[] }[] };

type Props = ChartStateProps & {
  title: string;
  unit: string;
  empty: boolean;
  table: ChartTable;
  /** A key figure shown in the caption, e.g. the province-wide coverage. */
  note?: ReactNode;
  /** The chart itself; drawn only when there is data. */
  children: ReactNode;
  /** Only the table (the chart cannot be drawn, e.g. a map without boundaries): no toggle. */
  tableOnly?: boolean;
  /** Shown under the chart and under its table alike (a map's attribution). */
  footer?: ReactNode;
  /** Choices that change what the chart shows (a map's measure and level), under the title. */
  toolbar?: ReactNode;
};

/**
 * Title, unit, states and the "data table" toggle around one chart: the table shows the same
 * figures as the chart, for screen readers, exact reading and copying into a report.
 */
export function ChartFrame(props: Props) {
  const { title, unit, note, empty, table, loading, error, onRetry, large, children, tableOnly, footer, toolbar } =
    props;
  const { t } = useI18n();
  const [showTable, setShowTable] = useState(false);
  const unitId = useId();
  const ready = !loading && !error && !empty;
  return (
    <figure className={large ? "chart chart-large" : "chart"} aria-label={title} aria-describedby={unitId}>
      <figcaption className="chart-head">
        <div>
          <h3>{title}</h3>
          <span className="chart-unit" id={unitId}>
            {unit}
          </span>
          {note && !loading && !error && !empty && <span className="chart-note">{note}</span>}
        </div>
        {ready && !tableOnly && !large && (
          <button
            type="button"
            className="chart-toggle no-print"
            aria-pressed={showTable}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? t("dashboard.chart.showChart") : t("dashboard.chart.showTable")}
          </button>
        )}
      </figcaption>
      {toolbar}
      {loading ? (
        <Loading />
      ) : error ? (
        <ErrorState message={error} onRetry={onRetry} />
      ) : empty ? (
        <Empty />
      ) : showTable || tableOnly ? (
        <DataTable caption={t("dashboard.chart.tableCaption", { title })} table={table} />
      ) : (
        <div className="chart-body">{children}</div>
      )}
      {ready && footer}
    </figure>
  );
}

export function DataTable({ caption, table }: { caption: string; table: ChartTable }) {
  // A column of words (a form, a place) aligns left, header included; figures align right.
  const textColumns = new Set(
    table.columns.map((_, i) => i).filter((i) => table.rows.some((r) => !isFigure(r.cells[i]))),
  );
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={c} scope="col" className={textColumns.has(i) ? "text" : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={table.columns[i]} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={table.columns[i]} className={textColumns.has(i) ? "text" : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Figures align right so digits line up; words (a form, a date range, a name) align left. */
const isFigure = (cell: ReactNode) => typeof cell !== "string" || /^[\d.,%\s/()]+$/.test(cell) || /đồng|VND/.test(cell);
