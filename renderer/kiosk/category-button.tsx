import { useT } from '../shared/use-t';
import type { KioskCategory } from './kiosk-model';

interface CategoryButtonProps {
  category: KioskCategory;
  enabled: boolean;
  onChoose: (code: string) => void;
}

/** One business category: its name, what it covers, and how many are waiting (or sold out today). */
export function CategoryButton({ category, enabled, onChoose }: CategoryButtonProps) {
  const { t } = useT();
  return (
    <button
      type="button"
      className={category.soldOut ? 'kiosk-category sold-out' : 'kiosk-category'}
      disabled={!enabled || category.soldOut}
      data-testid={`kiosk-category-${category.code}`}
      onClick={() => onChoose(category.code)}
    >
      <span className="kiosk-category-name">{category.name}</span>
      {category.description ? <span className="kiosk-category-description">{category.description}</span> : null}
      <span className="kiosk-category-waiting" data-testid={`kiosk-waiting-${category.code}`}>
        {category.soldOut ? t('kiosk.soldOut') : t('kiosk.waiting', { n: category.waiting })}
      </span>
    </button>
  );
}
