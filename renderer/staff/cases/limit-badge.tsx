// The time-limit cell: colour and words together, so it reads without colour too.
import { useT } from '../../shared/use-t';
import { limitText } from './case-model';
import type { CaseSummary } from './cases-contract';

export function LimitBadge({ c }: { c: Pick<CaseSummary, 'status' | 'remainingWorkingDays' | 'warning' | 'dueDate'> }) {
  const { t } = useT();
  const text = limitText(c);
  if (text.key === 'none') return <span className="limit-badge limit-none">—</span>;
  return (
    <span className={`limit-badge limit-${text.level}`} data-warning={text.level}>
      {text.level === 'red' ? '● ' : text.level === 'yellow' ? '▲ ' : ''}
      {t(`caseList.limit.${text.key}`, { count: text.count })}
    </span>
  );
}
