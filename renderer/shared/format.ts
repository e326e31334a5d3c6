// Dates and times for people: in the page's language and the computer's local time zone.

/** One formatter per language: building one is costly, and lists and the wall format every refresh. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimeFormats.get(language);
  if (!format) {
    // Numeric and short ("2026/11/27 09:05") so it fits a grid column in either language.
    format = new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    dateTimeFormats.set(language, format);
  }
  return format.format(date);
}

export function formatLongDate(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full' }).format(date);
}
