package com.tobacco.retailcrm.customer.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.CustomerApiTestBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Demo photos are real small pictures stored like uploads, given to most customers so completeness varies. */
class DemoPhotosTest extends CustomerApiTestBase {

    @Autowired
    DemoPhotos demoPhotos;

    @Test
    void demoPicturesArePngStorefrontsAndJpegCountersThatDecodeWithThumbnails() {
        Set<String> hashes = new HashSet<>();
        for (int v = 0; v < 6; v++) {
            byte[] front = DemoPhotos.encode(DemoPhotos.storefront(v), ImageType.PNG);
            byte[] counter = DemoPhotos.encode(DemoPhotos.counter(v), ImageType.JPEG);
            assertThat(ImageType.sniff(front)).contains(ImageType.PNG);
            assertThat(ImageType.sniff(counter)).contains(ImageType.JPEG);
            for (byte[] picture : List.of(front, counter)) {
                assertThat(picture.length).isLessThan(CustomerPhotos.MAX_BYTES);
                assertThat(PhotoStore.decode(picture, CustomerPhotos.MAX_PIXELS).thumbnail()).isNotNull();
                hashes.add(PhotoStore.sha256(picture));
            }
        }
        assertThat(hashes).as("every variant is a different picture").hasSize(12);
    }

    @Test
    void mostCustomersGetPhotosServedLikeUploadsAndCompletenessSpreads() {
        County c = county();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            codes.add(createManaged(c, "演示照片店" + i).get("customerCode").asString());
        }
        int photos = demoPhotos.attach(codes);
        assertThat(photos).isBetween(40, 80);

        int withStorefront = 0;
        Set<Double> completeness = new HashSet<>();
        for (String code : codes) {
            JsonNode customer = http.get("/api/v1/customers/" + code, c.marketDept()).json();
            completeness.add(customer.get("completeness").get("overall").asDouble());
            for (JsonNode photo : http.get("/api/v1/customers/" + code + "/photos", c.manager()).json()) {
                String kind = photo.get("kind").asString();
                String field = kind.equals("STOREFRONT") ? "storefrontPhoto" : "counterPhoto";
                assertThat(customer.get(field).asString()).as("the archive field follows the photo")
                        .isEqualTo(photo.get("sha256").asString());
                withStorefront += kind.equals("STOREFRONT") ? 1 : 0;
                assertThat(http.get("/api/v1/customers/" + code + "/photos/" + photo.get("id").asLong() + "/thumbnail",
                        c.manager()).status()).isEqualTo(200);
            }
        }
        assertThat(withStorefront).as("most customers have a storefront photo").isGreaterThan(25).isLessThan(40);
        assertThat(completeness).as("photos make completeness differ between customers").hasSizeGreaterThan(1);
    }
}
