import { CopyButton } from './CopyButton.tsx';

/** An identifier shown in a detail header ("Delivery id"), with a button to copy it. */
export function CopyableId({ id, name }: { id: string; name: string }) {
  return (
    <>
      <span className="mono muted small" title={name}>
        {id}
      </span>
      <CopyButton text={id} label={`Copy ${name.toLowerCase()}`} />
    </>
  );
}
