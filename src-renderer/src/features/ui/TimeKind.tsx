const KINDS = {
  engine: {
    label: 'engine',
    title:
      'Engine time (vendor time): the clock the engine schedules retries, scenario steps and stamps events and captures with; the time scale runs it faster than real time',
  },
  real: { label: 'real', title: 'Real (wall-clock) time' },
} as const;

/** Which clock a time is on, as a small tag beside it: the same marks everywhere a time is shown. */
export function TimeKind({ kind }: { kind: keyof typeof KINDS }) {
  const { label, title } = KINDS[kind];
  return (
    <span className={`time-kind time-kind-${kind}`} title={title}>
      {label}
    </span>
  );
}

/** A full timestamp on the engine clock, with its mark. */
export function EngineTimestamp({ text }: { text: string }) {
  return (
    <span className="mono">
      {text} <TimeKind kind="engine" />
    </span>
  );
}
