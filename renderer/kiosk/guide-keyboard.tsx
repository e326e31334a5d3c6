// An on-screen keyboard for pinyin initials: most kiosks have no keyboard, and initials ("hj") are
// the quickest way for a citizen to find 户籍.
import { useT } from '../shared/use-t';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

export function GuideKeyboard({ onKey, onBackspace, onClear }: { onKey: (key: string) => void; onBackspace: () => void; onClear: () => void }) {
  const { t } = useT();
  return (
    <div className="guide-keyboard" data-testid="guide-keyboard">
      {ROWS.map((row, i) => (
        <div key={row} className="guide-keyboard-row">
          {[...row].map((key) => (
            <button key={key} type="button" className="secondary guide-key" onClick={() => onKey(key)}>
              {key}
            </button>
          ))}
          {i === 2 ? (
            <>
              <button type="button" className="secondary guide-key guide-key-wide" onClick={onBackspace}>
                {t('guide.backspace')}
              </button>
              <button type="button" className="secondary guide-key guide-key-wide" onClick={onClear}>
                {t('guide.clear')}
              </button>
            </>
          ) : null}
        </div>
      ))}
    </div>
  );
}
