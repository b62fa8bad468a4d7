-- The workflow's cases as a read-only view for set-based work in other modules (workflow.api.CaseFacts): when each
-- case started, was due and ended, so a module can count its own cases finished on time without the engine's table.
create view workflow_case_facts as
select c.id, c.case_type, c.status, c.started_at, c.due_at, c.ended_at
from wf_case c;
