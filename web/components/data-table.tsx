import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll.tsx';

/**
 * The app's data table: scrolls sideways inside its own box on a narrow screen, one header row of
 * column names (`scope="col"`), the rows given as children. Rows are the caller's: they differ per
 * table (row headers, numbers, actions).
 */
export function DataTable({
  columns,
  className,
  testId,
  children,
}: {
  /** Column names, left to right (unique: they key the header cells). */
  columns: readonly string[];
  /** Extra table classes, e.g. "compact" or "card-table". */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll>
      <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
