// One ECharts chart (bar or pie), drawn on canvas; only the dashboard's chunks import this file. The
// layout is set once and a refresh hands ECharts only the data that changed (chart-option.ts).
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartUpdate, type ChartLook, type Drawn } from './chart-option';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartProps {
  kind: ChartLook['kind'];
  labels: string[];
  values: number[];
  /** Font size of axis labels and values. */
  fontSize?: number;
  height: number;
  testId?: string;
  onPick?: (index: number) => void;
}

export function Chart({ kind, labels, values, fontSize = 14, height, testId, onPick }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const drawn = useRef<Drawn | null>(null);
  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => pick.current?.(p.dataIndex));
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
      drawn.current = null;
    };
  }, []);
  useEffect(() => {
    const c = chart.current;
    const update = c ? chartUpdate(drawn.current, { kind, fontSize }, { labels, values }) : null;
    if (!c || !update) return;
    for (const { option, notMerge } of update.options) c.setOption(option, notMerge);
    drawn.current = update.drawn;
  }, [kind, labels, values, fontSize]);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
