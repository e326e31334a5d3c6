// The material checklist of one item on the kiosk's slip printer: what to bring, counted, and where
// to go; short enough for 58 or 80 mm paper, so a citizen takes it home instead of remembering it.
import { escapeHtml } from '../../electron/contract/slip.js';
import type { Item } from '../shared/catalog-contract';
import { desktopBridge } from '../shared/desktop-bridge';
import { printInHiddenFrame } from '../shared/print-html';
import type { QueueSettings } from '../shared/queue-contract';
import type { Translate } from '../shared/translate';

export interface ChecklistLine {
  name: string;
  counts: string;
  condition: string | null;
}

export interface ChecklistContent {
  lang: string;
  hallName: string;
  itemName: string;
  title: string;
  lines: ChecklistLine[];
  /** Place, window, hours and phone, each "label: value", when the guide gives them. */
  where: string[];
  printedAt: string;
}

export function checklistContent(t: Translate, lang: string, hallName: string, item: Item, now: Date): ChecklistContent {
  const where: Array<[string, string]> = [
    [t('fields.place'), item.place],
    [t('fields.window'), item.window],
    [t('fields.hours'), item.hours],
    [t('fields.consultPhone'), item.consultPhone],
  ];
  return {
    lang,
    hallName,
    itemName: item.name,
    title: t('guide.checklistTitle'),
    lines: item.materials.map((m) => ({
      name: m.name,
      counts: `${t('guide.originals', { count: m.originals })} · ${t('guide.copies', { count: m.copies })}`,
      condition: m.requirement === 'conditional' ? t('guide.ifCondition', { condition: m.condition }) : null,
    })),
    where: where.filter(([, value]) => value).map(([label, value]) => `${label}：${value}`),
    printedAt: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', hour12: false }).format(now),
  };
}

/** A complete document with inline CSS only, like the ticket slip: no script, nothing fetched. */
export function checklistSlipHtml(c: ChecklistContent, widthMm: 58 | 80): string {
  const e = escapeHtml;
  const text = widthMm === 58 ? 3.4 : 4;
  const lines = c.lines
    .map((l, i) => `<li><b>${i + 1}. ${e(l.name)}</b>${l.condition ? `<br>${e(l.condition)}` : ''}<br>${e(l.counts)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="${e(c.lang)}"><head><meta charset="utf-8"><title>${e(c.title)}</title>
<style>
@page { size: ${widthMm}mm auto; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${widthMm}mm; box-sizing: border-box; padding: ${widthMm === 58 ? 2 : 3}mm;
  font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: ${text}mm; line-height: 1.35; }
.hall, .title { text-align: center; font-weight: 700; }
.item { margin: 1mm 0; font-size: ${text * 1.2}mm; font-weight: 800; }
ol { list-style: none; margin: 0; padding: 0; }
li { padding: 1mm 0; border-bottom: 0.3mm dashed #000; }
.where { margin-top: 1.5mm; }
.printed { margin-top: 1.5mm; text-align: center; }
</style></head>
<body>
<div class="hall">${e(c.hallName)}</div>
<div class="title">${e(c.title)}</div>
<div class="item">${e(c.itemName)}</div>
<ol>${lines}</ol>
<div class="where">${c.where.map((w) => `<div>${e(w)}</div>`).join('')}</div>
<div class="printed">${e(c.printedAt)}</div>
</body></html>
`;
}

/** Prints on the kiosk's slip printer (Electron) or through the browser's print (a plain browser). */
export async function printChecklist(html: string, settings: Pick<QueueSettings, 'slipWidthMm' | 'printerName'> | null): Promise<boolean> {
  const desktop = desktopBridge();
  try {
    if (desktop) {
      const result = await desktop.printHtml({ html, printerName: settings?.printerName ?? '', pageWidthMicrons: (settings?.slipWidthMm ?? 80) * 1000 });
      return result.ok;
    }
    await printInHiddenFrame(html, document, { testId: 'checklist-print', keep: true });
    return true;
  } catch {
    return false;
  }
}
