import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useControllableState } from '../shared/use-controllable-state';

export interface TabItem {
  value: string;
  label: ReactNode;
  content: ReactNode;
  disabled?: boolean;
}

export interface TabsProps {
  /** Names the tab list for screen readers. */
  label: string;
  items: readonly TabItem[];
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
}

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop for the list, arrow keys (and Home, End)
 * move between tabs and show the one they reach, disabled tabs are skipped. Only the selected
 * panel's content is mounted.
 */
export function Tabs({ label, items, value, defaultValue, onValueChange }: TabsProps) {
  const firstEnabled = items.find((item) => !item.disabled)?.value ?? '';
  const [selected, setSelected] = useControllableState(value, defaultValue ?? firstEnabled, onValueChange);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const baseId = `atr-tabs-${useId()}`;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const enabled = items.filter((item) => !item.disabled);
    const index = enabled.findIndex((item) => item.value === selected);
    const target = nextTab(event.key, index, enabled.length);
    if (target === undefined) return;
    event.preventDefault();
    const next = enabled[target];
    if (next === undefined) return;
    setSelected(next.value);
    tabs.current.get(next.value)?.focus();
  };

  return (
    <div className="atr-tabs">
      <div role="tablist" aria-label={label} className="atr-tablist">
        {items.map((item) => {
          const active = item.value === selected;
          return (
            <button
              key={item.value}
              ref={(element) => {
                if (element) tabs.current.set(item.value, element);
                else tabs.current.delete(item.value);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${item.value}`}
              aria-selected={active}
              aria-controls={`${baseId}-panel-${item.value}`}
              tabIndex={active ? 0 : -1}
              disabled={item.disabled}
              className="atr-tab"
              data-state={active ? 'active' : 'inactive'}
              onClick={() => setSelected(item.value)}
              onKeyDown={onKeyDown}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => {
        const active = item.value === selected;
        return (
          <div
            key={item.value}
            role="tabpanel"
            id={`${baseId}-panel-${item.value}`}
            aria-labelledby={`${baseId}-tab-${item.value}`}
            hidden={!active}
            className="atr-tabpanel"
            data-state={active ? 'active' : 'inactive'}
          >
            {active && item.content}
          </div>
        );
      })}
    </div>
  );
}

function nextTab(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
