// 优先办理: the citizen says which kind (the counter checks the papers), then picks the business.
import { useT } from '../shared/use-t';
import { CategoryButton } from './category-button';
import { InnerNav } from './inner-nav';
import { KIOSK_PRIORITIES, priorityCategories, type KioskCategory, type KioskPriority } from './kiosk-model';

export function PriorityKindScreen({ onKind, onBack }: { onKind: (kind: KioskPriority) => void; onBack: () => void }) {
  const { t } = useT();
  return (
    <section className="kiosk-inner" data-testid="kiosk-priority-kinds">
      <InnerNav title={t('kiosk.priority')} onBack={onBack} />
      <p className="kiosk-hint">{t('kiosk.priorityCheck')}</p>
      <div className="kiosk-kinds">
        {KIOSK_PRIORITIES.map((kind) => (
          <button key={kind} type="button" className="kiosk-kind" data-testid={`kiosk-priority-${kind}`} onClick={() => onKind(kind)}>
            {t(`kiosk.priorityKinds.${kind}`)}
          </button>
        ))}
      </div>
    </section>
  );
}

interface PriorityCategoryScreenProps {
  kind: KioskPriority;
  categories: KioskCategory[];
  enabled: boolean;
  problem: string | null;
  onCategory: (code: string) => void;
  onBack: () => void;
  onHome: () => void;
}

export function PriorityCategoryScreen({ kind, categories, enabled, problem, onCategory, onBack, onHome }: PriorityCategoryScreenProps) {
  const { t } = useT();
  const offered = priorityCategories(categories);
  return (
    <section className="kiosk-inner" data-testid="kiosk-priority-categories">
      <InnerNav title={t('kiosk.priorityFor', { kind: t(`kiosk.priorityKinds.${kind}`) })} onBack={onBack} onHome={onHome} />
      {problem ? (
        <div className="kiosk-alert" role="alert" data-testid="kiosk-issue-error">
          {problem}
        </div>
      ) : null}
      {offered.length === 0 ? (
        <p className="kiosk-message">{t('kiosk.noPriorityCategories')}</p>
      ) : (
        <div className="kiosk-categories">
          {offered.map((category) => (
            <CategoryButton key={category.code} category={category} enabled={enabled} onChoose={onCategory} />
          ))}
        </div>
      )}
    </section>
  );
}
