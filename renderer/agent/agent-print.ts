// The two papers an agent prints on A4: the 代办服务委托书 the villager signs, and the 移交清单 that
// travels with a hand-over batch. Whole HTML documents with their own print CSS.
import type { HandoverView } from '../../electron/contract/agent-node.js';
import type { Translate } from '../shared/translate';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE_CSS = `@page { size: A4; margin: 18mm; }
body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 12pt; color: #000; }
h1 { text-align: center; font-size: 18pt; letter-spacing: 0.2em; margin: 0 0 8mm; }
table { width: 100%; border-collapse: collapse; margin: 4mm 0; }
th, td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; vertical-align: top; }
th { width: 28%; font-weight: normal; background: #f2f2f2; }
.sign { margin-top: 12mm; display: flex; justify-content: space-between; gap: 10mm; }
.sign div { flex: 1; border-bottom: 1px solid #000; min-height: 22mm; }
.sign img { max-height: 22mm; }
.note { font-size: 10pt; margin-top: 6mm; }`;

function page(title: string, body: string, lang: string): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${PAGE_CSS}</style></head><body>${body}</body></html>`;
}

export interface AuthorisationPaper {
  villageName: string;
  applicantName: string;
  residentId: string;
  mobile: string;
  itemName: string;
  scope: string;
  validFrom: string;
  validUntil: string;
  agentName: string;
  signatureDataUrl: string | null;
}

export function authorisationHtml(t: Translate, lang: string, p: AuthorisationPaper): string {
  const row = (label: string, value: string) => `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>`;
  const sig = p.signatureDataUrl && p.signatureDataUrl.startsWith('data:image/png;base64,') ? `<img alt="" src="${p.signatureDataUrl}">` : '';
  return page(
    t('agent.print.authorisationTitle'),
    `<h1>${esc(t('agent.print.authorisationTitle'))}</h1>
    <table>
      ${row(t('agent.fields.village'), p.villageName)}
      ${row(t('agent.fields.applicantName'), p.applicantName)}
      ${row(t('agent.fields.residentId'), p.residentId)}
      ${row(t('agent.fields.mobile'), p.mobile)}
      ${row(t('agent.fields.item'), p.itemName)}
      ${row(t('agent.fields.scope'), p.scope)}
      ${row(t('agent.fields.period'), `${p.validFrom} — ${p.validUntil}`)}
      ${row(t('agent.print.agent'), p.agentName)}
    </table>
    <p class="note">${esc(t('agent.print.authorisationNote'))}</p>
    <div class="sign"><div>${esc(t('agent.print.villagerSigns'))}<br>${sig}</div><div>${esc(t('agent.print.agentSigns'))}</div></div>`,
    lang,
  );
}

export function handoverHtml(t: Translate, lang: string, h: HandoverView): string {
  const rows = h.requests
    .map(
      (r, i) =>
        `<tr><td>${i + 1}</td><td>${esc(r.villageName)}</td><td>${esc(r.applicantName)}</td><td>${esc(r.itemName)}</td><td>${r.materials
          .map((m) => esc(t('agent.print.materialCount', { name: m.name, originals: m.originals, copies: m.copies })))
          .join('<br>')}</td><td></td></tr>`,
    )
    .join('');
  return page(
    t('agent.print.handoverTitle'),
    `<h1>${esc(t('agent.print.handoverTitle'))}</h1>
    <p>${esc(t('agent.print.handoverFrom', { node: h.nodeName || '—', agent: h.agentName || '—' }))}</p>
    <p>${esc(t('agent.print.handoverMeta', { id: h.handoverId.slice(0, 8), at: new Date(h.handedAt).toLocaleString(lang), count: h.requests.length }))}</p>
    <table><thead><tr><th style="width:5%">#</th><th style="width:12%">${esc(t('agent.fields.village'))}</th><th style="width:12%">${esc(t('agent.fields.applicantName'))}</th><th style="width:22%">${esc(t('agent.fields.item'))}</th><th>${esc(t('agent.print.materials'))}</th><th style="width:16%">${esc(t('agent.print.counted'))}</th></tr></thead><tbody>${rows}</tbody></table>
    <div class="sign"><div>${esc(t('agent.print.handedBy'))}</div><div>${esc(t('agent.print.receivedBy'))}</div></div>`,
    lang,
  );
}
