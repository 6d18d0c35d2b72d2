import { Change, type Earlier } from "./Change.tsx";

/**
 * One headline figure: label, value, optional detail lines; `title` carries the exact value on
 * hover; `change` the figure against the same period a year earlier (with compare on).
 */
export function Card({
  label,
  value,
  detail,
  title,
  change,
}: {
  label: string;
  value: string;
  /** One line, or several (each its own paragraph). */
  detail?: string | readonly string[];
  title?: string;
  change?: { current: number; earlier: Earlier } | undefined;
}) {
  const details = detail === undefined ? [] : typeof detail === "string" ? [detail] : detail;
  return (
    <article className="card" aria-label={label}>
      <h3>{label}</h3>
      <p className="card-value" title={title}>
        {value}
      </p>
      {change && (
        <p className="card-change">
          <Change current={change.current} earlier={change.earlier} />
        </p>
      )}
      {details.filter(Boolean).map((d) => (
        <p key={d} className="card-detail">
          {d}
        </p>
      ))}
    </article>
  );
}
