-- When a refusal or an unreachable call was recorded: survey participation is dated by it in the customer evaluation.
alter table survey_assignment add column outcome_at timestamptz;
