// The full guide of one item, for a citizen: what is needed and how long, what it costs, where to go.
import './guide.css';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../shared/api-client';
import { catalogApi } from '../shared/catalog-api';
import type { Item, Material } from '../shared/catalog-contract';
import type { Translate } from '../shared/translate';
import { useT } from '../shared/use-t';
import { GuideActions, type KioskGuideActions } from './guide-actions';
import { limitText, visitsText } from './guide-model';
import { InnerNav } from './inner-nav';

interface Props {
  api: ApiClient;
  code: string;
  onBack: () => void;
  onHome?: () => void;
  /** At the kiosk: take a ticket for the item and print its checklist on the slip printer. */
  kiosk?: KioskGuideActions;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="guide-part">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function MaterialRow({ t, m, n }: { t: Translate; m: Material; n: number }) {
  return (
    <li className="guide-material">
      <span className="guide-material-name">
        {n}. {m.name}
        {m.requirement === 'conditional' ? <span className="guide-tag warn">{t('guide.ifCondition', { condition: m.condition })}</span> : <span className="guide-tag">{t('catalog.requirements.required')}</span>}
      </span>
      <span className="guide-material-counts">
        {t('guide.originals', { count: m.originals })} · {t('guide.copies', { count: m.copies })}
        {m.electronic ? ` · ${t('guide.electronicOk')}` : ''}
        {m.source === 'government' ? ` · ${t('guide.fromGovernment')}` : ''}
      </span>
      {m.notes ? <span className="guide-material-notes">{m.notes}</span> : null}
    </li>
  );
}

export function GuideItemScreen({ api, code, onBack, onHome, kiosk }: Props) {
  const { t } = useT();
  const [item, setItem] = useState<Item | null>(null);
  const [missing, setMissing] = useState(false);
  const catalog = useMemo(() => catalogApi(api), [api]);
  useEffect(() => {
    setItem(null);
    catalog.get(code).then(setItem, () => setMissing(true));
  }, [catalog, code]);

  if (missing) {
    return (
      <section className="kiosk-inner guide">
        <InnerNav title={t('guide.title')} onBack={onBack} onHome={onHome} />
        <p className="kiosk-message" data-testid="guide-missing">{t('guide.notFound')}</p>
      </section>
    );
  }
  if (!item) return <p className="kiosk-message">{t('guide.loading')}</p>;
  return (
    <section className="kiosk-inner guide" data-testid="guide-item" data-code={item.code}>
      <InnerNav title={item.name} onBack={onBack} onHome={onHome} />
      <div className="guide-facts">
        <span className="guide-fact"><b>{t('guide.promised')}</b> {limitText(t, item.promisedLimit)}</span>
        <span className="guide-fact"><b>{t('fields.visits')}</b> {visitsText(t, item.visits)}</span>
        <span className="guide-fact"><b>{t('guide.fee')}</b> {item.fee.charged ? item.fee.standard || t('guide.charged') : t('guide.free')}</span>
        <span className="guide-fact"><b>{t('fields.handlingLevel')}</b> {t(`catalog.levels.${item.handlingLevel}`)}</span>
        {item.online ? <span className="guide-fact">{t('guide.onlineToo')}</span> : null}
      </div>
      <GuideActions api={api} item={item} kiosk={kiosk} />
      {item.conditions ? <Part title={t('fields.conditions')}><p>{item.conditions}</p></Part> : null}
      <Part title={t('fields.materials')}>
        {item.materials.length ? <ol className="guide-materials">{item.materials.map((m, i) => <MaterialRow key={i} t={t} m={m} n={i + 1} />)}</ol> : <p>{t('guide.noMaterials')}</p>}
      </Part>
      <Part title={t('guide.timeLimits')}>
        <p>{t('fields.legalLimit')}：{limitText(t, item.legalLimit)}；{t('fields.promisedLimit')}：{limitText(t, item.promisedLimit)}</p>
        {item.specialSteps.map((s) => (
          <p key={s.name} className="guide-small">
            {t('guide.specialStep', { name: s.name, limit: limitText(t, s.limit) })}
            {s.counted ? '' : t('guide.notCounted')}
          </p>
        ))}
      </Part>
      {item.steps.length ? <Part title={t('fields.steps')}><ol className="guide-steps">{item.steps.map((s) => <li key={s}>{s}</li>)}</ol></Part> : null}
      {item.fee.charged ? <Part title={t('guide.fee')}><p>{item.fee.standard}</p>{item.fee.basis ? <p className="guide-small">{item.fee.basis}</p> : null}</Part> : null}
      <Part title={t('guide.whereWhen')}>
        <dl className="guide-where">
          {item.place ? <><dt>{t('fields.place')}</dt><dd>{item.place}</dd></> : null}
          {item.window ? <><dt>{t('fields.window')}</dt><dd>{item.window}</dd></> : null}
          {item.hours ? <><dt>{t('fields.hours')}</dt><dd>{item.hours}</dd></> : null}
          {item.consultPhone ? <><dt>{t('fields.consultPhone')}</dt><dd>{item.consultPhone}</dd></> : null}
          {item.complaintPhone ? <><dt>{t('fields.complaintPhone')}</dt><dd>{item.complaintPhone}</dd></> : null}
        </dl>
      </Part>
      {item.faq.length ? (
        <Part title={t('fields.faq')}>
          <dl className="guide-faq">{item.faq.map((f) => <div key={f.q}><dt>{f.q}</dt><dd>{f.a}</dd></div>)}</dl>
        </Part>
      ) : null}
      <Part title={t('guide.about')}>
        <p className="guide-small">{t('fields.implementingBody')}：{item.implementingBody}；{t('fields.department')}：{item.department}；{t('fields.type')}：{t(`catalog.types.${item.type}`)}</p>
        {item.legalBasis ? <p className="guide-small">{t('fields.legalBasis')}：{item.legalBasis}</p> : null}
        {item.example ? <p className="guide-small">{t('guide.exampleData')}</p> : null}
      </Part>
    </section>
  );
}
