// 送达 and 回访: how the result reached the villager, when and the receiver's signature; then the
// villager's rating taken by the agent; then 归档.
import { useRef, useState } from 'react';
import type { AgentRequestDetail } from '../../electron/contract/agent-node.js';
import { DELIVERY_METHODS } from '../../electron/contract/village.js';
import { errorMessage } from '../shared/api-error';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';
import { SignaturePad, type SignaturePadHandle } from './signature-pad';

type Method = (typeof DELIVERY_METHODS)[number];

export function DeliveryPanel({ request, onChanged }: { request: AgentRequestDetail; onChanged: (d: AgentRequestDetail) => void }) {
  const { t } = useT();
  const [method, setMethod] = useState<Method>('agent');
  const [receiver, setReceiver] = useState(request.applicantName);
  const [level, setLevel] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const pad = useRef<SignaturePadHandle>(null);
  const act = (p: Promise<AgentRequestDetail>) => {
    setError('');
    p.then(onChanged, (err: unknown) => setError(errorMessage(t, err)));
  };
  const deliver = async () => {
    const image = await pad.current?.toBlob();
    const receiverSignature = image ? await agentApi.storeScan(image) : null;
    act(agentApi.deliver(request.requestId, { method, receiverName: receiver, receiverSignature }));
  };
  const rated = new Set(request.ratings.map((r) => r.stage));
  const stage: 'accept' | 'conclude' | null = request.hall.concludedAt && !rated.has('conclude') ? 'conclude' : !rated.has('accept') && request.hall.caseNo ? 'accept' : null;
  return (
    <section className="agent-card" aria-labelledby="delivery-title" data-testid="delivery-panel">
      <h2 id="delivery-title">{request.applicantName} · {request.itemName}</h2>
      <p><span className={`agent-state state-${request.state}`} data-testid="request-state">{t(`agent.states.${request.state}`)}</span></p>
      {['decided', 'concluded', 'rejected'].includes(request.state) && (
        <fieldset>
          <legend>{t('agent.delivery.title')}</legend>
          <div className="agent-choice" role="group">
            {DELIVERY_METHODS.map((m) => (
              <button key={m} type="button" className={m === method ? '' : 'secondary'} aria-pressed={m === method} onClick={() => setMethod(m)}>{t(`agent.deliveryMethods.${m}`)}</button>
            ))}
          </div>
          <label>
            {t('agent.delivery.receiver')}
            <input value={receiver} onChange={(e) => setReceiver(e.target.value)} />
          </label>
          <SignaturePad ref={pad} label={t('agent.delivery.receiverSigns')} />
          <button type="button" onClick={() => void deliver()} data-testid="deliver-submit">{t('agent.delivery.submit')}</button>
        </fieldset>
      )}
      {request.delivery && <p className="agent-complete">{t('agent.delivery.done', { method: t(`agent.deliveryMethods.${request.delivery.method}`), at: new Date(request.delivery.deliveredAt).toLocaleString(), name: request.delivery.receiverName })}</p>}
      {stage && ['accepted', 'decided', 'concluded', 'delivered'].includes(request.state) && (
        <fieldset data-testid="rating-form">
          <legend>{t(`agent.rating.${stage}`)}</legend>
          <div className="agent-choice agent-levels" role="group" aria-label={t('agent.rating.level')}>
            {[5, 4, 3, 2, 1].map((n) => (
              <button key={n} type="button" className={n === level ? '' : 'secondary'} aria-pressed={n === level} onClick={() => setLevel(n)}>{t(`agent.rating.levels.${n}`)}</button>
            ))}
          </div>
          <label>
            {t('agent.rating.comment')}
            <input value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button type="button" disabled={level === 0} onClick={() => act(agentApi.rate(request.requestId, { stage, level, comment }))} data-testid="rating-submit">{t('agent.rating.submit')}</button>
        </fieldset>
      )}
      {request.ratings.length > 0 && <p className="agent-complete" data-testid="ratings-done">{request.ratings.map((r) => t('agent.rating.done', { stage: t(`agent.rating.${r.stage}`), level: t(`agent.rating.levels.${r.level}`) })).join('；')}</p>}
      {request.ratings.filter((r) => r.hallRefusal).map((r) => (
        <p key={r.stage} className="agent-error" role="status" data-testid="rating-refused">
          {t('agent.rating.refused', { stage: t(`agent.rating.${r.stage}`), reason: t(`errors.${r.hallRefusal}`) })}
        </p>
      ))}
      {request.state === 'delivered' && <button type="button" className="secondary" onClick={() => act(agentApi.archive(request.requestId))}>{t('agent.delivery.archive')}</button>}
      {error && <p className="agent-error" role="alert">{error}</p>}
    </section>
  );
}
