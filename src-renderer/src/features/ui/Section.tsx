import { useId, type ReactNode } from 'react';

export interface SectionProps {
  title: string;
  /** Shown as a badge after the title, e.g. how many attempts. */
  count?: number;
  children: ReactNode;
}

/** A titled part of a detail pane or form; the title names the region for assistive tech. */
export function Section({ title, count, children }: SectionProps) {
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title}
        {count !== undefined && <span className="count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}
