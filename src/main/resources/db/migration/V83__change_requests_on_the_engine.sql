-- 修改维护任务单 now run as cases of the process engine (processes/change-*.bpmn20.xml): a request's id is the id of
-- its case (wf_case), its steps are the engine's tasks and the case's trail (wf_trail), its overdue flags are the
-- engine's (wf_overdue_task). change_request_step keeps the steps of the requests raised before, for reading only.

-- Those earlier requests cannot go on: their open steps have no engine task. An open one is closed as rejected with
-- the reason (its requester raises it again); one already applied, only waiting for its county's confirmation, is
-- completed. Their open steps are closed with them.
update change_request_step s set status = case when r.status = 'APPLIED' then 'DONE' else 'REJECTED' end,
       comment = '流程改由流程引擎办理，此步骤随修改单关闭', completed_at = now()
  from change_request r
 where r.id = s.request_id and s.status = 'OPEN';
update change_request set status = 'COMPLETED', closed_at = now(), version = version + 1,
       outcome = '已生效；流程改由流程引擎办理时确认步骤随之关闭'
 where status = 'APPLIED';
update change_request set status = 'REJECTED', closed_at = now(), version = version + 1,
       outcome = '流程改由流程引擎办理，此单未办结，请重新提交'
 where status = 'OPEN';

-- New requests take the id of their case: lift the case sequence past every request id so none is taken twice.
select setval(pg_get_serial_sequence('wf_case', 'id'),
              greatest((select coalesce(max(id), 0) from wf_case), (select coalesce(max(id), 0) from change_request), 1));
