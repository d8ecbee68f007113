import { useEffect } from 'react';

/** Sets the document title for the page on screen: "Title · Marquee". */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Marquee` : 'Marquee';
  }, [title]);
}
