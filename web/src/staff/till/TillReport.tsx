// A till session's report: the float, cash and card terminal takings and refunds with their
// counts, and the cash expected in the drawer against what was counted at the close.
import { useI18n } from '../../i18n/staff.ts';
import type { TillReport as Report } from './till-api.ts';

export function TillReport({ report, caption }: { report: Report; caption: string }) {
  const { t, money } = useI18n();
  const counted = (m: { amount: number; currency: string; count: number }) =>
    `${money(m)} (${t('staff.till.count', { count: m.count })})`;
  return (
    <table className="table till-report">
      <caption>{caption}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('staff.till.float')}</th>
          <td>{money(report.float)}</td>
        </tr>
        <tr>
          <th scope="row">{t('staff.till.cashSales')}</th>
          <td>{counted(report.cashSales)}</td>
        </tr>
        <tr>
          <th scope="row">{t('staff.till.cashRefunds')}</th>
          <td>{counted(report.cashRefunds)}</td>
        </tr>
        <tr>
          <th scope="row">{t('staff.till.cardSales')}</th>
          <td>{counted(report.cardSales)}</td>
        </tr>
        <tr>
          <th scope="row">{t('staff.till.cardRefunds')}</th>
          <td>{counted(report.cardRefunds)}</td>
        </tr>
        <tr>
          <th scope="row">{t('staff.till.expectedCash')}</th>
          <td data-testid="till-expected">{money(report.expectedCash)}</td>
        </tr>
        {report.countedCash && (
          <tr>
            <th scope="row">{t('staff.till.countedCash')}</th>
            <td data-testid="till-counted">{money(report.countedCash)}</td>
          </tr>
        )}
        {report.difference && (
          <tr>
            <th scope="row">{t('staff.till.difference')}</th>
            <td data-testid="till-difference">{money(report.difference)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
