-- 客户服务 needs four more archive fields (API.md "Care" and "Emergency supply"): the kind of vulnerable group (弱势群体
-- 类别), the keeper's birthday and the shop's opening date for 亲情服务, and 明码实价执行到位 for emergency supply, kept by
-- the monopoly officer. All optional: no existing customer becomes incomplete.
alter table customer
    add column vulnerable_kind varchar(32),
    add column birthday        varchar(5),
    add column opened_on       date,
    add column marked_prices   boolean;

insert into customer_field (key, group_code, label_zh, label_en, type, format, max_length, min_value, max_value, min_exclusive, scale, maintenance, required_level, default_required_level, sensitive, column_name, sort_order, notes) values
    ('vulnerableKind', 'SERVICE', '弱势群体类别', 'Vulnerable group kind', 'ENUM', null, null, null, null, false, null, 'STATIC', 'OPTIONAL', 'OPTIONAL', false, 'vulnerable_kind', 642, 'with vulnerableGroup'),
    ('birthday', 'SERVICE', '经营者生日', 'Keeper''s birthday', 'TEXT', 'MONTH_DAY', 5, null, null, false, null, 'STATIC', 'OPTIONAL', 'OPTIONAL', false, 'birthday', 644, 'MM-DD'),
    ('openedOn', 'SERVICE', '开业日期', 'Shop opened on', 'DATE', null, null, null, null, false, null, 'STATIC', 'OPTIONAL', 'OPTIONAL', false, 'opened_on', 646, null),
    ('markedPrices', 'LAW', '明码实价执行到位', 'Marked prices kept', 'BOOLEAN', null, null, null, null, false, null, 'QUARTERLY', 'OPTIONAL', 'OPTIONAL', false, 'marked_prices', 525, 'kept by the monopoly officer');

insert into customer_field_option (field_key, code, label_zh, label_en, sort_order) values
    ('vulnerableKind', 'POVERTY', '困难户', 'Poverty', 1),
    ('vulnerableKind', 'LAID_OFF', '下岗失业', 'Laid off', 2),
    ('vulnerableKind', 'MILITARY_FAMILY', '军烈属', 'Military family', 3),
    ('vulnerableKind', 'ELDERLY_ALONE', '孤寡老人', 'Elderly living alone', 4),
    ('vulnerableKind', 'DISABLED', '残疾人', 'Disabled', 5),
    ('vulnerableKind', 'OTHER', '其他', 'Other', 6);

insert into customer_edit_permission (role, field_key) values ('MONOPOLY_OFFICER', 'markedPrices');
