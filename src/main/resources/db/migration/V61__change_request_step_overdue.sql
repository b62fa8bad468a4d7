-- When an overdue change-request step was first flagged to its doers and their supervisors (once per step, however
-- often or on however many instances the check runs).
alter table change_request_step add column overdue_flagged_at timestamptz;
create index change_request_step_late on change_request_step (due_at) where status = 'OPEN' and overdue_flagged_at is null;
