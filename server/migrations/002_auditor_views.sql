-- For auditors: the register as one row per complaint, with both deadlines (due, met, on time or late),
-- the decision and the compensation. security_invoker: the view reads with the caller's rights, so the
-- tables' row-level security still limits it to the caller's organisation (PostgreSQL 15+).
-- A clock's status in French, as the register shows it: held on time, held late, running, overdue, or
-- irrelevant (a message filed as not a complaint has no process clocks: lib/register/phases.ts CLOCKLESS_PHASES).
CREATE FUNCTION audit_clock_status(phase text, clock jsonb) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN phase = 'notComplaint' THEN 'sans objet'
    WHEN clock ->> 'metAt' IS NOT NULL AND (clock ->> 'metAt')::timestamptz <= (clock ->> 'dueAt')::timestamptz
      THEN 'tenu'
    WHEN clock ->> 'metAt' IS NOT NULL THEN 'tenu en retard'
    WHEN (clock ->> 'dueAt')::timestamptz < now() THEN 'dépassé'
    ELSE 'en cours'
  END
$$;

CREATE VIEW audit_register WITH (security_invoker = true) AS
SELECT
  c.org_id,
  c.reference,
  (c.snapshot ->> 'receivedAt')::timestamptz AS received_at,
  c.snapshot ->> 'channel' AS channel,
  c.snapshot ->> 'category' AS category,
  c.phase,
  (c.snapshot #>> '{clocks,ack,dueAt}')::timestamptz AS ack_due_at,
  (c.snapshot #>> '{clocks,ack,metAt}')::timestamptz AS ack_met_at,
  audit_clock_status(c.phase, c.snapshot #> '{clocks,ack}') AS ack_status,
  (c.snapshot #>> '{clocks,answer,dueAt}')::timestamptz AS answer_due_at,
  (c.snapshot #>> '{clocks,answer,metAt}')::timestamptz AS answer_met_at,
  audit_clock_status(c.phase, c.snapshot #> '{clocks,answer}') AS answer_status,
  jsonb_array_length(coalesce(c.snapshot #> '{clocks,answer,extensions}', '[]'::jsonb)) AS answer_extensions,
  c.snapshot ->> 'justified' AS justified,
  c.snapshot #>> '{decision,outcome}' AS decision_outcome,
  (c.snapshot #>> '{decision,nonConformity}')::boolean AS non_conformity,
  c.snapshot #>> '{compensation,kind}' AS compensation_kind,
  (c.snapshot #>> '{compensation,amountEuros}')::numeric AS compensation_euros,
  (c.snapshot #>> '{closure,closedAt}')::timestamptz AS closed_at,
  (c.snapshot ->> 'anonymizedAt') IS NOT NULL AS anonymized,
  c.updated_at
FROM complaints c;
