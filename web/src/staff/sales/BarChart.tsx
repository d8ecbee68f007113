// A bar chart in plain SVG (no chart library): vertical bars for days, horizontal for movies.
// The numbers are also in the tables beside it; the SVG is one labelled image.

export interface Bar {
  key: string;
  label: string;
  value: number;
  display: string;
}

export function ColumnChart({ bars, label }: { bars: Bar[]; label: string }) {
  const W = 640;
  const H = 220;
  const pad = { top: 20, bottom: 34, left: 8, right: 8 };
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (W - pad.left - pad.right) / Math.max(1, bars.length);
  const bw = Math.min(56, slot * 0.7);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      <line x1={pad.left} x2={W - pad.right} y1={H - pad.bottom} y2={H - pad.bottom} className="chart-axis" />
      {bars.map((b, i) => {
        const h = ((H - pad.top - pad.bottom) * b.value) / max;
        const x = pad.left + i * slot + (slot - bw) / 2;
        const y = H - pad.bottom - h;
        return (
          <g key={b.key}>
            <rect x={x} y={y} width={bw} height={Math.max(0, h)} rx={3} className="chart-bar" />
            {bars.length <= 14 && (
              <text x={x + bw / 2} y={y - 5} textAnchor="middle" className="chart-value">
                {b.display}
              </text>
            )}
            {(bars.length <= 14 || i % Math.ceil(bars.length / 14) === 0) && (
              <text x={x + bw / 2} y={H - pad.bottom + 16} textAnchor="middle" className="chart-label">
                {b.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function RowChart({ bars, label }: { bars: Bar[]; label: string }) {
  const W = 640;
  const rowH = 28;
  const labelW = 200;
  const H = Math.max(rowH, bars.length * rowH) + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const track = W - labelW - 90;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      {bars.map((b, i) => {
        const y = 4 + i * rowH;
        const w = (track * b.value) / max;
        return (
          <g key={b.key}>
            <text x={labelW - 8} y={y + rowH / 2} dy="0.35em" textAnchor="end" className="chart-label">
              {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
            </text>
            <rect x={labelW} y={y + 5} width={Math.max(0, w)} height={rowH - 10} rx={3} className="chart-bar" />
            <text x={labelW + w + 6} y={y + rowH / 2} dy="0.35em" className="chart-value">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
