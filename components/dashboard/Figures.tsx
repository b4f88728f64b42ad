// Headline figures: a big number, what it is, and how it was counted.
export interface Figure {
  id: string;
  label: string;
  value: string;
  detail?: string;
  /** Draws the eye (overdue complaints). */
  alert?: boolean;
}

export function Figures({ items }: { items: Figure[] }) {
  return (
    <dl class="dash-figures">
      {items.map((f) => (
        <div
          key={f.id}
          class={`dash-figure${f.alert ? ' dash-figure--alert' : ''}`}
          data-testid={`dash-figure-${f.id}`}
        >
          <dt class="dash-figure__label">{f.label}</dt>
          <dd class="dash-figure__value">{f.value}</dd>
          {f.detail && <dd class="dash-figure__detail">{f.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
