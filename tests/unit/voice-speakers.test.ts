import { describe, expect, it } from 'vitest';
import { pickChineseVoice } from '../../renderer/display/voice/speakers';

const voice = (name: string, lang: string) => ({ name, lang });

describe('pickChineseVoice', () => {
  it('prefers a zh-CN voice, then other Mandarin', () => {
    expect(pickChineseVoice([voice('en', 'en-US'), voice('tw', 'zh-TW'), voice('cn', 'zh-CN')])?.name).toBe('cn');
    expect(pickChineseVoice([voice('tw', 'zh-TW'), voice('cmn', 'cmn')])?.name).toBe('cmn');
    expect(pickChineseVoice([voice('under', 'zh_CN')])?.name).toBe('under');
  });

  it('uses no Cantonese or non-Chinese voice: the bundled clips are better then', () => {
    expect(pickChineseVoice([voice('hk', 'zh-HK'), voice('en', 'en-GB')])).toBeNull();
    expect(pickChineseVoice([])).toBeNull();
  });
});
