-- 工作日历: the official notice is stored as published. Its holiday ranges include weekend days and it may name a
-- weekday as worked; such a day changes nothing in the arithmetic but is kept, so the year reads like the notice.
do $$
declare
    c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'calendar_day'::regclass and contype = 'c'
               and pg_get_constraintdef(oid) like '%isodow%'
    loop
        execute format('alter table calendar_day drop constraint %I', c.conname);
    end loop;
end $$;
