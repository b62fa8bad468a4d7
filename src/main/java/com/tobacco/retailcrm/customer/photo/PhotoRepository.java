package com.tobacco.retailcrm.customer.photo;

import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The customer_photo rows: hash and metadata of each photo, never the picture. */
@Repository
class PhotoRepository {

    private final JdbcTemplate jdbc;
    private final CrmProperties properties;

    PhotoRepository(JdbcTemplate jdbc, CrmProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    long insert(String customerCode, PhotoKind kind, String hash, String contentType, int size, int width, int height,
                String user, Instant at) {
        return jdbc.queryForObject("""
                insert into customer_photo (customer_code, kind, sha256, content_type, size_bytes, width, height,
                                            uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                customerCode, kind.name(), hash, contentType, size, width, height, user, Timestamp.from(at));
    }

    List<PhotoView> of(String customerCode) {
        return jdbc.query("select * from customer_photo where customer_code = ? order by kind, uploaded_at desc, id desc",
                this::view, customerCode);
    }

    Optional<PhotoView> find(String customerCode, long id) {
        return jdbc.query("select * from customer_photo where customer_code = ? and id = ?", this::view, customerCode, id)
                .stream().findFirst();
    }

    /** The newest photo of a kind, which the archive's photo field points at. */
    Optional<PhotoView> latest(String customerCode, PhotoKind kind) {
        return jdbc.query("select * from customer_photo where customer_code = ? and kind = ? "
                + "order by uploaded_at desc, id desc limit 1", this::view, customerCode, kind.name()).stream().findFirst();
    }

    void delete(long id) {
        jdbc.update("delete from customer_photo where id = ?", id);
    }

    boolean hashInUse(String hash) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from customer_photo where sha256 = ?)", Boolean.class, hash));
    }

    private PhotoView view(ResultSet rs, int n) throws SQLException {
        return new PhotoView(rs.getLong("id"), rs.getString("customer_code"), PhotoKind.valueOf(rs.getString("kind")),
                rs.getString("sha256"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getInt("width"),
                rs.getInt("height"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant().atZone(properties.zone()).toOffsetDateTime());
    }
}
