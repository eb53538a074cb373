import { formatNumber } from "../../../src/content/describe";
import type { TableVisual } from "../../../src/content/schema";

/** A real HTML table rather than a drawing, so screen readers can move by row and column. */
export function DataTable({ visual }: { visual: TableVisual }) {
  const [corner, ...headers] = visual.columns;
  return (
    <figure className="chart">
      {/* A wide table scrolls inside its box instead of widening the page; focusable so that
          keyboard users can scroll it too. */}
      <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={visual.title}>
        <table className="chart-table">
          <caption className="chart-title">{visual.title}</caption>
          <thead>
            <tr>
              <th scope="col">{corner}</th>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visual.rows.map((row) => {
              const [label, ...cells] = row;
              return (
                <tr key={String(label)}>
                  <th scope="row">{typeof label === "number" ? formatNumber(label) : label}</th>
                  {cells.map((cell, i) =>
                    typeof cell === "number" ? (
                      <td key={i} className="chart-num">
                        {formatNumber(cell)}
                      </td>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {visual.note ? <figcaption className="chart-note">{visual.note}</figcaption> : null}
    </figure>
  );
}
