import { CopyButton } from './CopyButton.tsx';

/** A shell command to try, shown whole and copyable (the empty states' "try this"). */
export function CommandLine({ command }: { command: string }) {
  return (
    <div className="command-line">
      <code>{command}</code>
      <CopyButton text={command} label="Copy command" />
    </div>
  );
}
