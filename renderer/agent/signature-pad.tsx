// The villager's signature or thumbprint on the touchscreen: strokes drawn with pointer events, kept
// as a list so the last one can be taken back and put again; the image goes to the node as a PNG.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useT } from '../shared/use-t';

type Stroke = { x: number; y: number }[];

export interface SignaturePadHandle {
  /** The drawing as a PNG, or null when nothing was drawn. */
  toBlob(): Promise<Blob | null>;
  toDataUrl(): string | null;
}

function draw(canvas: HTMLCanvasElement, strokes: readonly Stroke[]): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of strokes) {
    ctx.beginPath();
    s.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
    if (s.length === 1) ctx.lineTo(s[0]!.x + 0.5, s[0]!.y + 0.5);
    ctx.stroke();
  }
}

export const SignaturePad = forwardRef<SignaturePadHandle, { label: string; onChange?: (drawn: boolean) => void }>(function SignaturePad({ label, onChange }, ref) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [undone, setUndone] = useState<Stroke[]>([]);
  const current = useRef<Stroke | null>(null);

  useEffect(() => {
    if (canvas.current) draw(canvas.current, strokes);
    onChange?.(strokes.length > 0);
  }, [strokes, onChange]);

  useImperativeHandle(ref, () => ({
    toBlob: () => new Promise((resolve) => (strokes.length && canvas.current ? canvas.current.toBlob(resolve, 'image/png') : resolve(null))),
    toDataUrl: () => (strokes.length && canvas.current ? canvas.current.toDataURL('image/png') : null),
  }));

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * e.currentTarget.width) / r.width, y: ((e.clientY - r.top) * e.currentTarget.height) / r.height };
  };
  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        width={600}
        height={220}
        aria-label={label}
        role="img"
        data-testid="signature-canvas"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          current.current = [point(e)];
        }}
        onPointerMove={(e) => {
          if (!current.current || !canvas.current) return;
          current.current.push(point(e));
          draw(canvas.current, [...strokes, current.current]);
        }}
        onPointerUp={() => {
          if (current.current) setStrokes((s) => [...s, current.current!]);
          current.current = null;
          setUndone([]);
        }}
      />
      <div className="signature-tools">
        <button type="button" className="secondary" disabled={!strokes.length} onClick={() => { setUndone((u) => [...u, strokes[strokes.length - 1]!]); setStrokes((s) => s.slice(0, -1)); }}>
          {t('agent.signature.undo')}
        </button>
        <button type="button" className="secondary" disabled={!undone.length} onClick={() => { setStrokes((s) => [...s, undone[undone.length - 1]!]); setUndone((u) => u.slice(0, -1)); }}>
          {t('agent.signature.redo')}
        </button>
        <button type="button" className="secondary" disabled={!strokes.length} onClick={() => { setStrokes([]); setUndone([]); }}>
          {t('agent.signature.clear')}
        </button>
      </div>
    </div>
  );
});
