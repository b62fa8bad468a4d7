-- 卷烟零售客户满意度测评问卷 (the company's default): one or two questions per part of the service it measures.
insert into questionnaire (current_version, created_at, created_by) values (1, now(), 'system');
insert into questionnaire_version (questionnaire_id, version, title, questions, created_at, created_by)
select currval('questionnaire_id_seq'), 1, '卷烟零售客户满意度测评问卷', $json$[
 {"code":"supply_fit","text":"您对货源投放与您店铺实际需求的匹配程度是否满意？","type":"RATING","options":[],"dimension":"货源供应"},
 {"code":"supply_fair","text":"您认为货源分配是否公开、公平、公正？","type":"RATING","options":[],"dimension":"货源供应"},
 {"code":"order_ease","text":"您对订货方式（网上订货、电话订货）的便捷程度是否满意？","type":"RATING","options":[],"dimension":"订货服务"},
 {"code":"order_channel","text":"您最常用的订货方式是？","type":"SINGLE","options":["网上订货","电话订货","客户经理代订","其他"],"dimension":"订货服务"},
 {"code":"delivery_ontime","text":"您对送货的准时性是否满意？","type":"RATING","options":[],"dimension":"送货服务"},
 {"code":"delivery_staff","text":"您对送货人员的服务态度和卷烟交接规范是否满意？","type":"RATING","options":[],"dimension":"送货服务"},
 {"code":"settle_ease","text":"您对电子结算的方便与安全程度是否满意？","type":"RATING","options":[],"dimension":"结算服务"},
 {"code":"manager_visit","text":"您的客户经理是否按时上门拜访并提供经营指导？","type":"RATING","options":[],"dimension":"客户经理服务"},
 {"code":"manager_freq","text":"客户经理最近一个月拜访您几次？","type":"SINGLE","options":["0次","1次","2次","3次及以上"],"dimension":"客户经理服务"},
 {"code":"complaint_handling","text":"您对投诉、咨询处理的及时性与结果是否满意？","type":"RATING","options":[],"dimension":"投诉处理"},
 {"code":"overall","text":"总体而言，您对烟草公司的服务是否满意？","type":"RATING","options":[],"dimension":"总体评价"},
 {"code":"suggestion","text":"您对我们的服务还有哪些意见和建议？","type":"TEXT","options":[],"dimension":"总体评价"}
]$json$::jsonb, now(), 'system';
