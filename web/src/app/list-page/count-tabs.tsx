import { useQueries } from '@tanstack/react-query';
import { Badge, Tabs } from 'antd';
import { api } from '../api-client';

/** A tab label with its count. */
export function CountLabel({
  label,
  count,
  testId,
  color = '#bfbfbf',
}: {
  label: string;
  count?: number;
  testId: string;
  /** The badge's colour; grey unless the tab asks for attention. */
  color?: string;
}) {
  return (
    <span data-testid={testId}>
      {label}
      {count !== undefined && (
        <Badge count={count} showZero overflowCount={99999} color={color} style={{ marginInlineStart: 6 }} />
      )}
    </span>
  );
}

/** Tabs over one filter of a list (a status, a year), each with how many records it holds. */
export function CountTabs<TKey extends string>(props: {
  tabs: readonly { key: TKey; label: string; count?: number; color?: string }[];
  activeKey: string | undefined;
  onChange: (key: TKey) => void;
  /** Each tab's label carries `${testIdPrefix}-${key}`. */
  testIdPrefix: string;
  testId?: string;
}) {
  return (
    <Tabs
      data-testid={props.testId}
      activeKey={props.activeKey}
      onChange={(key) => props.onChange(key as TKey)}
      items={props.tabs.map((tab) => ({
        key: tab.key,
        label: (
          <CountLabel
            label={tab.label}
            count={tab.count}
            color={tab.color}
            testId={`${props.testIdPrefix}-${tab.key}`}
          />
        ),
      }))}
    />
  );
}

/**
 * One `pageSize=1` request per tab, read only for its `total`, so each tab shows its count
 * under the other filters of the page.
 */
export function useTabCounts<TKey extends string>(
  keys: readonly TKey[],
  queryKey: readonly unknown[],
  url: (key: TKey) => string,
): (number | undefined)[] {
  const counts = useQueries({
    queries: keys.map((key) => ({
      queryKey: [...queryKey, 'count', key],
      queryFn: () => api.get<{ total: number }>(url(key)),
    })),
  });
  return counts.map((count) => count.data?.total);
}
