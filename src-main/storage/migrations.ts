/**
 * Numbered migrations; `PRAGMA user_version` records the last one applied. Append only:
 * a migration that shipped is never edited.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * The migration rebuilds a table that others reference (SQLite's way to change a CHECK or a
   * column): it runs with foreign key enforcement off, as https://www.sqlite.org/lang_altertable.html
   * prescribes, and the references are checked before it commits.
   */
  rebuildsTables?: boolean;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE auth_profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('none', 'basic', 'bearer')),
        username TEXT,
        secret BLOB,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE webhooks (
        id TEXT PRIMARY KEY,
        vendor TEXT NOT NULL,
        name TEXT NOT NULL UNIQUE,
        events TEXT NOT NULL,
        endpoint_url TEXT NOT NULL,
        auth_profile_id TEXT REFERENCES auth_profiles(id) ON DELETE RESTRICT,
        activities TEXT NOT NULL,
        trigger_condition TEXT NOT NULL DEFAULT '',
        include_data INTEGER NOT NULL,
        enabled INTEGER NOT NULL,
        description TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        vendor TEXT NOT NULL,
        entity TEXT NOT NULL,
        event_name TEXT NOT NULL,
        activity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        op_time INTEGER NOT NULL,
        origin TEXT NOT NULL,
        previous_state TEXT,
        current_state TEXT,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        webhook_id TEXT NOT NULL,
        webhook_name TEXT NOT NULL,
        endpoint_url TEXT NOT NULL,
        status TEXT NOT NULL,
        attempt_count INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_status_code INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at);
      CREATE INDEX deliveries_event ON deliveries(event_id);
      CREATE INDEX deliveries_webhook ON deliveries(webhook_id, created_at);
      CREATE INDEX deliveries_created ON deliveries(created_at);

      CREATE TABLE attempts (
        id TEXT PRIMARY KEY,
        delivery_id TEXT NOT NULL REFERENCES deliveries(id),
        number INTEGER NOT NULL,
        scheduled_at INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        request_method TEXT NOT NULL,
        request_url TEXT NOT NULL,
        request_headers TEXT NOT NULL,
        request_body TEXT NOT NULL,
        response_status INTEGER,
        response_headers TEXT,
        response_body TEXT,
        error TEXT
      );
      CREATE INDEX attempts_delivery ON attempts(delivery_id, number);

      CREATE TABLE bins (
        name TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE captures (
        id TEXT PRIMARY KEY,
        bin TEXT NOT NULL REFERENCES bins(name),
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        query TEXT NOT NULL,
        headers TEXT NOT NULL,
        body BLOB NOT NULL,
        content_type TEXT,
        remote_address TEXT NOT NULL,
        reply_status INTEGER NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE INDEX captures_bin ON captures(bin, received_at);
      CREATE INDEX captures_received ON captures(received_at);
    `,
  },
  {
    version: 2,
    name: 'bin scripts and the reply mode of captures',
    sql: `
      -- One script per bin, apart from bins and captures so that changing a script never
      -- touches what was captured. requests_since_set counts requests answered under this
      -- script (for "fail the first N"), and survives restarts.
      CREATE TABLE bin_scripts (
        bin TEXT PRIMARY KEY REFERENCES bins(name),
        script TEXT NOT NULL,
        requests_since_set INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      );

      ALTER TABLE captures ADD COLUMN reply_mode TEXT NOT NULL DEFAULT 'reply';
    `,
  },
  {
    version: 3,
    name: 'custom retry policies, rounds of tries, delivery search indexes',
    sql: `
      -- JSON of a RetryPolicy; NULL means the vendor profile's default.
      ALTER TABLE webhooks ADD COLUMN retry_policy TEXT;

      -- A round is the tries one trigger (firing, a manual retry, a re-delivery) gives a
      -- delivery. The delivery keeps its current round and the attempt number that opened it,
      -- so the dispatcher knows how many tries the round has left without reading attempts.
      ALTER TABLE attempts ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE attempts ADD COLUMN round_trigger TEXT NOT NULL DEFAULT 'fired';
      ALTER TABLE deliveries ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE deliveries ADD COLUMN round_trigger TEXT NOT NULL DEFAULT 'fired';
      ALTER TABLE deliveries ADD COLUMN round_first_attempt INTEGER NOT NULL DEFAULT 1;

      -- Search (newest first) by status, and by webhook and status, with the time range on the
      -- last column: each status is read in created_at order straight from the index, so a
      -- page never sorts and a count never touches the table. deliveries_webhook and
      -- deliveries_created serve the searches without a status.
      CREATE INDEX deliveries_status_created ON deliveries(status, created_at);
      CREATE INDEX deliveries_webhook_status_created ON deliveries(webhook_id, status, created_at);
    `,
  },
  {
    version: 4,
    name: 'Standard Webhooks signing secrets, signature checks of captures',
    sql: `
      -- Every secret of a webhook signs each request (several signatures while a secret rotates).
      -- The secret is sealed by the SecretBox; hint is what may be shown.
      CREATE TABLE webhook_signing_secrets (
        id TEXT PRIMARY KEY,
        webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        secret BLOB NOT NULL,
        hint TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX webhook_signing_secrets_webhook ON webhook_signing_secrets(webhook_id, created_at);

      -- JSON of a SignatureCheck; NULL when the bin expects no signature.
      ALTER TABLE captures ADD COLUMN signature_check TEXT;
    `,
  },
  {
    version: 5,
    name: 'vendor accounts, vendor options of webhooks, N-Signature and auth checks of captures',
    sql: `
      -- One row per vendor: what the vendor keeps per tenant/account rather than per webhook
      -- (FlexNet's shared credentials, Zentitle2's RSA key pair). private_key is sealed.
      CREATE TABLE vendor_accounts (
        vendor TEXT PRIMARY KEY,
        settings TEXT NOT NULL DEFAULT '{}',
        auth_profile_id TEXT REFERENCES auth_profiles(id) ON DELETE RESTRICT,
        private_key BLOB,
        public_key_pem TEXT,
        key_created_at INTEGER,
        updated_at INTEGER NOT NULL
      );

      -- JSON object of the vendor's webhook options (CloudEvents content mode, …).
      ALTER TABLE webhooks ADD COLUMN vendor_options TEXT NOT NULL DEFAULT '{}';

      -- JSON of a SignatureCheck / AuthCheck; NULL when there was nothing to check.
      ALTER TABLE captures ADD COLUMN n_signature_check TEXT;
      ALTER TABLE captures ADD COLUMN auth_check TEXT;
    `,
  },
  {
    version: 6,
    name: 'OAuth 2.0 client-credentials auth profiles, receiver token clients, attempt notes',
    rebuildsTables: true,
    sql: `
      -- Widens the kind CHECK to 'oauth2'. webhooks and vendor_accounts reference this table by
      -- name, so the rebuilt copy takes over under the same name and ids.
      CREATE TABLE auth_profiles_v6 (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('none', 'basic', 'bearer', 'oauth2')),
        username TEXT,
        secret BLOB,
        -- JSON of OAuthClientSettings (token URL, client id, scope, audience, client auth) for
        -- 'oauth2'; the client secret is in secret, sealed like the others. NULL for other kinds.
        oauth_settings TEXT,
        created_at INTEGER NOT NULL
      );
      INSERT INTO auth_profiles_v6 (id, name, kind, username, secret, created_at)
        SELECT id, name, kind, username, secret, created_at FROM auth_profiles;
      DROP TABLE auth_profiles;
      ALTER TABLE auth_profiles_v6 RENAME TO auth_profiles;

      -- Clients of the receiver's OAuth token endpoint. Only a SHA-256 of the secret is kept: the
      -- secret is shown once, and the endpoint only needs to recognise it.
      CREATE TABLE receiver_clients (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL UNIQUE,
        secret_sha256 BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );

      -- What the engine did besides the plain try (e.g. fetched a new OAuth token after a 401 and
      -- sent again); NULL when nothing.
      ALTER TABLE attempts ADD COLUMN note TEXT;
    `,
  },
  {
    version: 7,
    name: 'endpoints that passed the CloudEvents validation handshake',
    sql: `
      -- CloudEvents webhook spec §4: an endpoint is asked once (OPTIONS) whether it accepts
      -- deliveries from an origin; its consent is kept so later deliveries, also after a restart,
      -- go straight to the POST. allowed_rate is WebHook-Allowed-Rate as answered (NULL: absent).
      CREATE TABLE endpoint_validations (
        endpoint_url TEXT NOT NULL,
        origin TEXT NOT NULL,
        allowed_origin TEXT NOT NULL,
        allowed_rate TEXT,
        validated_at INTEGER NOT NULL,
        PRIMARY KEY (endpoint_url, origin)
      );
    `,
  },
  {
    version: 8,
    name: 'source of imported captures',
    sql: `
      -- JSON of a CaptureSource (format, file, entry) for captures imported from JSON, HAR or curl;
      -- NULL for what the receiver captured itself.
      ALTER TABLE captures ADD COLUMN source TEXT;
    `,
  },
  {
    version: 9,
    name: 'replays: events that resend a capture or an attempt',
    sql: `
      -- The capture or attempt id a replay event resends (NULL for other origins); not a foreign
      -- key, as a source may be a capture or an attempt, and a replay outlives its source.
      ALTER TABLE events ADD COLUMN replay_of TEXT;
      -- JSON of the rest of an EventReplay (source kind, mode, request): retries resend it as is.
      ALTER TABLE events ADD COLUMN replay TEXT;
      CREATE INDEX events_replay_of ON events(replay_of) WHERE replay_of IS NOT NULL;
    `,
  },
  {
    version: 10,
    name: 'user scenarios',
    sql: `
      -- Built-in scenarios live in code (src-shared/scenarios); only the user's are stored.
      -- definition is the JSON of a ScenarioDefinition (name, description, seed, steps).
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        definition TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 11,
    name: 'per-webhook try deadline, capped response bodies, endpoint origins of deliveries',
    sql: `
      -- One deadline per try (connect, headers and the whole response body), in milliseconds.
      ALTER TABLE webhooks ADD COLUMN timeout_ms INTEGER NOT NULL DEFAULT 30000;

      -- Attempts keep at most 64 KiB of a response body; these record how much arrived in all.
      -- NULL bytes: recorded before, when the whole body was kept.
      ALTER TABLE attempts ADD COLUMN response_body_bytes INTEGER;
      ALTER TABLE attempts ADD COLUMN response_body_truncated INTEGER NOT NULL DEFAULT 0;

      -- scheme://host[:port] of endpoint_url: the dispatcher bounds the tries in flight per origin,
      -- and a claim passes over the deliveries of origins that are full. New rows get the WHATWG
      -- origin; older ones the URL up to the first / after the scheme, which is the same for the
      -- URLs the webhook form accepts (default ports aside).
      ALTER TABLE deliveries ADD COLUMN endpoint_origin TEXT NOT NULL DEFAULT '';
      UPDATE deliveries SET endpoint_origin = lower(
        CASE instr(substr(endpoint_url, instr(endpoint_url, '://') + 3), '/')
          WHEN 0 THEN endpoint_url
          ELSE substr(endpoint_url, 1, instr(endpoint_url, '://') + 1 + instr(substr(endpoint_url, instr(endpoint_url, '://') + 3), '/'))
        END);
    `,
  },
  {
    version: 12,
    name: 'capture retention: stored size of captures, running totals, pruned counter',
    sql: `
      -- What a capture weighs against the retention limit: its body plus its headers' JSON.
      ALTER TABLE captures ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
      UPDATE captures SET stored_bytes = length(body) + length(CAST(headers AS BLOB));

      -- One row: the workspace's captures and their size, kept by triggers in the same
      -- transaction as each insert and delete, so checking the limits never scans the table;
      -- and what the limits have pruned so far (deletions by hand are not counted there).
      CREATE TABLE capture_totals (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        count INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        pruned_count INTEGER NOT NULL DEFAULT 0,
        pruned_bytes INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO capture_totals (id, count, bytes) SELECT 1, count(*), coalesce(sum(stored_bytes), 0) FROM captures;
      -- A workspace already holding more than the default limits keeps what it has: limits as large
      -- as its captures (within their bounds), so the first capture after the upgrade prunes nothing.
      INSERT INTO settings (key, value)
        SELECT 'captures.retention', json_object('maxCount', min(max(count, 10000), 1000000), 'maxBytes', min(max(bytes, 536870912), 68719476736))
        FROM capture_totals WHERE count > 10000 OR bytes > 536870912;
      CREATE TRIGGER captures_totals_insert AFTER INSERT ON captures BEGIN
        UPDATE capture_totals SET count = count + 1, bytes = bytes + NEW.stored_bytes WHERE id = 1;
      END;
      CREATE TRIGGER captures_totals_delete AFTER DELETE ON captures BEGIN
        UPDATE capture_totals SET count = count - 1, bytes = bytes - OLD.stored_bytes WHERE id = 1;
      END;
    `,
  },
  {
    version: 13,
    name: 'credentials sealed at rest in attempts, captures, replays and bin scripts',
    sql: `
      -- Credential headers (see sealed-headers.ts) sealed with the workspace's SecretBox: JSON of
      -- those headers only; the plain column keeps their names, in order, with a stand-in value.
      -- NULL: the headers held no credentials.
      ALTER TABLE attempts ADD COLUMN request_headers_sealed BLOB;
      ALTER TABLE attempts ADD COLUMN response_headers_sealed BLOB;
      ALTER TABLE captures ADD COLUMN headers_sealed BLOB;
      -- The same for the request headers inside events.replay.
      ALTER TABLE events ADD COLUMN replay_headers_sealed BLOB;
      -- The script's expectedAuth, signingSecrets and reply headers, sealed, when one of them holds
      -- a secret; the script column then holds none of them.
      ALTER TABLE bin_scripts ADD COLUMN secrets BLOB;
    `,
  },
  {
    version: 14,
    name: 'due queue index holds only due deliveries',
    sql: `
      -- The dispatcher's queue: only deliveries still to be tried, in due order. A delivery
      -- leaves it when claimed and a succeeded or failed one costs it nothing, where the index
      -- over every status moved each delivery at every hop (pending, in progress, done) and grew
      -- with the history. Status searches use deliveries_status_created.
      DROP INDEX deliveries_due;
      CREATE INDEX deliveries_due ON deliveries(next_attempt_at, created_at) WHERE status IN ('pending', 'retrying');
    `,
  },
  {
    version: 15,
    name: 'endpoint check runs and their case results',
    sql: `
      -- One run of the endpoint check (hooklab check, the Check endpoint page) against one URL.
      -- counts is the JSON of a Record<CheckOutcome, number>; passed: no required case failed.
      CREATE TABLE endpoint_check_runs (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        vendor TEXT NOT NULL,
        webhook_name TEXT,
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        counts TEXT NOT NULL,
        passed INTEGER NOT NULL
      );
      CREATE INDEX endpoint_check_runs_started ON endpoint_check_runs(started_at);
      -- Each case of a run, in the order run; case_id is stable over runs, so two runs diff by it.
      -- exchanges is the JSON of the requests sent and the answers; credential headers in it are
      -- stand-ins, their values sealed (see sealed-headers.ts) beside them in base64.
      CREATE TABLE endpoint_check_cases (
        run_id TEXT NOT NULL REFERENCES endpoint_check_runs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        case_id TEXT NOT NULL,
        family TEXT NOT NULL,
        title TEXT NOT NULL,
        required INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        expected TEXT NOT NULL,
        verdict TEXT NOT NULL,
        why TEXT NOT NULL,
        exchanges TEXT NOT NULL,
        PRIMARY KEY (run_id, position)
      );
    `,
  },
  {
    version: 16,
    name: 'webhooks an event skipped, and why',
    sql: `
      -- Written with the event, so why a subscribed webhook got no delivery can be shown for any
      -- event later, not only in the answer to firing it. webhook_name is kept as it was then.
      CREATE TABLE event_skips (
        event_id TEXT NOT NULL REFERENCES events(id),
        position INTEGER NOT NULL,
        webhook_id TEXT NOT NULL,
        webhook_name TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('disabled', 'activity_filtered', 'condition_false')),
        condition TEXT,
        PRIMARY KEY (event_id, position)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 17,
    name: 'OAuth token exchange of attempts',
    sql: `
      -- JSON of the token request and answer behind an OAuth 2.0 try (TokenExchange), with the
      -- client secret and the tokens masked by the engine before it is written: nothing sealed.
      ALTER TABLE attempts ADD COLUMN token_exchange TEXT;
    `,
  },
];
