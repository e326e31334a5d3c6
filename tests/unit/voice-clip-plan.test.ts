import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CLIPS, CHARACTER_CLIPS, clipsFor } from '../../renderer/display/voice/clip-plan';

const soundsDir = fileURLToPath(new URL('../../resources/sounds/zh/', import.meta.url));

describe('clipsFor', () => {
  it('plays the default sentence clip by clip, reading the window number as a Chinese number', () => {
    expect(clipsFor('请 A 零 一 二 号到 3 号窗口办理')).toEqual([
      'qing', 'letter-a', 'ling', 'yi', 'er', 'hao', 'dao', 'san', 'hao', 'chuang', 'kou', 'ban', 'li',
    ]);
    expect(clipsFor('到 12 号')).toEqual(['dao', 'shi', 'er', 'hao']);
    expect(clipsFor('105')).toEqual(['yi', 'bai', 'ling', 'wu']);
  });

  it('skips characters that have no clip and spells letters in either case', () => {
    expect(clipsFor('请 先生 b1')).toEqual(['qing', 'letter-b', 'yi']);
  });
});

describe('the bundled clips', () => {
  it('exist for every name the page may ask for, as small mono 16 kHz WAV files', () => {
    for (const name of ALL_CLIPS) {
      const path = `${soundsDir}${name}.wav`;
      expect(existsSync(path), name).toBe(true);
      const header = readFileSync(path).subarray(0, 44);
      expect(header.toString('ascii', 0, 4), name).toBe('RIFF');
      expect(header.readUInt16LE(22), `${name} channels`).toBe(1);
      expect(header.readUInt32LE(24), `${name} sample rate`).toBe(16000);
    }
  });

  it('cover every character of the default template and of numbers up to 9999', () => {
    for (const char of '请号到窗口办理零一二三四五六七八九十百千') expect(CHARACTER_CLIPS[char], char).toBeDefined();
  });
});
