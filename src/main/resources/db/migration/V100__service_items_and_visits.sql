-- 客户服务: the service items with their written standards (seeded from the seeds' 服务项目 and 服务标准), the visits
-- of customer managers with their photos, and the default visit cycle by business scale.

-- The archive's facts the service module reads set-based (coverage, week plan, care), as a view of the customer
-- module (customer.api.CustomerFacts#SERVICE_VIEW), so the service module never selects from the customer table.
create view customer_service_facts as
select c.id as customer_id, c.customer_code, c.county_org_unit_id, c.store_name, c.status, c.business_scale, c.customer_manager,
       c.visit_cycle, c.vulnerable_group, c.vulnerable_kind, c.birthday, c.opened_on, c.created_at
from customer c;

create table service_item (
    code        varchar(32)  primary key,
    category    varchar(16)  not null check (category in ('BASIC', 'MARKETING', 'VALUE_ADDED')),
    name        varchar(60)  not null,
    standard    text         not null,
    sort_order  int          not null,
    version     bigint       not null default 0,
    updated_by  varchar(50),
    updated_at  timestamptz
);

-- Every earlier wording of an item, kept when it is replaced.
create table service_item_history (
    id          bigserial    primary key,
    code        varchar(32)  not null references service_item (code),
    version     bigint       not null,
    name        varchar(60)  not null,
    standard    text         not null,
    changed_by  varchar(50)  not null,
    changed_at  timestamptz  not null
);
create index service_item_history_code on service_item_history (code, version desc);

insert into service_item (code, category, name, standard, sort_order) values
('ONBOARDING', 'BASIC', '入网服务', '客户经理于接受新增客户信息当日或次日对客户进行拜访，确认客户类型和订货周期、订货方式，在系统中进行维护。新入网户一律维护为网上订货与电子结算，特殊情况需采用电话订货或现金结算的，参照订货方式与结算方式变更办理相应手续。', 10),
('VISIT', 'BASIC', '拜访服务', '客户经理制定拜访计划并按拜访周期实施：通过卖场拜访，收集信息，了解情况，发现问题；通过总部拜访，实施服务营销。日常拜访时要记录零售客户销售异动情况，核对并及时维护客户档案中的必填项（如送货线路、订货周期、拜访周期等），发现档案信息有误的按信息修改维护流程提出变更。', 20),
('ORDERING', 'BASIC', '订货服务', '按客户订货周期在订货日组织订货，保证客户订货日正常订货；新入网客户由客户经理告知订货密码并提醒客户及时更改，与客户协商培训时间与培训方式。', 30),
('SUPPLY', 'BASIC', '货源供应服务', '按客户订单组织货源，公平、公正、公开地分配货源，满足客户合理货源需求，尊重客户对品牌的选择权。', 40),
('DELIVERY', 'BASIC', '送货服务', '按送货线路和订货批次及时、准确送货到户；送货车辆故障或恶劣天气影响送货时，按预案调整送货时间并提前告知客户，最大程度地减少延误时间。', 50),
('SETTLEMENT', 'BASIC', '电子结算', '采用电子结算的客户持银行卡（存折）及相关证明材料签订电子结算三方协议书，客户经理在一个工作日内将帐号维护到系统；电子结算发生故障和差错的，联系银行迅速排除故障、纠正差错。', 60),
('COMPLAINT', 'BASIC', '投诉服务', '按零售客户投诉管理规定受理客户投诉，实行首问负责，在时限内答复、处理并回访，客户满意后结案。', 70),
('GUIDANCE', 'MARKETING', '经营指导服务', '培养客户守法经营观念，讲解烟草共同价值观，帮助商户分析市场，提升客户市场预测水平，宣传营销水平，经营能力和盈利能力等。', 110),
('INFORMATION', 'MARKETING', '信息支持服务', '与零售客户信息互通：卷烟经营策略、市场行情、客户需求、市场预测、销售形式、零售客户经营情况等。', 120),
('BRAND', 'MARKETING', '品牌培育服务', '组织实施品牌培育，细化制定营销措施；培育重点骨干品牌，密切关注其市场表现和发展趨势，促进品牌的持续健康成长。', 130),
('TRAINING', 'VALUE_ADDED', '客户培训服务', '与客户协商培训时间与培训方式，对网上订货、电子结算、经营管理等开展培训，保证客户正常订货、结算。', 210),
('VULNERABLE', 'VALUE_ADDED', '爱心帮扶（弱势群体客户服务）', '弱势群体客户：处于贫困线下，符合政府救济条件的困难户或下岗失业人员、军烈属、孤寡老人、残疾人和无依无靠、无劳动力、无其他生活来源的卷烟零售客户。对其标记建档，按拜访周期上门开展亲情服务，在货源供应、经营指导上给予帮扶。', 220),
('CARE', 'VALUE_ADDED', '亲情联络', '对零售客户的重大节日和主要亲属重大疾病及子女上学、店面搬迁、店庆、婚礼等重要的日子进行礼品馈赠、贺喜吊丧、友情祝福。', 230),
('SUPPLY_DISCLOSURE', 'VALUE_ADDED', '货源公开', '卷烟销售货源公开：公开货源投放的品规、数量、投放方式和分配标准，接受客户监督。', 240),
('HONOUR', 'VALUE_ADDED', '荣誉激励', '授诚信等级牌，奖金或物资奖励，供货倾斜，个性化服务、宣传报道、树立典型。', 250);

-- The default visit cycle of a customer whose archive leaves visitCycle empty, by business scale (UNCLASSIFIED when
-- the customer has no scale yet). DOMAIN.md §5: large weekly, medium fortnightly, small monthly.
create table visit_cycle_default (
    scale       varchar(16)  primary key,
    cycle       varchar(16)  not null check (cycle in ('WEEKLY', 'BIWEEKLY', 'MONTHLY')),
    version     bigint       not null default 0,
    updated_by  varchar(50),
    updated_at  timestamptz
);
insert into visit_cycle_default (scale, cycle) values ('1', 'WEEKLY'), ('2', 'BIWEEKLY'), ('3', 'MONTHLY'),
    ('UNCLASSIFIED', 'MONTHLY');

-- 拜访记录. visit_date is the day in the company's zone, what coverage and cycles count by.
create table visit (
    id              bigserial    primary key,
    customer_code   varchar(40)  not null,
    visited_by      varchar(50)  not null,
    visited_at      timestamptz  not null,
    visit_date      date         not null,
    purpose         varchar(16)  not null check (purpose in ('ROUTINE', 'ONBOARDING', 'COMPLAINT', 'CARE', 'GUIDANCE', 'INSPECTION', 'OTHER')),
    findings        varchar(2000) not null,
    sales_anomaly   varchar(1000),
    checked_fields  text[]       not null default '{}',
    -- the checked fields the manager found wrong in the archive: each starts a change request from the visit page
    wrong_fields    text[]       not null default '{}',
    next_actions    varchar(1000),
    created_at      timestamptz  not null
);
create index visit_customer_date on visit (customer_code, visit_date desc);
create index visit_date_customer on visit (visit_date, customer_code);

-- Photos of a visit: the file lives in the archive's photo store (customer.api.ImageFiles), named by its SHA-256.
create table visit_photo (
    id            bigserial    primary key,
    visit_id      bigint       not null references visit (id),
    sha256        char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content_type  varchar(16)  not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes    int          not null,
    width         int          not null,
    height        int          not null,
    uploaded_by   varchar(50)  not null,
    uploaded_at   timestamptz  not null
);
create index visit_photo_visit on visit_photo (visit_id);
