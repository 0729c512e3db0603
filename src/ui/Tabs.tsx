import clsx from 'clsx';
import { useRef, type KeyboardEvent } from 'react';

export interface TabItem {
  value: string;
  label: string;
}

interface TabsProps {
  items: TabItem[];
  active: string;
  onSelect(value: string): void;
  /** id of the element that names the tab list (the snippet's title). */
  labelledBy: string;
  tabId(value: string): string;
  panelId: string;
}

// Which way each key moves, for left-to-right text; flipped when the page reads right to left.
const STEP: Record<string, number | 'first' | 'last'> = { ArrowRight: 1, ArrowLeft: -1, Home: 'first', End: 'last' };

/**
 * The WAI-ARIA tabs pattern: one tab stop (roving tabindex), arrows move and select
 * (automatic activation: panels here appear at once), Home/End jump to the ends.
 */
export function Tabs({ items, active, onSelect, labelledBy, tabId, panelId }: TabsProps) {
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = STEP[event.key];
    if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const index = items.findIndex((item) => item.value === active);
    const rtl = list.current ? getComputedStyle(list.current).direction === 'rtl' : false;
    const next =
      step === 'first' ? 0 : step === 'last' ? items.length - 1 : (index + (rtl ? -step : step) + items.length) % items.length;
    const target = items[next];
    if (!target) return;
    onSelect(target.value);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-labelledby={labelledBy} className="tabs">
      {items.map((item) => {
        const selected = item.value === active;
        return (
          <button
            key={item.value}
            type="button"
            role="tab"
            id={tabId(item.value)}
            data-lang={item.value}
            data-state={selected ? 'active' : 'inactive'}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={clsx('tab', selected && 'tab-active')}
            onClick={() => onSelect(item.value)}
            onKeyDown={onKeyDown}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
