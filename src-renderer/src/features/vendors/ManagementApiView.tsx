import { Fragment } from 'react';
import type { VendorApiAccess, VendorApiAssumption, VendorApisState } from '../../../../src-shared/domain/vendor-api.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { KeyValueList } from '../ui/KeyValueList.tsx';
import { SecretValue } from '../ui/SecretValue.tsx';
import { Section } from '../ui/Section.tsx';
import { VendorApiSwitch } from './VendorApiSwitch.tsx';

function AssumptionList({ assumptions, testId }: { assumptions: readonly VendorApiAssumption[]; testId: string }) {
  return (
    <ul className="plain-list vendor-api-assumptions" data-testid={testId}>
      {assumptions.map((assumption) => (
        <li key={assumption.subject}>
          <strong>{assumption.subject}</strong>: {assumption.choice}
          <span className="muted small vendor-api-assumption-why">Why: {assumption.why}</span>
        </li>
      ))}
    </ul>
  );
}

function AccessFacts({ access }: { access: VendorApiAccess }) {
  return (
    <KeyValueList
      label="How to reach the API"
      testId="vendor-api-access"
      items={[
        [
          'Base URL',
          access.baseUrl ? (
            <span className="input-group">
              <code className="mono row-ellipsis" data-testid="vendor-api-base-url">
                {access.baseUrl}
              </code>
              <CopyButton text={access.baseUrl} label="Copy base URL" />
            </span>
          ) : (
            <span className="pill pill-muted" data-testid="vendor-api-base-url">
              Off
            </span>
          ),
        ],
        ['Authentication', access.authentication],
        ...access.credentials.map(
          (credential) =>
            [
              credential.name,
              credential.secret ? (
                <SecretValue value={credential.value} name={credential.name} testId="vendor-api-secret" />
              ) : (
                <span className="input-group">
                  <code className="mono row-ellipsis">{credential.value}</code>
                  <CopyButton text={credential.value} label={`Copy ${credential.name}`} />
                </span>
              ),
            ] as const,
        ),
      ]}
    />
  );
}

/** A path that wraps after its slashes, never inside a parameter name. */
function PathText({ path }: { path: string }) {
  return path.split(/(?<=\/)/).map((segment, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one fixed path, never reordered.
    <Fragment key={index}>
      {segment}
      <wbr />
    </Fragment>
  ));
}

function EndpointTable({ access }: { access: VendorApiAccess }) {
  if (access.endpoints.length === 0) return <p className="muted small">No operations yet.</p>;
  return (
    <table className="vendor-api-endpoints" aria-label={`${access.label} API operations`} data-testid="vendor-api-endpoints">
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Path (after the base URL)</th>
          <th scope="col">What it does</th>
        </tr>
      </thead>
      <tbody>
        {access.endpoints.map((endpoint) => (
          <tr key={`${endpoint.method} ${endpoint.path}`} data-testid="vendor-api-endpoint">
            <td className="mono method">{endpoint.method}</td>
            <td className="mono">
              <PathText path={endpoint.path} />
              {endpoint.assumed && (
                <span className="pill pill-warning vendor-api-assumed" title="Not in the vendor's documentation: a Hooklab choice, listed under Assumptions">
                  assumed
                </span>
              )}
            </td>
            <td>{endpoint.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A vendor's emulated management API: the switch, where it listens, the credentials to use, its operations and every choice Hooklab made for it. */
export function ManagementApiView({ state, access }: { state: VendorApisState; access: VendorApiAccess }) {
  const own = state.assumptions.filter((assumption) => assumption.vendor === access.vendor);
  const general = state.assumptions.filter((assumption) => assumption.vendor === null);
  return (
    <div data-testid="management-api">
      <Section title="Switch">
        <VendorApiSwitch state={state} />
      </Section>
      <Section title="Access">
        <div className="vendor-api-access">
          <AccessFacts access={access} />
        </div>
        <p className="field-hint">
          Credentials belong to this workspace; they are stored encrypted. The same values are printed by <code className="mono">hooklab vendor api</code>.
        </p>
      </Section>
      <Section title="Operations" count={access.endpoints.length}>
        <EndpointTable access={access} />
      </Section>
      <Section title="Assumptions" count={own.length + general.length}>
        <p className="field-hint">
          Where the vendor's documentation is silent, Hooklab chose; code written against these choices may need changes for production.
        </p>
        {own.length > 0 ? (
          <AssumptionList assumptions={own} testId="vendor-api-assumptions" />
        ) : (
          <p className="muted small">None specific to {access.label}.</p>
        )}
        <h4 className="subheading">All vendor APIs</h4>
        <AssumptionList assumptions={general} testId="vendor-api-general-assumptions" />
      </Section>
    </div>
  );
}
