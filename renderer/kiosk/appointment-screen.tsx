// 预约签到: the six-digit booking code on a big keypad (no system keyboard on a kiosk).
import { useState } from 'react';
import { useT } from '../shared/use-t';
import { InnerNav } from './inner-nav';
import { APPOINTMENT_CODE_LENGTH, appointmentCodeComplete, pressKey, type KeypadKey } from './kiosk-model';

const KEYS: KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];

interface AppointmentScreenProps {
  enabled: boolean;
  busy: boolean;
  problem: string | null;
  onSubmit: (code: string) => void;
  /** A key was pressed: an earlier "wrong code" no longer applies. */
  onEdit: () => void;
  onBack: () => void;
}

export function AppointmentScreen({ enabled, busy, problem, onSubmit, onEdit, onBack }: AppointmentScreenProps) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const press = (key: KeypadKey) => {
    setCode((current) => pressKey(current, key));
    if (problem) onEdit();
  };
  const label = (key: KeypadKey) => (key === 'clear' ? t('kiosk.keypadClear') : key === 'back' ? t('kiosk.keypadBack') : key);
  return (
    <section className="kiosk-inner kiosk-appointment" data-testid="kiosk-appointment-screen">
      <InnerNav title={t('kiosk.appointment')} onBack={onBack} />
      <p className="kiosk-hint">{t('kiosk.appointmentPrompt', { n: APPOINTMENT_CODE_LENGTH })}</p>
      <div className="kiosk-code" data-testid="kiosk-appointment-code" data-code={code} aria-label={t('kiosk.appointmentCode')} role="status">
        {Array.from({ length: APPOINTMENT_CODE_LENGTH }, (_, i) => (
          <span key={i} className={i < code.length ? 'kiosk-code-digit filled' : 'kiosk-code-digit'}>
            {code[i] ?? ''}
          </span>
        ))}
      </div>
      {problem ? (
        <div className="kiosk-alert" role="alert" data-testid="kiosk-issue-error">
          {problem}
        </div>
      ) : null}
      <div className="kiosk-keypad">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className={key.length > 1 ? 'secondary kiosk-key kiosk-key-edit' : 'kiosk-key'}
            data-testid={`kiosk-key-${key}`}
            disabled={busy}
            onClick={() => press(key)}
          >
            {label(key)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="kiosk-primary"
        data-testid="kiosk-appointment-submit"
        disabled={!enabled || !appointmentCodeComplete(code)}
        onClick={() => onSubmit(code)}
      >
        {busy ? t('kiosk.issuing') : t('kiosk.appointmentSubmit')}
      </button>
    </section>
  );
}
