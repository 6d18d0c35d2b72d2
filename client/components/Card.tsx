/** One headline figure: label, value, optional detail lines; `title` carries the exact value on hover. */
export function Card({
  label,
  value,
  detail,
  title,
}: {
  label: string;
  value: string;
  /** One line, or several (each its own paragraph). */
  detail?: string | readonly string[];
  title?: string;
}) {
  const details = detail === undefined ? [] : typeof detail === "string" ? [detail] : detail;
  return (
    <article className="card" aria-label={label}>
      <h3>{label}</h3>
      <p className="card-value" title={title}>
        {value}
      </p>
      {details.filter(Boolean).map((d) => (
        <p key={d} className="card-detail">
          {d}
        </p>
      ))}
    </article>
  );
}
