// One ECharts chart (bar or pie), drawn on canvas; only the dashboard's chunks import this file.
// The option's shape (axes, grid, styles) is set once; a refresh hands ECharts only the data, and
// only when it differs from what is drawn: the wall refreshes every second for a whole day, and a
// full `notMerge` option each time made ECharts rebuild every model and view on each refresh.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { sameItems } from './same-items';

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

type Kind = ChartProps['kind'];

/** Everything but the data: set once per chart (again only if its kind or look changes). */
function layoutOption(kind: Kind, fontSize: number, dark: boolean): echarts.EChartsCoreOption {
  const text = { fontSize, color: dark ? '#e8eef6' : '#22303f' };
  return kind === 'bar'
    ? {
        animation: false,
        grid: { left: 8, right: 8, top: fontSize * 2, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: [], axisLabel: text },
        yAxis: { type: 'value', minInterval: 1, axisLabel: text, splitLine: { lineStyle: { color: dark ? '#33475e' : '#dde3ea' } } },
        series: [{ type: 'bar', data: [], label: { show: true, position: 'top', ...text }, itemStyle: { color: '#4fa3ff' } }],
      }
    : {
        animation: false,
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, textStyle: text },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: [], label: { ...text, formatter: '{b}: {c}' } }],
      };
}

/** The data alone, merged into the layout above (the categories only when they changed). */
function dataOption(kind: Kind, labels: string[], values: number[], labelsChanged: boolean): echarts.EChartsCoreOption {
  if (kind === 'pie') return { series: [{ data: labels.map((name, i) => ({ name, value: values[i] })) }] };
  return labelsChanged ? { xAxis: { data: labels }, series: [{ data: values }] } : { series: [{ data: values }] };
}

export function Chart({ kind, labels, values, fontSize = 14, height, testId, onPick, dark = false }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  /** What the chart shows now: its look, and the data drawn last (null: none yet). */
  const drawn = useRef<{ look: string; labels: string[]; values: number[] } | null>(null);
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
    if (!c) return;
    const look = `${kind} ${fontSize} ${dark}`;
    let last = drawn.current;
    if (last?.look !== look) {
      c.setOption(layoutOption(kind, fontSize, dark), true);
      last = null;
    }
    if (last && sameItems(last.labels, labels) && sameItems(last.values, values)) return;
    c.setOption(dataOption(kind, labels, values, !last || !sameItems(last.labels, labels)));
    drawn.current = { look, labels, values };
  }, [kind, labels, values, fontSize, dark]);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
