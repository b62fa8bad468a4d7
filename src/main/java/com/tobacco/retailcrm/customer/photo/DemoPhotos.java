package com.tobacco.retailcrm.customer.photo;

import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 演示照片 — with {@code crm.demo=true} and no photo yet, most demo customers get a storefront photo and many a
 * counter photo, so completeness shows a real spread instead of every customer missing its photos. The pictures
 * are small drawings (a shop front with its sign, a counter with packs) made here, stored like uploads: by content
 * hash under the data directory with a thumbnail, one row per photo, the archive's photo fields pointing at them.
 * Runs after the demo customers (order 40).
 */
@Component
@Order(41)
class DemoPhotos implements ApplicationRunner {

    static final int STOREFRONT_PERCENT = 85;
    static final int COUNTER_PERCENT = 70;
    private static final int VARIANTS = 6;
    private static final Logger log = LoggerFactory.getLogger(DemoPhotos.class);

    private final JdbcTemplate jdbc;
    private final PhotoStore store;
    private final CrmProperties properties;
    private final Clock clock;

    DemoPhotos(JdbcTemplate jdbc, PhotoStore store, CrmProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo() || Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from customer_photo)", Boolean.class))) {
            return;
        }
        List<String> codes = jdbc.queryForList(
                "select customer_code from customer where created_by = 'demo-seed' order by customer_code", String.class);
        int photos = attach(codes);
        if (photos > 0) {
            log.info("Demo data: {} photos for {} customers", photos, codes.size());
        }
    }

    /** Gives most of these customers photos (the same customers and pictures every time); returns how many. */
    @Transactional
    int attach(List<String> codes) {
        List<Picture> storefronts = new ArrayList<>();
        List<Picture> counters = new ArrayList<>();
        for (int v = 0; v < VARIANTS; v++) {
            storefronts.add(keep(storefront(v), ImageType.PNG));
            counters.add(keep(counter(v), ImageType.JPEG));
        }
        Random random = new Random(20261124L);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> fields = new ArrayList<>();
        Timestamp at = Timestamp.from(clock.instant());
        for (String code : codes) {
            Picture front = random.nextInt(100) < STOREFRONT_PERCENT ? storefronts.get(random.nextInt(VARIANTS)) : null;
            Picture counter = random.nextInt(100) < COUNTER_PERCENT ? counters.get(random.nextInt(VARIANTS)) : null;
            for (var photo : new Object[][] {{PhotoKind.STOREFRONT, front}, {PhotoKind.COUNTER, counter}}) {
                if (photo[1] instanceof Picture p) {
                    rows.add(new Object[] {code, ((PhotoKind) photo[0]).name(), p.hash(), p.type().contentType(),
                            p.size(), p.width(), p.height(), "demo-seed", at});
                }
            }
            if (front != null || counter != null) {
                fields.add(new Object[] {front == null ? null : front.hash(), counter == null ? null : counter.hash(), code});
            }
        }
        jdbc.batchUpdate("""
                insert into customer_photo (customer_code, kind, sha256, content_type, size_bytes, width, height,
                                            uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        // as an upload does, the archive's photo fields follow the newest photo of their kind
        jdbc.batchUpdate("""
                update customer set storefront_photo = coalesce(?, storefront_photo),
                                    counter_photo = coalesce(?, counter_photo) where customer_code = ?""", fields);
        return rows.size();
    }

    private record Picture(String hash, ImageType type, int size, int width, int height) {
    }

    private Picture keep(BufferedImage image, ImageType type) {
        byte[] content = encode(image, type);
        PhotoStore.Decoded decoded = PhotoStore.decode(content, CustomerPhotos.MAX_PIXELS);
        String hash = PhotoStore.sha256(content);
        store.store(hash, content, decoded.thumbnail());
        return new Picture(hash, type, content.length, decoded.width(), decoded.height());
    }

    static byte[] encode(BufferedImage image, ImageType type) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, type == ImageType.PNG ? "png" : "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shop front: its wall, a coloured sign with a row of characters, a door and two windows. */
    static BufferedImage storefront(int variant) {
        Random r = new Random(variant);
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(150, 190, 230), 0, 60, new Color(215, 230, 245)));
        g.fillRect(0, 0, 320, 60);
        g.setColor(new Color(200 + r.nextInt(40), 190 + r.nextInt(40), 170 + r.nextInt(40)));
        g.fillRect(10, 30, 300, 190);
        Color[] signs = {new Color(190, 30, 40), new Color(20, 90, 170), new Color(20, 130, 70), new Color(220, 120, 20)};
        g.setColor(signs[variant % signs.length]);
        g.fillRect(20, 40, 280, 42);
        g.setColor(new Color(255, 240, 200));
        int characters = 4 + r.nextInt(3);
        for (int i = 0; i < characters; i++) {
            int x = 40 + i * (240 / characters);
            g.fillRect(x, 48, 26, 6);
            g.fillRect(x + 10, 48, 6, 28);
            g.fillRect(x, 66, 26, 5);
        }
        g.setColor(new Color(60, 70, 80));
        g.fillRect(130, 110, 60, 110);
        g.setColor(new Color(170, 210, 230));
        g.fillRect(30, 110, 80, 70);
        g.fillRect(210, 110, 80, 70);
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 220, 320, 20);
        g.dispose();
        return image;
    }

    /** A cigarette counter: a glass case with rows of packs in brand colours. */
    static BufferedImage counter(int variant) {
        Random r = new Random(100 + variant);
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 228, 215));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(120, 80, 50));
        g.fillRect(15, 20, 290, 200);
        Color[] packs = {new Color(200, 20, 30), new Color(240, 200, 40), new Color(30, 60, 140), new Color(240, 240, 240),
                new Color(40, 120, 60), new Color(130, 30, 90)};
        for (int row = 0; row < 4; row++) {
            g.setColor(new Color(230, 240, 245));
            g.fillRect(25, 30 + row * 48, 270, 42);
            for (int i = 0; i < 10; i++) {
                g.setColor(packs[r.nextInt(packs.length)]);
                g.fillRect(30 + i * 26, 36 + row * 48, 20, 30);
            }
        }
        g.dispose();
        return image;
    }
}
