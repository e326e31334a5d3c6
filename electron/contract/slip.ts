// The ticket slip (DOMAIN §7): what it says and the HTML document the kiosk prints. Pure, so the
// kiosk builds it in the browser for its own print, and the host builds the same text for ESC/POS.
// Its few labels live here rather than in the locale files because the host prints without i18next.
import { z } from 'zod';
import type { IssuedTicket, PriorityKind, QueueSettings } from './queue.js';

export const SLIP_LANGUAGES = ['zh-CN', 'en'] as const;
export type SlipLanguage = (typeof SLIP_LANGUAGES)[number];
export type SlipWidthMm = QueueSettings['slipWidthMm'];

export const PrintSlipRequest = z.object({ lang: z.enum(SLIP_LANGUAGES).optional() });
export type PrintSlipRequest = z.infer<typeof PrintSlipRequest>;

/** escpos: the host sent it to the network printer; html: the caller prints `html` itself. */
export const PrintSlipResponse = z.discriminatedUnion('mode', [
  z.object({ ok: z.literal(true), mode: z.literal('escpos') }),
  z.object({ ok: z.literal(true), mode: z.literal('html'), html: z.string() }),
]);
export type PrintSlipResponse = z.infer<typeof PrintSlipResponse>;

export interface SlipContent {
  lang: SlipLanguage;
  widthMm: SlipWidthMm;
  hallName: string;
  categoryName: string;
  number: string;
  priorityLabel?: string;
  /** `2026-03-02 09:00`, the hall's local time. */
  issuedAtLocal: string;
  /** `取号时间 2026-03-02 09:00` */
  issuedLine: string;
  aheadLine: string;
  waitLine: string;
  guideUrl: string;
  qrCaption: string;
  footer: string;
}

interface Labels {
  issued: string;
  ahead(n: number): string;
  wait(minutes: number): string;
  qrCaption: string;
  footer: string;
  priority: Record<PriorityKind, string>;
}

const LABELS: Record<SlipLanguage, Labels> = {
  'zh-CN': {
    issued: '取号时间',
    ahead: (n) => (n === 0 ? '前面没有人等候' : `前面还有 ${n} 人`),
    wait: (m) => (m === 0 ? '马上就到您' : `预计等候约 ${m} 分钟`),
    qrCaption: '扫码查看办事指南',
    footer: '请留意叫号，过号请重新取号',
    priority: { elderly: '老年人优先', disabled: '残疾人优先', military: '军人优先', pregnant: '孕妇优先', appointment: '预约优先' },
  },
  en: {
    issued: 'Issued',
    ahead: (n) => (n === 0 ? 'No one ahead of you' : n === 1 ? '1 person ahead' : `${n} people ahead`),
    wait: (m) => (m === 0 ? 'You are next' : `Estimated wait about ${m} min`),
    qrCaption: 'Scan for the service guide',
    footer: 'Please listen for your number; if you miss it, take a new ticket',
    priority: { elderly: 'Priority: senior', disabled: 'Priority: disability', military: 'Priority: military', pregnant: 'Priority: pregnancy', appointment: 'Priority: appointment' },
  },
};

const localFormatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:mm` in the hall's zone: the kiosk's own clock or zone may differ from the host's. */
export function localDateTime(iso: string, timeZone = 'Asia/Shanghai'): string {
  let f = localFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    localFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function slipContent(
  issued: IssuedTicket,
  settings: Pick<QueueSettings, 'slipWidthMm'>,
  lang: SlipLanguage,
  timeZone = 'Asia/Shanghai',
): SlipContent {
  const l = LABELS[lang];
  const issuedAtLocal = localDateTime(issued.issuedAt, timeZone);
  return {
    lang,
    widthMm: settings.slipWidthMm,
    hallName: issued.hallName,
    categoryName: issued.categoryName,
    number: issued.number,
    ...(issued.priority ? { priorityLabel: l.priority[issued.priority] } : {}),
    issuedAtLocal,
    issuedLine: `${l.issued} ${issuedAtLocal}`,
    aheadLine: l.ahead(issued.ahead),
    waitLine: l.wait(issued.estimatedWaitMinutes),
    guideUrl: issued.guideUrl,
    qrCaption: l.qrCaption,
    footer: l.footer,
  };
}

/** Text for a printed document's HTML (slips, the kiosk's checklist). */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The QR image must be a bare SVG drawing: the print window runs no script and fetches nothing. */
function inlineSvg(svg: string): string {
  const body = svg.trim().replace(/^<\?xml[^>]*\?>\s*/, '');
  if (!body.startsWith('<svg') || /<script|<foreignObject|\shref=|\son\w+=|url\(/i.test(body)) {
    throw new Error('slip QR code must be a plain inline SVG drawing');
  }
  // Inline SVG in HTML needs no namespace; dropping it leaves the document free of any URL.
  return body.replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
}

const SIZES: Record<SlipWidthMm, { pad: number; number: number; hall: number; text: number; qr: number }> = {
  58: { pad: 2, number: 16, hall: 4.2, text: 3.4, qr: 28 },
  80: { pad: 3, number: 22, hall: 5.2, text: 4, qr: 36 },
};

/** A complete, self-contained document: inline CSS and SVG only, no script, no external resource. */
export function slipHtml(content: SlipContent, widthMm: SlipWidthMm, qrSvg: string): string {
  const s = SIZES[widthMm];
  const e = escapeHtml;
  const priority = content.priorityLabel ? `<div class="priority">${e(content.priorityLabel)}</div>` : '';
  return `<!doctype html>
<html lang="${content.lang}"><head><meta charset="utf-8"><title>${e(content.number)}</title>
<style>
@page { size: ${widthMm}mm auto; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${widthMm}mm; box-sizing: border-box; padding: ${s.pad}mm; text-align: center;
  font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: ${s.text}mm; line-height: 1.35; }
.hall { font-size: ${s.hall}mm; font-weight: 700; }
.category { margin-top: 1mm; font-size: ${s.hall}mm; }
.number { margin: 1mm 0; font-size: ${s.number}mm; font-weight: 800; line-height: 1.1; letter-spacing: 0.5mm; }
.priority { display: inline-block; border: 0.4mm solid #000; padding: 0.3mm 1.5mm; margin-bottom: 1mm; font-weight: 700; }
.qr svg { width: ${s.qr}mm; height: ${s.qr}mm; display: block; margin: 1.5mm auto 0; }
.footer { margin-top: 1.5mm; padding-top: 1mm; border-top: 0.3mm dashed #000; }
</style></head>
<body>
<div class="hall">${e(content.hallName)}</div>
<div class="category">${e(content.categoryName)}</div>
<div class="number">${e(content.number)}</div>
${priority}<div>${e(content.aheadLine)}</div>
<div>${e(content.waitLine)}</div>
<div>${e(content.issuedLine)}</div>
<div class="qr">${inlineSvg(qrSvg)}</div>
<div>${e(content.qrCaption)}</div>
<div class="footer">${e(content.footer)}</div>
</body></html>
`;
}
