-- MFA is on by default for the three administrators and LEADER (DOMAIN.md §9, 等保三级): new and existing policies.
alter table security_policy alter column mfa_required_for_admins set default true;
update security_policy set mfa_required_for_admins = true, version = version + 1;

-- A TOTP code is accepted once: the RFC 6238 time step of the last accepted code; only a later step is accepted.
alter table app_user add column mfa_last_step bigint;

-- 恢复码: one-time codes shown once at enrolment, for a lost authenticator; only their SHA-256 is kept.
create table mfa_recovery_code (
    id         bigserial primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    code_hash  varchar(64) not null,
    used_at    timestamptz
);
create index mfa_recovery_code_user on mfa_recovery_code (user_id) where used_at is null;
