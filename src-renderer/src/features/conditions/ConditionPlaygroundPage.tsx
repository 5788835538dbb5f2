import { useConditionPlayground } from '../../stores/condition-playground-store.ts';
import { ConditionWorkbench } from './ConditionWorkbench.tsx';
import { useParsedSample } from './parsed-sample.ts';
import { SamplePane } from './SamplePane.tsx';

/** Write a trigger condition and see at once whether, and why, it matches a realistic payload. */
export function ConditionPlaygroundPage() {
  const condition = useConditionPlayground((state) => state.condition);
  const sampleText = useConditionPlayground((state) => state.sampleText);
  const { sample, error } = useParsedSample(sampleText);

  return (
    <div className="split split-even">
      <section className="pane pane-list" aria-label="Condition">
        <div className="pane-toolbar">
          <h2 className="pane-title">Trigger condition</h2>
          <span className="muted small">Sentinel EMS JEXL: paths, 'strings', == != && || ( ), * and [*]</span>
        </div>
        <div className="pane-scroll">
          <ConditionWorkbench condition={condition} onChange={(next) => useConditionPlayground.getState().setCondition(next)} sample={sample} editorLines={6} />
        </div>
      </section>
      <section className="pane pane-detail" aria-label="Sample payload">
        <div className="pane-toolbar">
          <h2 className="pane-title">Sample payload</h2>
        </div>
        <SamplePane parseError={error} />
      </section>
    </div>
  );
}
