-- The portal's state of record. Every table is relational; nothing is an
-- event log replayed into memory, so several processes can share it.
-- Text columns holding domain enums store their serde name.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE partners (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    setup_complete BOOLEAN NOT NULL
);

CREATE TABLE customers (
    id                  TEXT PRIMARY KEY,
    partner_id          TEXT NOT NULL REFERENCES partners (id),
    name                TEXT NOT NULL,
    -- rules::dashboard::name_key(name): names are unique per partner, whatever their case.
    name_key            TEXT NOT NULL,
    country             TEXT NOT NULL,
    cpin                TEXT NOT NULL,
    insights_collection BOOLEAN NOT NULL,
    self_service_alerts BOOLEAN NOT NULL,
    UNIQUE (partner_id, name_key)
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL,
    email_key     TEXT NOT NULL,
    partner_id    TEXT REFERENCES partners (id),
    customer_id   TEXT REFERENCES customers (id),
    -- Argon2id PHC string; NULL for accounts that cannot sign in with a password.
    password_hash TEXT,
    seq           INTEGER NOT NULL,
    CHECK ((partner_id IS NULL) <> (customer_id IS NULL))
);
-- Password sign-in finds one account per e-mail address.
CREATE UNIQUE INDEX users_sign_in ON users (email_key) WHERE password_hash IS NOT NULL;

CREATE TABLE devices (
    serial         TEXT PRIMARY KEY,
    tenant_kind    TEXT NOT NULL CHECK (tenant_kind IN ('holding', 'customer')),
    tenant_id      TEXT NOT NULL,
    model          TEXT NOT NULL,
    product_number TEXT NOT NULL,
    plan           TEXT NOT NULL,
    warranty_end   INTEGER NOT NULL,
    last_seen      BIGINT NOT NULL,
    last_user      TEXT,
    location       TEXT
);
-- Lists come in serial-number order, the device table's default sort.
CREATE INDEX devices_by_tenant ON devices (tenant_kind, tenant_id, serial);

CREATE TABLE transfer_jobs (
    id           INTEGER PRIMARY KEY,
    idem_key     TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id),
    partner_id   TEXT NOT NULL REFERENCES partners (id),
    source_kind  TEXT NOT NULL CHECK (source_kind IN ('holding', 'customer')),
    source_id    TEXT NOT NULL,
    source_name  TEXT NOT NULL,
    target_id    TEXT NOT NULL REFERENCES customers (id),
    target_name  TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('Queued', 'Running', 'Completed')),
    submitted_at BIGINT NOT NULL,
    completed_at BIGINT,
    read         BOOLEAN NOT NULL DEFAULT FALSE,
    -- A repeated submission (double click, retry) finds the first job.
    UNIQUE (user_id, idem_key)
);
CREATE INDEX transfer_jobs_pending ON transfer_jobs (state, id);
CREATE INDEX transfer_jobs_by_partner ON transfer_jobs (partner_id, id);

CREATE TABLE transfer_rows (
    job_id      INTEGER NOT NULL REFERENCES transfer_jobs (id),
    line        INTEGER NOT NULL,
    serial      TEXT NOT NULL,
    customer    TEXT NOT NULL,
    -- The serial number as parsed, when it parses: what the job looks up.
    serial_key  TEXT,
    state       TEXT CHECK (state IN ('Success', 'Failed')),
    description TEXT,
    PRIMARY KEY (job_id, line)
);
CREATE INDEX transfer_rows_by_serial ON transfer_rows (serial_key);

CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    serial      TEXT NOT NULL,
    tenant_kind TEXT NOT NULL CHECK (tenant_kind IN ('holding', 'customer')),
    tenant_id   TEXT NOT NULL,
    tenant_name TEXT NOT NULL,
    partner_id  TEXT NOT NULL REFERENCES partners (id),
    kind        TEXT NOT NULL,
    raised_at   BIGINT NOT NULL,
    delivery    TEXT NOT NULL,
    -- The Repair as JSON: "NotRequested", "WithPartner", {"Scheduled": day}, ...
    repair      TEXT NOT NULL
);
CREATE INDEX alerts_by_partner ON alerts (partner_id, id);

CREATE TABLE support_cases (
    id           INTEGER PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    organisation TEXT NOT NULL,
    subject      TEXT NOT NULL,
    description  TEXT NOT NULL,
    opened_at    BIGINT NOT NULL
);
CREATE INDEX support_cases_by_user ON support_cases (user_id, id);

CREATE TABLE support_case_serials (
    case_id  INTEGER NOT NULL REFERENCES support_cases (id),
    position INTEGER NOT NULL,
    serial   TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's token: a stolen database holds no usable session.
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE sign_in_failures (
    email_key       TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at BIGINT NOT NULL
);
