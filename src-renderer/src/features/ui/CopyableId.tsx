import { CopyButton } from './CopyButton.tsx';

/**
 * An identifier shown in a detail header ("Delivery id"), with a button to copy it. Where the
 * header is narrow it gives way first, to its start and an ellipsis, never to a second line.
 */
export function CopyableId({ id, name }: { id: string; name: string }) {
  return (
    <>
      <span className="mono muted small copyable-id" title={`${name}: ${id}`}>
        {id}
      </span>
      <CopyButton text={id} label={`Copy ${name.toLowerCase()}`} />
    </>
  );
}
