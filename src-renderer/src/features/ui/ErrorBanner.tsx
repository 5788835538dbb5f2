import type { UiError } from '../../api/ui-error.ts';

export interface ErrorBannerProps {
  error: UiError;
  onRetry?: () => void;
}

export function ErrorBanner({ error, onRetry }: ErrorBannerProps) {
  return (
    <div className="error-banner" role="alert">
      <span className="error-banner-code">{error.code}</span>
      <span className="error-banner-message">{error.message}</span>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
