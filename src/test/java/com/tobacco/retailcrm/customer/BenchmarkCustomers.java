package com.tobacco.retailcrm.customer;

import com.tobacco.retailcrm.customer.domain.SensitiveDataCipher;
import com.tobacco.retailcrm.customer.domain.StoreNameInitials;
import java.io.StringReader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The benchmarks' archive: realistic generated customers of one county written with COPY, 50,000 per statement
 * (shared by CustomerBenchmark and the restore drill).
 */
public final class BenchmarkCustomers {

    static final String[] BRANDS = {"华信", "好又多", "老王", "便民", "鑫源", "家乐", "联华", "金叶", "百佳", "万家",
            "惠民", "红旗", "兴隆", "福满", "永辉", "平安", "长城", "重庆", "银河", "天天", "顺发", "和美", "佳佳", "旺角"};
    private static final String[] MIDDLES = {"", "东门", "西街", "新村", "城南", "北关", "中心", "河西", "站前", "花园"};
    static final String[] KINDS = {"超市", "便利店", "烟酒店", "食杂店", "商店", "烟酒行", "百货", "小卖部"};

    private final DataSource dataSource;
    private final SensitiveDataCipher cipher;
    private final Random random;

    public BenchmarkCustomers(DataSource dataSource, SensitiveDataCipher cipher, Random random) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.random = random;
    }

    /**
     * Writes {@code n} customers with codes {@code <prefix><8 digits>} into the county, every tenth with the manager;
     * returns samples {code, name, phone, initials} to query by.
     */
    public List<String[]> load(int n, String prefix, long countyId, String manager) throws Exception {
        List<String[]> samples = new ArrayList<>();
        int batch = 50_000;
        for (int from = 0; from < n; from += batch) {
            StringBuilder copy = new StringBuilder();
            for (int i = from; i < Math.min(n, from + batch); i++) {
                String code = prefix + String.format("%08d", i);
                String licence = prefix + String.format("%08d", i);
                String name = BRANDS[random.nextInt(BRANDS.length)] + MIDDLES[random.nextInt(MIDDLES.length)]
                        + KINDS[random.nextInt(KINDS.length)] + (i % 7 == 0 ? "" : String.valueOf(i % 997));
                String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                String initials = StoreNameInitials.of(name);
                copy.append(countyId).append('\t').append(code).append('\t').append(licence).append('\t').append(name)
                        .append('\t').append(initials).append('\t').append(1 + random.nextInt(6)).append('\t')
                        .append(1 + random.nextInt(2)).append("\tACTIVE\t").append(i % 10 == 0 ? manager : "\\N")
                        .append('\t').append(cipher.encrypt(phone)).append('\t').append(cipher.phoneHash(phone))
                        .append('\t').append(cipher.phoneTailHash(phone))
                        .append("\tWEEKLY\tONLINE\tELECTRONIC\t2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00\tbench\n");
                if (i % (n / 400 + 1) == 0) {
                    samples.add(new String[] {code, name, phone, initials});
                }
            }
            try (Connection con = dataSource.getConnection()) {
                con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy customer (county_org_unit_id, customer_code, licence_no, store_name, store_name_initials,
                          retail_format, market_type, status, customer_manager, order_phone, order_phone_hash, order_phone_tail_hash,
                          order_frequency, order_method, settlement_method, created_at, updated_at, created_by)
                        from stdin""", new StringReader(copy.toString()));
            }
        }
        return samples;
    }
}
