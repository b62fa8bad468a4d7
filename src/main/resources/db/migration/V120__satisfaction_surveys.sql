-- 满意度测评: questionnaires kept as immutable versions (an edit adds a version, so answered versions never change),
-- campaigns with their stratified sample, one assignment per sampled customer and its answers.
create table questionnaire (
    id              bigserial primary key,
    current_version integer      not null,
    created_at      timestamptz  not null,
    created_by      varchar(50)  not null
);

create table questionnaire_version (
    questionnaire_id bigint      not null references questionnaire (id),
    version          integer     not null,
    title            varchar(200) not null,
    -- [{"code","text","type","options","dimension"}] in the order asked
    questions        jsonb       not null,
    created_at       timestamptz not null,
    created_by       varchar(50) not null,
    primary key (questionnaire_id, version)
);

create table survey_campaign (
    id                    bigserial primary key,
    questionnaire_id      bigint       not null,
    questionnaire_version integer      not null,
    name                  varchar(200) not null,
    period                varchar(20)  not null,
    sample_size           integer      not null,
    strata                text[]       not null,
    seed                  bigint       not null,
    status                varchar(20)  not null,
    version               bigint       not null default 0,
    created_at            timestamptz  not null,
    created_by            varchar(50)  not null,
    foreign key (questionnaire_id, questionnaire_version) references questionnaire_version (questionnaire_id, version)
);

-- The population and sample of each stratum when the sample was drawn (stratum = the strata fields' codes joined by |).
create table survey_stratum (
    campaign_id bigint      not null references survey_campaign (id),
    stratum     varchar(200) not null,
    population  integer     not null,
    sampled     integer     not null,
    primary key (campaign_id, stratum)
);

-- One sampled customer; county and manager as they were when sampled, so results do not move when the archive does.
create table survey_assignment (
    id                 bigserial primary key,
    campaign_id        bigint       not null references survey_campaign (id),
    customer_code      varchar(40)  not null,
    stratum            varchar(200) not null,
    county_org_unit_id bigint       not null,
    customer_manager   varchar(50),
    channel            varchar(10)  not null default 'PHONE',
    status             varchar(20)  not null default 'PENDING',
    note               varchar(500),
    attempted_by       varchar(50),
    answered_at        timestamptz,
    -- SHA-256 of the one-time link's token (the token itself is never stored)
    link_hash          bytea unique,
    link_expires_at    timestamptz,
    version            bigint       not null default 0,
    unique (campaign_id, customer_code)
);
create index survey_assignment_status on survey_assignment (campaign_id, status);

create table survey_answer (
    assignment_id bigint       not null references survey_assignment (id),
    question_code varchar(40)  not null,
    dimension     varchar(40)  not null,
    type          varchar(10)  not null,
    rating        smallint check (rating between 1 and 5),
    choice        varchar(200),
    text_value    varchar(2000),
    primary key (assignment_id, question_code)
);
