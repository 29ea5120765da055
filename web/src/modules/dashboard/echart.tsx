import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';

/**
 * One ECharts instance in a div: created on mount, given each new option, resized with its box,
 * disposed on unmount. `onClick` gets the name of the clicked category.
 */
export function EChart(props: {
  option: EChartsCoreOption;
  style: CSSProperties;
  onClick?: (name: string) => void;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current);
    chart.current = instance;
    instance.on('click', (event) => onClick.current?.(String(event.name)));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  return <div ref={box} style={props.style} data-testid={props.testId} />;
}
