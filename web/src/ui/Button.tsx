import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, Ref } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Work in progress: the button stays the same size, says so to screen readers, ignores clicks. */
  busy?: boolean;
  size?: 'md' | 'lg';
}

export function Button({
  variant = 'primary',
  busy = false,
  size = 'md',
  className,
  disabled,
  children,
  type = 'button',
  onClick,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`btn btn-${variant}${size === 'lg' ? ' btn-lg' : ''}${busy ? ' is-busy' : ''}${className ? ` ${className}` : ''}`}
      disabled={disabled}
      aria-busy={busy || undefined}
      onClick={busy ? (e) => e.preventDefault() : onClick}
      {...rest}
    >
      {children}
    </button>
  );
}

function ButtonAnchor({
  variant = 'primary',
  className,
  ref,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: Variant; ref?: Ref<HTMLAnchorElement> }) {
  return <a ref={ref} className={`btn btn-${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}

/** A typed router link that looks like a button: `<ButtonLink to="/staff/halls/$id" params={{ id }}>`. */
export const ButtonLink = createLink(ButtonAnchor);
