import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useRef } from 'react';
import type { MenuImplProps } from './Menu';

/** The menu itself (role menu / menuitem, from Radix), loaded with the first menu a user reaches. */
export default function MenuImpl({
  label,
  trigger,
  items,
  describedBy,
  openAtOnce = false,
  focusAtOnce = false,
}: MenuImplProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAtOnce) button.current?.focus();
  }, [focusAtOnce]);
  return (
    <DropdownMenu.Root modal={false} defaultOpen={openAtOnce}>
      <DropdownMenu.Trigger asChild>
        <button
          ref={button}
          type="button"
          className="button button--icon"
          aria-label={label}
          aria-describedby={describedBy}
        >
          {trigger}
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          {items.map((item) => (
            <DropdownMenu.Item
              key={item.label}
              className={item.danger ? 'menu__item menu__item--danger' : 'menu__item'}
              onSelect={item.onSelect}
            >
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
