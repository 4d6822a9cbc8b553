import type { Partner } from '../../api/types.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/use-t.tsx';
import { partnerTotals } from './to-partner-totals.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

/** MOU partners and what each contributed, with totals: "what did our CCTV and volunteers buy". */
export function PartnersTable({ partners }: { partners: Partner[] }) {
  const { lang, t } = useT();
  if (partners.length === 0) return <p>{t('zone.noPartners')}</p>;
  const totals = partnerTotals(partners);
  // Types the dictionary does not know are shown as the data has them.
  const partnerTypeName = (type: string) => {
    const key = `partnerType.${type}` as MessageKey;
    const name = t(key);
    return name === key ? type : name;
  };
  const n = (value: number | null) => formatNumber(value, lang);
  return (
    <TableScroll>
      <table className="partners" data-testid="partners-table">
        <thead>
          <tr>
            <th scope="col">{t('zone.partner')}</th>
            <th scope="col">{t('zone.partnerType')}</th>
            <th scope="col" className="nowrap">
              {t('zone.partnerDate')}
            </th>
            <th scope="col" className="num">
              {t('zone.cctv')}
            </th>
            <th scope="col" className="num">
              {t('zone.volunteers')}
            </th>
            <th scope="col" className="num">
              {t('zone.vehicles')}
            </th>
            <th scope="col" className="num">
              {t('zone.budget')}
            </th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr key={`${p.partner}-${p.mouDate ?? ''}`}>
              <th scope="row">{p.partner}</th>
              <td>{partnerTypeName(p.partnerType)}</td>
              <td className="nowrap">{formatDate(p.mouDate, lang)}</td>
              <td className="num">{n(p.cctv)}</td>
              <td className="num">{n(p.volunteers)}</td>
              <td className="num">{n(p.vehicles)}</td>
              <td className="num">{n(p.budgetThb)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('zone.total')}
            </th>
            <td className="num">{n(totals.cctv)}</td>
            <td className="num">{n(totals.volunteers)}</td>
            <td className="num">{n(totals.vehicles)}</td>
            <td className="num">{n(totals.budgetThb)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
