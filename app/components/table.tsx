import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface TableProps<Row> {
  className: string;
  caption?: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
}

/** Rows under column headers marked as such, so screen readers can move by row and column. */
export function Table<Row>({ className, caption, columns, rows, rowKey }: TableProps<Row>) {
  return (
    <table className={className}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>
            {columns.map((column) => (
              <td key={column.header}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An admin page's table: it scrolls inside its box instead of widening the page, and is
 * focusable so that keyboard users can scroll it too; `label` names that region.
 */
export function AdminTable<Row>({
  label,
  ...table
}: Omit<TableProps<Row>, "className" | "caption"> & { label: string }) {
  return (
    <div className="admin-table-wrap" tabIndex={0} role="region" aria-label={label}>
      <Table className="admin-table" {...table} />
    </div>
  );
}
