package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 演示客户 — with {@code crm.demo=true} and an empty archive, 3,000 retailers spread over the demo counties and
 * their customer managers: realistic names, addresses, formats and market types; about a quarter incomplete and
 * some with licences expiring within 30 days. Runs after the demo organisation and users (order 20..30).
 */
@Component
@Order(40)
class DemoCustomers implements ApplicationRunner {

    static final int COUNT = 3000;
    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
    private static final String[] BRANDS = {"华信", "老王", "便民", "惠民", "福临门", "金鑫", "好又多", "万家", "兴隆",
            "长城", "重庆", "乐购", "银行路", "东方", "和平", "平安", "顺发", "旺角", "新世纪", "佳佳", "红旗", "利民",
            "百姓", "阳光", "鑫源", "家和", "富民", "永盛", "恒通", "天天", "友谊", "金桥", "德胜", "广源", "小李",
            "张记", "刘姐", "陈家", "春风", "湘江"};
    /** Retail format code → typical shop-name endings. */
    private static final Map<String, String[]> ENDINGS = Map.of(
            "1", new String[] {"食杂店", "副食店", "小卖部", "商店"},
            "2", new String[] {"便利店", "便利", "24小时便利店"},
            "3", new String[] {"超市", "购物中心", "生活超市"},
            "4", new String[] {"商场", "百货"},
            "5", new String[] {"烟酒店", "烟酒商行", "名烟名酒"},
            "6", new String[] {"网吧", "KTV", "棋牌室", "宾馆"},
            "9", new String[] {"加油站便利店", "书报亭"});
    private static final String[] FORMATS = {"1", "1", "1", "2", "2", "3", "5", "5", "4", "6", "9"};
    private static final String[] ROADS = {"人民路", "解放路", "中山路", "建设路", "文化路", "五一路", "芙蓉路",
            "劳动路", "韶山路", "东风路", "新民街", "车站路", "书院路", "滨江路"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"};
    private static final String[] BANKS = {"中国农业银行", "中国工商银行", "中国建设银行", "中国银行", "农村商业银行", "邮储银行"};

    private final CustomerStore store;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final CrmProperties properties;
    private final Clock clock;

    DemoCustomers(CustomerStore store, OrgDirectory org, UserDirectory users, CrmProperties properties, Clock clock) {
        this.store = store;
        this.org = org;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo() || store.count() > 0) {
            return;
        }
        Map<OrgUnitRef, List<UserRef>> managers = new HashMap<>();
        org.all().stream().filter(u -> u.type() == com.tobacco.retailcrm.org.api.OrgUnitType.COUNTY)
                .forEach(county -> {
                    List<UserRef> inCounty = users.withRoleUnder(Role.CUSTOMER_MANAGER, county.id());
                    if (!inCounty.isEmpty()) {
                        managers.put(county, inCounty);
                    }
                });
        if (managers.isEmpty()) {
            return;
        }
        List<OrgUnitRef> counties = managers.keySet().stream().sorted(java.util.Comparator.comparing(OrgUnitRef::code)).toList();
        Random random = new Random(20261123L);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        List<Customer> batch = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            OrgUnitRef county = counties.get(i % counties.size());
            List<UserRef> ms = managers.get(county);
            batch.add(customer(i, county, ms.get(random.nextInt(ms.size())), random, today));
            if (batch.size() == 500) {
                store.insertBatch(batch, clock.instant(), "demo-seed");
                batch.clear();
            }
        }
        store.insertBatch(batch, clock.instant(), "demo-seed");
        log.info("Demo data: created {} customers in {} counties", COUNT, counties.size());
    }

    private Customer customer(int i, OrgUnitRef county, UserRef manager, Random r, LocalDate today) {
        String format = pick(r, FORMATS);
        String name = pick(r, BRANDS) + pick(r, ENDINGS.get(format));
        String person = pick(r, SURNAMES) + pick(r, GIVEN) + (r.nextBoolean() ? pick(r, GIVEN) : "");
        String road = pick(r, ROADS);
        Map<String, Object> v = new HashMap<>();
        v.put("customerCode", String.format("430100%06d", i));
        v.put("licenceNo", String.format("43010%07d", 1000000 + i));
        v.put("storeName", name);
        v.put("retailFormat", format);
        v.put("marketType", county.code().equals("CITY") || r.nextInt(4) == 0 ? "1" : "2");
        v.put("status", r.nextInt(40) == 0 ? "SUSPENDED" : "ACTIVE");
        v.put("customerManager", manager.username());
        v.put("orderFrequency", "WEEKLY");
        v.put("orderMethod", r.nextInt(10) == 0 ? "PHONE" : "ONLINE");
        v.put("settlementMethod", "ELECTRONIC");
        v.put("address", county.name().replace("营销部", "") + road + (1 + r.nextInt(300)) + "号");
        v.put("responsiblePerson", person);
        v.put("contactPerson", person);
        v.put("orderPhone", "0731-8" + (1000000 + r.nextInt(8999999)));
        LocalDate issued = today.minusDays(200 + r.nextInt(1500));
        v.put("licenceIssueDate", issued);
        // about 5 % expire within the next 30 days, so the reminders have something to show
        v.put("licenceExpiryDate", r.nextInt(20) == 0 ? today.plusDays(1 + r.nextInt(30)) : issued.plusYears(5));
        v.put("deliveryRoute", county.code() + "-R" + (1 + r.nextInt(12)));
        v.put("adminRegion", "4301" + (county.code().equals("CITY") ? "02" : county.code().equals("EAST") ? "21" : "81"));
        v.put("monopolyOfficer", "吴军");
        if (r.nextInt(4) != 0) {
            completeRest(v, r, person, road, today);
        }
        return new Customer(null, county.id(), 0, v);
    }

    /** The provincial fields a well-kept archive has; a quarter of the demo customers lack them. */
    private void completeRest(Map<String, Object> v, Random r, String person, String road, LocalDate today) {
        String birth = String.format("19%02d%02d%02d", 60 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String id17 = "430102" + birth + String.format("%03d", r.nextInt(1000));
        v.put("idCardNo", id17 + IdCardNumber.checkCharacter(id17));
        String credit17 = "92430102MA" + String.format("%07d", r.nextInt(10_000_000));
        v.put("creditCode", credit17 + CreditCode.checkCharacter(credit17));
        v.put("licenceIssuingBureau", "长沙市烟草专卖局");
        v.put("businessNature", r.nextInt(5) == 0 ? "ENTERPRISE" : "INDIVIDUAL");
        v.put("businessScope", "卷烟零售、预包装食品、日用百货");
        v.put("businessArea", BigDecimal.valueOf(15 + r.nextInt(300)));
        v.put("registeredCapital", BigDecimal.valueOf(1 + r.nextInt(50)));
        v.put("mobilePhone", "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000)));
        v.put("homeAddress", "长沙市" + road + "小区" + (1 + r.nextInt(20)) + "栋");
        v.put("mailingAddress", v.get("address"));
        v.put("bankName", pick(r, BANKS));
        v.put("bankAccount", "6228" + String.format("%015d", (long) (r.nextDouble() * 1e15)));
        v.put("taxpayerNo", "430102" + String.format("%09d", r.nextInt(1_000_000_000)));
        v.put("taxType", "SMALL");
        v.put("longitude", new BigDecimal("112.9").add(BigDecimal.valueOf(r.nextInt(200000), 6)));
        v.put("latitude", new BigDecimal("28.1").add(BigDecimal.valueOf(r.nextInt(200000), 6)));
        v.put("openingHours", "08:00-22:00");
        v.put("orderBatch", "B" + (1 + r.nextInt(3)));
        v.put("orderDay", pick(r, new String[] {"MON", "TUE", "WED", "THU", "FRI"}));
        v.put("deliverySequence", 1 + r.nextInt(60));
        v.put("deliveryStaff", pick(r, SURNAMES) + "师傅");
        v.put("visitBatch", "V" + (1 + r.nextInt(2)));
        v.put("brandCount", 20 + r.nextInt(80));
        v.put("displayForm", pick(r, new String[] {"CABINET", "SHELF", "BOTH"}));
        v.put("counterCount", 1 + r.nextInt(3));
        v.put("hasCashRegister", r.nextBoolean());
        v.put("terminalType", pick(r, new String[] {"MODERN", "STANDARD", "ORDINARY", "ORDINARY"}));
        v.put("consumerGroup", pick(r, new String[] {"周边居民", "上班族", "学生", "流动人口"}));
        v.put("tobaccoShare", BigDecimal.valueOf(10 + r.nextInt(60)));
        v.put("monitored", r.nextInt(20) == 0);
        v.put("demonstration", r.nextInt(15) == 0);
        v.put("phoneOrderClerk", pick(r, SURNAMES) + pick(r, GIVEN));
        v.put("quotaCategory", "Q" + (1 + r.nextInt(4)));
        v.put("monthlyAgreedQty", 20 + r.nextInt(200));
        v.put("totalLimit", 5 + r.nextInt(50));
        v.put("annualReviewDate", today.plusDays(r.nextInt(365)));
        v.put("vulnerableGroup", r.nextInt(30) == 0);
        v.put("groupCustomer", r.nextInt(25) == 0);
        v.put("visitCycle", pick(r, new String[] {"WEEKLY", "BIWEEKLY", "MONTHLY"}));
        v.put("contactPerson", person);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
