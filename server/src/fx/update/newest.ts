/** The newest day any rate is known for: the built-in tables' and the downloaded layer's. */
import { latestMonth, latestRate } from '../rates';
import { layerNewestDay, rateLayer } from '../layers';

/** The last day of a YYYY-MM month, YYYY-MM-DD: a monthly average stands for the whole month. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** YYYY-MM-DD, the latest of the built-in month, the built-in latest quotes and the downloaded days. */
export function newestRateDay(): string {
  const days = [monthEnd(latestMonth()), latestRate('EUR', 'daily')?.date, layerNewestDay(rateLayer('downloaded'))];
  return days.filter((d): d is string => typeof d === 'string' && d.length === 10).reduce((a, b) => (b > a ? b : a));
}
