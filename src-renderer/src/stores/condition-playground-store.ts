import { create } from 'zustand';
import { appApi } from '../api/app-api.ts';
import { toUiError, type UiError } from '../api/ui-error.ts';

const EXAMPLE_CONDITION = "(entitlement.customer.name == 'Sam Smith' && entitlement.state == 'ENABLE') || entitlement.contact.externalId == '617AWUD'";

interface PlaygroundState {
  condition: string;
  /** The sample as the user edits it: JSON text, parsed by the page. */
  sampleText: string;
  /** Where the sample came from, e.g. "Generated Entitlement Added (seed 42)". */
  sampleOrigin: string;
  loading: boolean;
  error: UiError | null;
  setCondition(condition: string): void;
  setSampleText(text: string): void;
  generate(eventName: string, seed?: number): Promise<void>;
  loadCapture(id: string): Promise<void>;
}

/** The current state inside a Sentinel notification body is a JSON string; a bare state is taken as is. */
function stateOfCapturedBody(text: string): Record<string, unknown> {
  const body: unknown = JSON.parse(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the captured body is not a JSON object');
  const { currentState } = body as Record<string, unknown>;
  if (typeof currentState === 'string' && currentState !== '') return JSON.parse(currentState) as Record<string, unknown>;
  if (typeof currentState === 'object' && currentState !== null) return currentState as Record<string, unknown>;
  return body as Record<string, unknown>;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** Kept across page switches, so a condition being worked on is never lost by navigating. */
export const useConditionPlayground = create<PlaygroundState>()((set) => ({
  condition: EXAMPLE_CONDITION,
  sampleText: '',
  sampleOrigin: '',
  loading: false,
  error: null,
  setCondition(condition) {
    set({ condition });
  },
  setSampleText(sampleText) {
    set({ sampleText, sampleOrigin: 'Edited sample' });
  },
  async generate(eventName, seed) {
    set({ loading: true, error: null });
    try {
      const sample = await appApi().generateSampleState({ eventName, seed });
      set({
        sampleText: pretty(sample.currentState ?? {}),
        sampleOrigin: `Generated “${eventName}”${seed === undefined ? '' : ` (seed ${seed})`}`,
        loading: false,
      });
    } catch (error) {
      set({ loading: false, error: toUiError(error) });
    }
  },
  async loadCapture(id) {
    set({ loading: true, error: null });
    try {
      const capture = await appApi().getCapture({ id });
      if (capture.body.encoding !== 'utf8') throw new Error('the captured body is binary, not JSON');
      set({ sampleText: pretty(stateOfCapturedBody(capture.body.text)), sampleOrigin: `Captured ${capture.method} /r/${capture.bin}`, loading: false });
    } catch (error) {
      set({ loading: false, error: toUiError(error) });
    }
  },
}));
