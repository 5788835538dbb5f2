import { createPrivateKey, randomBytes } from 'node:crypto';
import { generateAccountKeyPair } from '../vendors/account-key.ts';
import { N_SIGNATURE_HEADER } from '../vendors/zentitle2/n-signature.ts';
import { BODY_SIGNERS } from '../vendors/vendor-registry.ts';
import { judgeRejected, type CheckCase } from './check-case.ts';
import { withBody, withHeaders, type CheckTarget } from './check-session.ts';
import { tamperedBody } from './tampered-body.ts';

function skipReason(target: CheckTarget): string | null {
  if (target.profile.catalog.signature !== 'n-signature') return `${target.profile.catalog.label} does not sign with N-Signature`;
  if (!target.account?.publicKeyPem) return 'the vendor account has no signing key yet';
  return null;
}

const REJECTION = 'a non-2xx answer';

export const nSignatureCases: CheckCase[] = [
  {
    id: 'n-signature.forged',
    family: 'n-signature',
    title: 'A forged N-Signature is rejected',
    required: true,
    expected: REJECTION,
    why: 'Anyone who knows the URL can post events; only the signature proves the vendor sent them.',
    skipReason,
    async run(session) {
      const valid = await session.delivery(session.event());
      const forged = withHeaders(valid, { [N_SIGNATURE_HEADER]: randomBytes(256).toString('base64') });
      return judgeRejected(await session.send(forged));
    },
  },
  {
    id: 'n-signature.tampered-body',
    family: 'n-signature',
    title: 'A body changed after signing is rejected',
    required: true,
    expected: REJECTION,
    why: 'A signature checked against a re-serialized body, or not at all, lets a changed body through.',
    skipReason,
    async run(session) {
      const valid = await session.delivery(session.event());
      return judgeRejected(await session.send(withBody(valid, tamperedBody(valid.body))));
    },
  },
  {
    id: 'n-signature.other-key',
    family: 'n-signature',
    title: 'A body signed by another key is rejected',
    required: true,
    expected: REJECTION,
    why: "A receiver that only checks the signature's form, not the account's public key, accepts anyone's signature.",
    skipReason,
    async run(session) {
      const valid = await session.delivery(session.event());
      const otherKey = createPrivateKey((await generateAccountKeyPair()).privateKeyPem);
      return judgeRejected(await session.send(withHeaders(valid, BODY_SIGNERS['n-signature'](valid.body, otherKey))));
    },
  },
];
