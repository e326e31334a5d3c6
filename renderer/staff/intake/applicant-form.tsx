// 申请人: a person (姓名、身份证号码、手机号码) or an organisation (名称、统一社会信用代码、联系人、手机号码).
// Each field says what is wrong under it once the clerk has left it, and again while they correct it.
import { useState } from 'react';
import { TextField } from '../../shared/form-field';
import { useT } from '../../shared/use-t';
import { APPLICANT_FIELDS, applicantFieldError, type ApplicantField, type ApplicantForm, type ApplicantKind } from './intake-model';

interface ApplicantFormProps {
  value: ApplicantForm;
  onChange: (value: ApplicantForm) => void;
  /** Errors the host gave on the last submit, by field. */
  hostErrors: Partial<Record<string, string>>;
  /** After a submit attempt every field shows its error, touched or not. */
  showAll: boolean;
  disabled: boolean;
}

const LABEL: Record<ApplicantKind, Record<ApplicantField, string>> = {
  person: { name: 'intake.personName', idNumber: 'intake.idNumber', creditCode: '', contactName: '', mobile: 'intake.mobile' },
  organisation: { name: 'intake.orgName', idNumber: '', creditCode: 'intake.creditCode', contactName: 'intake.contactName', mobile: 'intake.contactMobile' },
};

export function ApplicantFormFields({ value, onChange, hostErrors, showAll, disabled }: ApplicantFormProps) {
  const { t } = useT();
  const [touched, setTouched] = useState<ReadonlySet<ApplicantField>>(new Set());
  const touch = (field: ApplicantField) => setTouched((s) => new Set(s).add(field));
  const setKind = (kind: ApplicantKind) => onChange({ ...value, kind });

  return (
    <fieldset className="intake-applicant" data-testid="intake-applicant-form" disabled={disabled}>
      <legend>{t('intake.applicant')}</legend>
      <div className="intake-kind" role="radiogroup" aria-label={t('intake.applicantKind')}>
        {(['person', 'organisation'] as const).map((kind) => (
          <label key={kind} className={value.kind === kind ? 'intake-kind-option on' : 'intake-kind-option'}>
            <input type="radio" name="applicant-kind" checked={value.kind === kind} onChange={() => setKind(kind)} data-testid={`intake-kind-${kind}`} />
            {t(`intake.kind.${kind}`)}
          </label>
        ))}
      </div>
      <div className="form-grid">
        {APPLICANT_FIELDS[value.kind].map((field) => {
          const own = touched.has(field) || showAll ? applicantFieldError(t, value, field) : null;
          return (
            <TextField
              key={`${value.kind}-${field}`}
              label={t(LABEL[value.kind][field])}
              value={value[field]}
              onValue={(v) => onChange({ ...value, [field]: v })}
              onBlur={() => touch(field)}
              error={own ?? hostErrors[field]}
              autoComplete="off"
              inputMode={field === 'mobile' ? 'numeric' : undefined}
              maxLength={field === 'name' ? 100 : field === 'mobile' ? 11 : field === 'contactName' ? 50 : 18}
              data-testid={`intake-${field}`}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
