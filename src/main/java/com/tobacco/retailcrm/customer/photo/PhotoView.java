package com.tobacco.retailcrm.customer.photo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** A customer photo as the API returns it; the picture itself is at {@code url}, its thumbnail at {@code thumbnailUrl}. */
public record PhotoView(long id, String customerCode, PhotoKind kind, String sha256, String contentType, int size,
                        int width, int height, String uploadedBy, OffsetDateTime uploadedAt) {

    @JsonProperty("url")
    public String url() {
        return "/api/v1/customers/" + customerCode + "/photos/" + id;
    }

    @JsonProperty("thumbnailUrl")
    public String thumbnailUrl() {
        return url() + "/thumbnail";
    }
}
