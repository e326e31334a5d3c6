// 申请材料: what the item asks for, what was handed in, and the scans kept for each.
import { useT } from '../../shared/use-t';
import type { CaseDetail } from './cases-contract';

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024))} KB`;

export function CaseMaterials({ c }: { c: CaseDetail }) {
  const { t } = useT();
  return (
    <section className="panel" data-testid="case-materials">
      <h2>{t('caseDetail.materials.title')}</h2>
      {c.missingMaterials.length > 0 ? (
        <p className="case-missing" role="note">{t('caseDetail.materials.missing', { names: c.missingMaterials.map((m) => m.name).join('、') })}</p>
      ) : null}
      {c.materials.length === 0 ? (
        <p>{t('caseDetail.materials.none')}</p>
      ) : (
        <table className="case-table">
          <thead>
            <tr>
              <th scope="col">{t('caseDetail.materials.name')}</th>
              <th scope="col">{t('caseDetail.materials.need')}</th>
              <th scope="col">{t('caseDetail.materials.provided')}</th>
              <th scope="col">{t('caseDetail.materials.scans')}</th>
            </tr>
          </thead>
          <tbody>
            {c.materials.map((m) => (
              <tr key={m.name}>
                <td>
                  {m.name}
                  {m.requirement === 'conditional' ? (
                    <span className="case-muted"> · {m.applicable ? t('caseDetail.materials.applies') : t('caseDetail.materials.notApplicable')}</span>
                  ) : null}
                </td>
                <td className="nowrap">{t('caseDetail.materials.counts', { originals: m.need.originals, copies: m.need.copies })}</td>
                <td className="nowrap">
                  {t('caseDetail.materials.counts', { originals: m.provided.originals, copies: m.provided.copies })}
                  {m.provided.electronic ? ` · ${t('caseDetail.materials.electronic', { count: m.provided.electronic })}` : ''}
                </td>
                <td>
                  {m.scans.length === 0
                    ? '—'
                    : m.scans.map((s) => (
                        <div key={s.id}>
                          {s.fileName} <span className="case-muted">({kb(s.size)})</span>
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
