/** One headline figure: label, value, optional detail; `title` carries the exact value on hover. */
export function Card({
  label,
  value,
  detail,
  title,
}: {
  label: string;
  value: string;
  detail?: string;
  title?: string;
}) {
  return (
    <article className="card" aria-label={label}>
      <h3>{label}</h3>
      <p className="card-value" title={title}>
        {value}
      </p>
      {detail && <p className="card-detail">{detail}</p>}
    </article>
  );
}
