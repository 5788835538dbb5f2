interface ErrorListProps {
  messages: readonly string[];
  /** A line above the list, e.g. what did not happen because of them. */
  lead?: string;
  /** For entry paths and other machine text. */
  mono?: boolean;
  testId?: string;
}

/** Errors a form cannot place at one of its fields, listed where the user looks first. */
export function ErrorList({ messages, lead, mono = false, testId }: ErrorListProps) {
  if (messages.length === 0) return null;
  return (
    <div className="form-error form-error-list" role="alert" data-testid={testId}>
      {lead && <p>{lead}</p>}
      <ul>
        {messages.map((message) => (
          <li key={message} className={mono ? 'mono small' : undefined}>
            {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
