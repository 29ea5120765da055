import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from './echart';

echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  CanvasRenderer,
]);

interface Point {
  label: string;
  value: number | null;
}

/** A figure's months as bars and its years as a line, side by side. */
export function TrendChart(props: {
  months: Point[];
  years: Point[];
  unit: string;
  monthsTitle: string;
  yearsTitle: string;
}) {
  const option = (title: string, points: Point[], type: 'bar' | 'line') => ({
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number | null) => (value === null ? '—' : `${value}${props.unit}`),
    },
    grid: { left: 48, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: points.map((point) => point.label) },
    yAxis: { type: 'value', name: props.unit },
    series: [
      {
        type,
        data: points.map((point) => point.value),
        itemStyle: { color: '#1677ff' },
        smooth: type === 'line',
      },
    ],
  });
  return (
    <div style={{ display: 'flex', gap: 16 }} data-testid="figure-trend">
      {props.months.length > 0 && (
        <EChart option={option(props.monthsTitle, props.months, 'bar')} style={{ height: 260, flex: 1 }} />
      )}
      <EChart option={option(props.yearsTitle, props.years, 'line')} style={{ height: 260, flex: 1 }} />
    </div>
  );
}

/** Groups as horizontal bars; clicking a bar picks that group. */
export function BreakdownChart(props: { rows: Point[]; unit: string; onPick: (label: string) => void }) {
  const rows = [...props.rows].reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 120, right: 32, top: 8, bottom: 24 },
    xAxis: { type: 'value', name: props.unit },
    yAxis: { type: 'category', data: rows.map((row) => row.label) },
    series: [{ type: 'bar', data: rows.map((row) => row.value), itemStyle: { color: '#1677ff' } }],
  };
  return (
    <EChart
      option={option}
      style={{ height: Math.max(160, rows.length * 28 + 40) }}
      onClick={props.onPick}
      testId="figure-breakdown-chart"
    />
  );
}

/** Steps from the widest to the narrowest (评价入库 → 培育库 → 申报 → 认定); clicking a step opens it. */
export function StepsFunnel(props: {
  steps: { key: string; label: string; value: number }[];
  onPick: (key: string) => void;
}) {
  const option = {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        label: { position: 'inside', formatter: '{b}\n{c}' },
        data: props.steps.map((step) => ({ name: step.label, value: step.value })),
      },
    ],
  };
  return (
    <EChart
      option={option}
      style={{ height: 280 }}
      onClick={(name) => {
        const step = props.steps.find((item) => item.label === name);
        if (step) props.onPick(step.key);
      }}
      testId="dashboard-funnel"
    />
  );
}
