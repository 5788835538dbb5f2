import { useState } from 'react';
import { ExportWorkspaceDialog } from './ExportWorkspaceDialog.tsx';
import { ImportWorkspaceDialog } from './ImportWorkspaceDialog.tsx';

/** The workspace as a file: everything configured here, out to share or back in from one. */
export function WorkspaceFileButtons() {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  return (
    <div className="workspace-file-buttons" role="group" aria-label="Workspace file">
      <span className="workspace-file-title">Workspace</span>
      <button type="button" className="button button-small" data-testid="workspace-export" onClick={() => setOpen('export')}>
        Export workspace…
      </button>
      <button type="button" className="button button-small" data-testid="workspace-import" onClick={() => setOpen('import')}>
        Import workspace…
      </button>
      <ExportWorkspaceDialog open={open === 'export'} onClose={() => setOpen(null)} />
      <ImportWorkspaceDialog open={open === 'import'} onClose={() => setOpen(null)} />
    </div>
  );
}
