import type { ButtonHTMLAttributes } from 'react';
import { Link, type LinkProps } from '../app/router.tsx';

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

export function ButtonLink({ variant = 'primary', className, ...rest }: LinkProps & { variant?: Variant }) {
  return <Link className={`btn btn-${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}
