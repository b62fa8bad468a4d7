package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 客户照片: JPEG/PNG by content, at most 5 MB, stored by hash, thumbnails, and only for callers in scope. */
class CustomerPhotoTest extends CustomerApiTestBase {

    FileTransfer files;

    @BeforeEach
    void files() {
        files = new FileTransfer(http.base());
    }

    @Test
    void theOwnManagerUploadsAPngThatIsStoredByHashWithAThumbnail() throws IOException {
        County c = county();
        String code = createManaged(c, "华信超市").get("customerCode").asString();
        byte[] png = image("png", 800, 600);

        var up = files.upload(path(code), c.manager(), "店面.png", png, Map.of("kind", "STOREFRONT"));
        assertThat(up.status()).as("%s", up).isEqualTo(201);
        var photo = up.json();
        assertThat(photo.get("contentType").asString()).isEqualTo("image/png");
        assertThat(photo.get("width").asInt()).isEqualTo(800);
        String hash = photo.get("sha256").asString();
        assertThat(hash).hasSize(64);
        assertThat(jdbc.queryForObject("select sha256 from customer_photo where id = ?", String.class,
                photo.get("id").asLong())).isEqualTo(hash);

        var original = files.get(photo.get("url").asString(), c.manager());
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.contentType()).isEqualTo("image/png");
        assertThat(original.body()).isEqualTo(png);
        var thumb = files.get(photo.get("thumbnailUrl").asString(), c.manager());
        assertThat(thumb.contentType()).isEqualTo("image/jpeg");
        BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(Math.max(t.getWidth(), t.getHeight())).isEqualTo(240);

        var customer = http.get("/api/v1/customers/" + code, c.marketDept()).json();
        assertThat(customer.get("storefrontPhoto").asString()).isEqualTo(hash);
        assertThat(files.get(path(code), c.marketManager()).json()).hasSize(1);

        var jpeg = files.upload(path(code), c.marketDept(), "柜台.jpg", image("jpg", 300, 400), Map.of("kind", "counter"));
        assertThat(jpeg.status()).isEqualTo(201);
        assertThat(jpeg.json().get("contentType").asString()).isEqualTo("image/jpeg");

        var deleted = http.delete(path(code) + "/" + photo.get("id").asLong(), c.marketDept());
        assertThat(deleted.status()).isEqualTo(204);
        var cleared = http.get("/api/v1/customers/" + code, c.marketDept()).json().get("storefrontPhoto");
        assertThat(cleared == null || cleared.isNull()).isTrue();
        assertThat(files.get(photo.get("url").asString(), c.manager()).status()).isEqualTo(404);
    }

    @Test
    void wrongTypesOversizedAndDamagedFilesAreRefusedInChinese() throws IOException {
        County c = county();
        String code = createManaged(c, "便民店").get("customerCode").asString();

        var text = files.upload(path(code), c.manager(), "photo.jpg", "这不是图片".getBytes(), Map.of("kind", "STOREFRONT"));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(text.text()).contains("JPEG").contains("PNG");

        var gif = files.upload(path(code), c.manager(), "a.png", image("gif", 10, 10), Map.of("kind", "STOREFRONT"));
        assertThat(gif.status()).isEqualTo(400);

        byte[] big = Arrays.copyOf(image("png", 50, 50), 5 * 1024 * 1024 + 1);
        var tooBig = files.upload(path(code), c.manager(), "big.png", big, Map.of("kind", "STOREFRONT"));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.text()).contains("5 MB");

        byte[] damaged = Arrays.copyOf(image("png", 50, 50), 40);
        var broken = files.upload(path(code), c.manager(), "broken.png", damaged, Map.of("kind", "STOREFRONT"));
        assertThat(broken.status()).isEqualTo(400);

        var kind = files.upload(path(code), c.manager(), "a.png", image("png", 20, 20), Map.of("kind", "SELFIE"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(jdbc.queryForObject("select count(*) from customer_photo where customer_code = ?", Integer.class, code))
                .isZero();
    }

    @Test
    void photosAreServedOnlyToCallersWhoMaySeeTheCustomer() throws IOException {
        County c = county();
        County other = county();
        String code = createManaged(c, "华信超市").get("customerCode").asString();
        var photo = files.upload(path(code), c.manager(), "a.png", image("png", 64, 64), Map.of("kind", "PERSON")).json();

        assertThat(files.get(path(code), other.manager()).status()).isEqualTo(404);
        assertThat(files.get(photo.get("url").asString(), other.manager()).status()).isEqualTo(404);
        assertThat(files.get(photo.get("thumbnailUrl").asString(), other.marketManager()).status()).isEqualTo(404);
        assertThat(files.upload(path(code), other.manager(), "b.png", image("png", 8, 8), Map.of("kind", "PERSON"))
                .status()).isEqualTo(404);
        // the market manager sees the team's customer's photos but may not change them
        assertThat(files.get(photo.get("url").asString(), c.marketManager()).status()).isEqualTo(200);
        assertThat(files.upload(path(code), c.marketManager(), "b.png", image("png", 8, 8), Map.of("kind", "PERSON"))
                .status()).isEqualTo(403);
        assertThat(files.get(photo.get("url").asString(), adminToken("sysadmin")).status()).isEqualTo(403);
    }

    private static String path(String code) {
        return "/api/v1/customers/" + code + "/photos";
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
