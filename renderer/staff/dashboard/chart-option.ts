// What the dashboard's charts hand ECharts: the layout once, then only the data that changed. The
// dashboard refreshes up to once a second; a full `notMerge` option each time made ECharts rebuild
// every model and view on each refresh.
import type { EChartsCoreOption } from 'echarts/core';
import { sameItems } from './same-items';

export interface ChartLook {
  kind: 'bar' | 'pie';
  fontSize: number;
}

export interface ChartData {
  labels: readonly string[];
  values: readonly number[];
}

/** What a chart shows now: its look and the data drawn last. */
export interface Drawn extends ChartData {
  look: string;
}

const lookKey = (l: ChartLook) => `${l.kind} ${l.fontSize}`;

/** Everything but the data. */
function layoutOption({ kind, fontSize }: ChartLook): EChartsCoreOption {
  const text = { fontSize, color: '#22303f' };
  return kind === 'bar'
    ? {
        animation: false,
        grid: { left: 8, right: 8, top: fontSize * 2, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: [], axisLabel: text },
        yAxis: { type: 'value', minInterval: 1, axisLabel: text, splitLine: { lineStyle: { color: '#dde3ea' } } },
        series: [{ type: 'bar', data: [], label: { show: true, position: 'top', ...text }, itemStyle: { color: '#4fa3ff' } }],
      }
    : {
        animation: false,
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, textStyle: text },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: [], label: { ...text, formatter: '{b}: {c}' } }],
      };
}

/**
 * The options to hand ECharts, in order, to go from what is drawn to what is wanted: none when it
 * shows that already; the layout (replacing everything) when there is none yet or the look changed;
 * then the data alone, merged in (the categories only when they changed).
 */
export function chartUpdate(drawn: Drawn | null, look: ChartLook, data: ChartData): { options: Array<{ option: EChartsCoreOption; notMerge: boolean }>; drawn: Drawn } | null {
  if (showsAlready(drawn, look, data)) return null;
  const key = lookKey(look);
  const last = drawn?.look === key ? drawn : null;
  const labelsChanged = !last || !sameItems(last.labels, data.labels);
  const options: Array<{ option: EChartsCoreOption; notMerge: boolean }> = last ? [] : [{ option: layoutOption(look), notMerge: true }];
  const labels = [...data.labels];
  const values = [...data.values];
  options.push({
    option: look.kind === 'pie'
      ? { series: [{ data: labels.map((name, i) => ({ name, value: values[i] })) }] }
      : labelsChanged ? { xAxis: { data: labels }, series: [{ data: values }] } : { series: [{ data: values }] },
    notMerge: false,
  });
  return { options, drawn: { look: key, labels, values } };
}

/** Whether `drawn` already shows this data in this look (a refresh where only other figures changed). */
export function showsAlready(drawn: Drawn | null, look: ChartLook, data: ChartData): boolean {
  return drawn !== null && drawn.look === lookKey(look) && sameItems(drawn.labels, data.labels) && sameItems(drawn.values, data.values);
}
