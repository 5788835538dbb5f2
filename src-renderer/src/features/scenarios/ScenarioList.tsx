import type { Scenario } from '../../../../src-shared/domain/scenario.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { ListBox } from '../ui/ListBox.tsx';

export interface ScenarioListProps {
  scenarios: readonly Scenario[];
  selectedId: string | null;
  /** Ids with unsaved edits. */
  drafted: ReadonlySet<string>;
  onSelect(id: string): void;
}

const scenarioId = (scenario: Scenario) => scenario.id;

export function ScenarioList({ scenarios, selectedId, drafted, onSelect }: ScenarioListProps) {
  return (
    <ListBox
      id="scenario-list"
      label="Scenarios"
      items={scenarios}
      itemId={scenarioId}
      selectedId={selectedId}
      onSelect={onSelect}
      testId="scenario-list"
      renderItem={(scenario) => (
        <div className="row-stack">
          <div className="row-line">
            <span className="row-title">{scenario.name}</span>
            {drafted.has(scenario.id) && (
              <span className="pill pill-warning" title="Edited, not saved yet">
                Unsaved
              </span>
            )}
            {scenario.builtIn && <span className="pill pill-muted">Built-in</span>}
          </div>
          <div className="row-line muted">
            <span className="row-ellipsis">{scenario.vendors.map((vendor) => vendorCatalogs[vendor].label).join(', ')}</span>
            <span className="row-meta">
              {scenario.steps.length} step{scenario.steps.length === 1 ? '' : 's'}
            </span>
          </div>
        </div>
      )}
    />
  );
}
