/**
 * The KPI table as an XLSX workbook (write-excel-file): typed cells (numbers stay numbers, with
 * 0.0 formats for percentages), Thai headers with the English under them, the header row frozen,
 * and a second sheet listing the filters the table was made with. Text cells that a spreadsheet
 * would run as formulas are neutralised as in the CSV.
 */
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { neutralise } from './csv.ts';
import type { KpiTable } from './kpi-table.ts';

const FORMATS = { integer: '#,##0', percent: '0.0', number: '0.00' } as const;

export async function toXlsx(
  table: KpiTable,
  filters: readonly [string, string][],
  sheet = 'ตัวชี้วัด KPIs',
): Promise<Buffer> {
  const header: Row = table.columns.map(
    (c): Cell => ({ value: `${c.th}\n${c.en}`, fontWeight: 'bold', wrap: true, type: String }),
  );
  const rows: Row[] = table.rows.map((r) =>
    r.map((value, i): Cell => {
      const column = table.columns[i];
      if (value === null || column === undefined) return null;
      if (typeof value === 'number') {
        return { value, type: Number, ...(column.type === 'text' ? {} : { format: FORMATS[column.type] }) };
      }
      return { value: neutralise(value), type: String };
    }),
  );
  const filterRows: Row[] = [
    [
      { value: 'ตัวกรอง (filter)', fontWeight: 'bold', type: String },
      { value: 'ค่า (value)', fontWeight: 'bold', type: String },
    ],
    ...filters.map(
      ([label, value]): Row => [
        { value: label, type: String },
        { value: neutralise(value), type: String },
      ],
    ),
  ];
  return writeXlsxFile([
    {
      sheet,
      data: [header, ...rows],
      columns: table.columns.map((c) => ({ width: c.type === 'text' ? 28 : 14 })),
      stickyRowsCount: 1,
    },
    { sheet: 'ตัวกรอง Filters', data: filterRows, columns: [{ width: 32 }, { width: 48 }] },
  ]).toBuffer();
}
