// One ECharts chart (bar or pie), drawn on canvas; only the dashboard's chunks import this file.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartProps {
  kind: 'bar' | 'pie';
  labels: string[];
  values: number[];
  /** Font size of axis labels and values: large on the wall. */
  fontSize?: number;
  height: number;
  testId?: string;
  onPick?: (index: number) => void;
  /** Light text on the wall's dark canvas. */
  dark?: boolean;
}

export function Chart({ kind, labels, values, fontSize = 14, height, testId, onPick, dark = false }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
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
    };
  }, []);
  useEffect(() => {
    const text = { fontSize, color: dark ? '#e8eef6' : '#22303f' };
    chart.current?.setOption(
      kind === 'bar'
        ? {
            animation: false,
            grid: { left: 8, right: 8, top: fontSize * 2, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: labels, axisLabel: text },
            yAxis: { type: 'value', minInterval: 1, axisLabel: text, splitLine: { lineStyle: { color: dark ? '#33475e' : '#dde3ea' } } },
            series: [{ type: 'bar', data: values, label: { show: true, position: 'top', ...text }, itemStyle: { color: '#4fa3ff' } }],
          }
        : {
            animation: false,
            tooltip: { trigger: 'item' },
            legend: { bottom: 0, textStyle: text },
            series: [{ type: 'pie', radius: ['35%', '65%'], data: labels.map((name, i) => ({ name, value: values[i] })), label: { ...text, formatter: '{b}: {c}' } }],
          },
      true,
    );
  }, [kind, labels, values, fontSize, dark]);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
