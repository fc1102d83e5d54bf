-- Several server processes sharing one database.

-- A transfer job runs once it is due: a person sees it running for a
-- moment first. Any server process may claim it then.
ALTER TABLE transfer_jobs ADD COLUMN run_after BIGINT NOT NULL DEFAULT 0;

-- Two dashboards never share a cPIN (enrolment finds the dashboard by it).
CREATE UNIQUE INDEX customers_by_cpin ON customers (cpin);

-- What changed, for the live updates of every server process: each
-- process tells its own pages at once and reads the others' changes from
-- here. Rows are kept for a minute; a page that missed one reads the API
-- again when it reconnects, so nothing depends on a row being read.
CREATE TABLE changes (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The process that made the change (it has told its own pages).
    origin            TEXT NOT NULL,
    -- A wxp_core::api::Topic name, or 'session_ended'.
    topic             TEXT NOT NULL,
    audience_kind     TEXT NOT NULL CHECK (audience_kind IN ('everyone', 'partner', 'user', 'session')),
    audience_id       TEXT,
    audience_customer TEXT,
    at                BIGINT NOT NULL
);
