// Without a Chinese system voice the display says an announcement by playing one short bundled clip
// per character (resources/sounds/zh/, made by tests/tools/make-voice-clips.sh).
import { chineseNatural } from './number-reading';

/** Character → clip file name (ASCII, so the names survive any file system and URL). */
export const CHARACTER_CLIPS: Readonly<Record<string, string>> = {
  请: 'qing',
  号: 'hao',
  到: 'dao',
  窗: 'chuang',
  口: 'kou',
  办: 'ban',
  理: 'li',
  零: 'ling',
  一: 'yi',
  二: 'er',
  三: 'san',
  四: 'si',
  五: 'wu',
  六: 'liu',
  七: 'qi',
  八: 'ba',
  九: 'jiu',
  十: 'shi',
  百: 'bai',
  千: 'qian',
};

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Every clip the generator must make and the page may ask for. */
export const ALL_CLIPS: readonly string[] = [...Object.values(CHARACTER_CLIPS), ...LETTERS.map((l) => `letter-${l.toLowerCase()}`)];

/** Where a clip is served: beside the page, so it works from the host and from app://hall/. */
export function clipUrl(name: string): string {
  return `./sounds/zh/${name}.wav`;
}

/**
 * The clips for a sentence, in order. Letters are spelled; a run of digits written in the text (the
 * window number) is read as a Chinese number; spaces and punctuation are pauses we do not play.
 * A character without a clip (a hall's own wording in the template, say "先生") is skipped: the
 * rest of the sentence is still said, which is better than saying nothing at all.
 */
export function clipsFor(text: string): string[] {
  const clips: string[] = [];
  for (const token of text.match(/\d+|./gu) ?? []) {
    if (/^\d+$/.test(token)) {
      const value = Number(token);
      const spoken = token.length <= 4 ? chineseNatural(value) : token.replace(/\d/g, (d) => chineseNatural(Number(d)));
      for (const char of spoken) clips.push(CHARACTER_CLIPS[char] as string);
      continue;
    }
    const upper = token.toUpperCase();
    if (/^[A-Z]$/.test(upper)) clips.push(`letter-${upper.toLowerCase()}`);
    else if (CHARACTER_CLIPS[token]) clips.push(CHARACTER_CLIPS[token]);
  }
  return clips;
}
