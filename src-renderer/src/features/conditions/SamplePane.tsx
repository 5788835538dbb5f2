import { useEffect, useId, useState } from 'react';
import { catalogEvents } from '../../../../src-shared/vendors/catalogs.ts';
import { formatTime } from '../../format/time-format.ts';
import { useConditionPlayground } from '../../stores/condition-playground-store.ts';
import { useFire } from '../../stores/fire-store.ts';
import { useNavigation } from '../../stores/navigation-store.ts';
import { useReceiver } from '../../stores/receiver-store.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { captureTarget } from '../../../../src-shared/domain/capture-target.ts';
import { JsonObjectEditor } from '../ui/JsonObjectEditor.tsx';

const CONDITION_EVENTS = catalogEvents('sentinel-ems').filter((event) => event.conditionsAllowed);

/** Hands the sample to the Fire page as the state of `eventName`, and goes there. */
function fireSample(eventName: string, stateText: string, sampleOrigin: string) {
  useFire.getState().setDraft({ eventName, stateText, origin: `From the Conditions playground (${sampleOrigin || 'sample'})` });
  useNavigation.getState().go('fire');
}

/** The payload a condition is tried on: generated for an event, taken from a capture, or edited by hand. */
export function SamplePane({ parseError }: { parseError: string | null }) {
  const controlId = useId();
  const sampleText = useConditionPlayground((state) => state.sampleText);
  const sampleOrigin = useConditionPlayground((state) => state.sampleOrigin);
  const loading = useConditionPlayground((state) => state.loading);
  const error = useConditionPlayground((state) => state.error);
  const captures = useReceiver((state) => state.captures);
  const [eventName, setEventName] = useState(CONDITION_EVENTS[0]?.name ?? '');
  const [seed, setSeed] = useState('');
  const store = useConditionPlayground.getState();

  useEffect(() => {
    void useReceiver.getState().fetchAll();
    if (useConditionPlayground.getState().sampleText === '' && CONDITION_EVENTS[0]) {
      void useConditionPlayground.getState().generate(CONDITION_EVENTS[0].name, 1);
    }
  }, []);

  const seedNumber = /^-?\d{1,15}$/.test(seed.trim()) ? Number(seed.trim()) : undefined;

  return (
    <div className="sample-pane" data-testid="sample-pane">
      <div className="sample-sources">
        <div className="input-group">
          <select
            id={`${controlId}-event`}
            className="input input-small"
            aria-label="Event to generate a sample for"
            value={eventName}
            onChange={(event) => setEventName(event.target.value)}
          >
            {CONDITION_EVENTS.map((event) => (
              <option key={event.name} value={event.name}>
                {event.name}
              </option>
            ))}
          </select>
          <input
            className="input input-small mono sample-seed"
            aria-label="Seed"
            placeholder="seed"
            inputMode="numeric"
            value={seed}
            onChange={(event) => setSeed(event.target.value)}
          />
          <button
            type="button"
            className="button button-small"
            disabled={loading}
            onClick={() => void store.generate(eventName, seedNumber)}
            data-testid="generate-sample"
          >
            Generate
          </button>
        </div>
        <select
          className="input input-small"
          aria-label="Use a captured request as the sample"
          value=""
          disabled={captures.length === 0}
          onChange={(event) => event.target.value && void store.loadCapture(event.target.value)}
          data-testid="capture-sample"
        >
          <option value="">{captures.length === 0 ? 'No captures yet' : 'From a capture…'}</option>
          {captures.map((capture) => (
            <option key={capture.id} value={capture.id}>
              {formatTime(capture.receivedAt)} {capture.method} {captureTarget(capture)}
            </option>
          ))}
        </select>
      </div>
      <div className="sample-origin-line">
        <p className="muted small sample-origin" data-testid="sample-origin">
          {sampleOrigin || 'No sample yet'} · the entity's current state, as conditions see it
        </p>
        <button
          type="button"
          className="button button-small"
          disabled={sampleText.trim() === '' || parseError !== null}
          title={`Open the Fire page with this sample as the current state of “${eventName}”`}
          onClick={() => fireSample(eventName, sampleText, sampleOrigin)}
          data-testid="fire-sample"
        >
          Fire this sample
        </button>
      </div>
      {error && <ErrorBanner error={error} />}
      <JsonObjectEditor
        value={sampleText}
        onChange={(text) => store.setSampleText(text)}
        label="Sample payload"
        error={parseError}
        errorTestId="sample-error"
        className="sample-editor"
      />
    </div>
  );
}
