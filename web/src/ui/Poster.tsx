// A poster in a fixed 2:3 box: no layout shift whether the image is there, late or missing.
export function Poster({ url, title, size = 'md', priority = false }: { url: string | null | undefined; title: string; size?: 'sm' | 'md' | 'lg'; priority?: boolean }) {
  return (
    <span className={`poster poster-${size}`}>
      {url ? (
        <img src={url} alt="" loading={priority ? 'eager' : 'lazy'} decoding="async" />
      ) : (
        <span className="poster-fallback" aria-hidden="true">
          {title}
        </span>
      )}
    </span>
  );
}
