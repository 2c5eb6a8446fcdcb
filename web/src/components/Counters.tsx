// A row of named numbers (a dashboard's totalizers, an overview), as a description list.
export function Counters({ title, items, loading }: { title: string; items: { title: string; value: string }[]; loading?: boolean }) {
  const id = `counters-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="counters" aria-labelledby={id} aria-busy={loading || undefined}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{loading ? 'Loading…' : 'Nothing to show.'}</p>
      ) : (
        <dl>
          {items.map((item) => (
            <div key={item.title} className="counter">
              <dt>{item.title}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
