import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';
import { classNames } from '../shared/class-names';
import { Spinner } from '../spinner/spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  /**
   * Shows a spinner and ignores clicks while an action runs. The button stays focusable (it is
   * `aria-disabled`, not `disabled`), so keyboard users do not lose their place.
   */
  loading?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A button; `type` defaults to `button` so it never submits a form by accident. */
export function Button({
  variant = 'secondary',
  size = 'md',
  loading = false,
  type = 'button',
  className,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={classNames('atr-button', className)}
      data-variant={variant}
      data-size={size}
      data-state={loading ? 'loading' : 'idle'}
      aria-disabled={loading || undefined}
      aria-busy={loading || undefined}
      onClick={handleClick}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}
