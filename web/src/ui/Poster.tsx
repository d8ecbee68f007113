// A poster in a fixed 2:3 box: no layout shift whether the image is there, late or missing. The
// browser picks the smallest WebP copy that is sharp enough when the server offers several.
import type { ImageVariant } from '../api/types.ts';

const SIZES = { sm: '64px', md: '(max-width: 420px) 45vw, 180px', lg: '(max-width: 560px) 45vw, 260px' };

export function srcSetOf(variants: ImageVariant[] | undefined): string | undefined {
  const webp = (variants ?? []).filter((v) => v.format === 'webp');
  return webp.length > 1 ? webp.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined;
}

export function Poster({
  url,
  title,
  size = 'md',
  priority = false,
  variants,
}: {
  url: string | null | undefined;
  title: string;
  size?: 'sm' | 'md' | 'lg';
  priority?: boolean;
  variants?: ImageVariant[];
}) {
  const srcSet = srcSetOf(variants);
  return (
    <span className={`poster poster-${size}`}>
      {url ? (
        <img
          src={url}
          srcSet={srcSet}
          sizes={srcSet ? SIZES[size] : undefined}
          alt=""
          loading={priority ? 'eager' : 'lazy'}
          decoding="async"
        />
      ) : (
        <span className="poster-fallback" aria-hidden="true">
          {title}
        </span>
      )}
    </span>
  );
}
