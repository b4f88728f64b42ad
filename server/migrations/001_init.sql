-- The team register's tables. Every key starts with the organisation (org_id) so that every query is
-- scoped by it and the schema distributes by organisation (Citus); row-level security binds each row to
-- the organisation of the authenticated agent, set per transaction in `app.org` (server/db/db.ts).
-- FORCE: the service role owns these tables, and an owner is exempt from RLS unless forced.

CREATE FUNCTION app_org() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org', true), '')::uuid $$;
CREATE FUNCTION app_setting(name text) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting(name, true), '') $$;

CREATE TABLE orgs (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- The change feed's counter: taken (row-locked) in each writing transaction and held until commit, so
  -- positions follow commit order; a bare sequence is drawn before commit and lets a reader skip a slow writer.
  feed_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE orgs ENABLE ROW LEVEL SECURITY;
ALTER TABLE orgs FORCE ROW LEVEL SECURITY;
-- An agent sees its own organisation; the command line finds one by name (app.org_name) to add agents.
CREATE POLICY orgs_own ON orgs USING (id = app_org()) WITH CHECK (id = app_org());
CREATE POLICY orgs_by_name ON orgs FOR SELECT USING (name = app_setting('app.org_name'));

CREATE TABLE agents (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  name text NOT NULL,
  email text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('agent', 'manager', 'auditor')),
  -- SHA-256 of the token: the token itself is printed once and never stored.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (org_id, id)
);
ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE agents FORCE ROW LEVEL SECURITY;
CREATE POLICY agents_own_org ON agents USING (org_id = app_org()) WITH CHECK (org_id = app_org());
-- Authentication happens before the organisation is known: whoever holds the token may read its one row.
CREATE POLICY agents_by_token ON agents FOR SELECT USING (token_hash = app_setting('app.token'));

CREATE TABLE complaints (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  phase text NOT NULL,
  next_due_at timestamptz,
  assignee text,
  customer_email text,
  updated_at timestamptz NOT NULL,
  rev integer NOT NULL,
  history_head text NOT NULL,
  feed_pos bigint NOT NULL,
  -- The register's zod schema (lib/register/schema.ts) validates it before every write.
  snapshot jsonb NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, reference)
);
CREATE INDEX complaints_feed ON complaints (org_id, feed_pos);
CREATE INDEX complaints_phase ON complaints (org_id, phase);
CREATE INDEX complaints_due ON complaints (org_id, next_due_at);
CREATE INDEX complaints_assignee ON complaints (org_id, assignee);
CREATE INDEX complaints_customer ON complaints (org_id, customer_email);
CREATE INDEX complaints_updated ON complaints (org_id, updated_at);
ALTER TABLE complaints ENABLE ROW LEVEL SECURITY;
ALTER TABLE complaints FORCE ROW LEVEL SECURITY;
CREATE POLICY complaints_own_org ON complaints USING (org_id = app_org()) WITH CHECK (org_id = app_org());

-- History events, one row each. The key (org, complaint, seq) makes a fork of a chain impossible to
-- commit: two events can never both follow the same predecessor.
CREATE TABLE events (
  org_id uuid NOT NULL,
  complaint_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  id uuid NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  agent_id uuid,
  feed_pos bigint NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (org_id, complaint_id, seq),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id)
);
CREATE INDEX events_feed ON events (org_id, feed_pos);
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;
CREATE POLICY events_own_org ON events USING (org_id = app_org()) WITH CHECK (org_id = app_org());

-- What each pushed operation came to, so that a repeated push answers the same and writes nothing.
-- Never a value of the complaint: statuses, positions, conflict paths and French reasons only.
CREATE TABLE op_outcomes (
  org_id uuid NOT NULL REFERENCES orgs (id),
  event_id uuid NOT NULL,
  complaint_id uuid NOT NULL,
  outcome jsonb NOT NULL,
  PRIMARY KEY (org_id, event_id)
);
ALTER TABLE op_outcomes ENABLE ROW LEVEL SECURITY;
ALTER TABLE op_outcomes FORCE ROW LEVEL SECURITY;
CREATE POLICY op_outcomes_own_org ON op_outcomes USING (org_id = app_org()) WITH CHECK (org_id = app_org());

-- Official references REC-YYYY-NNNN: one counter per organisation and year (Paris year), and the blocks
-- handed to agents for offline work, logged.
CREATE TABLE reference_counters (
  org_id uuid NOT NULL REFERENCES orgs (id),
  year integer NOT NULL,
  last integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, year)
);
ALTER TABLE reference_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE reference_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY reference_counters_own_org ON reference_counters USING (org_id = app_org()) WITH CHECK (org_id = app_org());

CREATE TABLE reference_blocks (
  org_id uuid NOT NULL REFERENCES orgs (id),
  year integer NOT NULL,
  first integer NOT NULL,
  last integer NOT NULL,
  agent_id uuid NOT NULL,
  handed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, year, first)
);
CREATE INDEX reference_blocks_agent ON reference_blocks (org_id, agent_id, year);
ALTER TABLE reference_blocks ENABLE ROW LEVEL SECURITY;
ALTER TABLE reference_blocks FORCE ROW LEVEL SECURITY;
CREATE POLICY reference_blocks_own_org ON reference_blocks USING (org_id = app_org()) WITH CHECK (org_id = app_org());

CREATE TABLE settings (
  org_id uuid PRIMARY KEY REFERENCES orgs (id),
  settings jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings FORCE ROW LEVEL SECURITY;
CREATE POLICY settings_own_org ON settings USING (org_id = app_org()) WITH CHECK (org_id = app_org());

CREATE TABLE templates (
  org_id uuid NOT NULL REFERENCES orgs (id),
  template_id text NOT NULL,
  lang text NOT NULL,
  source text NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (org_id, template_id, lang)
);
ALTER TABLE templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE templates FORCE ROW LEVEL SECURITY;
CREATE POLICY templates_own_org ON templates USING (org_id = app_org()) WITH CHECK (org_id = app_org());
