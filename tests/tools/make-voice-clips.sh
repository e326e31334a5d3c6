#!/usr/bin/env bash
# Makes the bundled voice clips the calling display plays when the computer has no Chinese system
# voice (renderer/display/voice/clip-plan.ts lists the names). Run at development time only; the
# WAV files it writes are committed, the app never runs espeak-ng.
#
#   sudo apt-get install espeak-ng sox
#   bash tests/tools/make-voice-clips.sh
#
# One clip per character: espeak-ng's Mandarin voice says it, sox makes it small (mono,
# 16 kHz, 16-bit), cuts the silence at both ends, keeps a short pause after it and evens the volume.
# At 190 words a minute the default sentence takes about 4 s, close to a person announcing it.
set -euo pipefail

# The Mandarin voice in its cmn-latn-pinyin variant: plain `cmn` turns a character into pinyin with
# a tone digit and then reads that pinyin as English ("请" → "king three"); this variant reads the
# pinyin as Mandarin. Single letters A–Z come out the same in both (A → ēi, B → bì, …).
voice=cmn-latn-pinyin

out="$(cd "$(dirname "$0")/../.." && pwd)/resources/sounds/zh"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# name:text — the names must match CHARACTER_CLIPS in clip-plan.ts.
clips=(
  qing:请 hao:号 dao:到 chuang:窗 kou:口 ban:办 li:理
  ling:零 yi:一 er:二 san:三 si:四 wu:五 liu:六 qi:七 ba:八 jiu:九 shi:十 bai:百 qian:千
)
for letter in {A..Z}; do
  clips+=("letter-${letter,,}:${letter}")
done

for clip in "${clips[@]}"; do
  name="${clip%%:*}"
  text="${clip#*:}"
  espeak-ng -v "$voice" -s 190 -w "$tmp/$name.wav" "$text"
  sox "$tmp/$name.wav" -r 16000 -c 1 -b 16 "$out/$name.wav" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse \
    pad 0 0.04 norm -1
done

echo "wrote ${#clips[@]} clips to $out"
