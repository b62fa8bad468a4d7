package com.tobacco.retailcrm.rating.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Ratings, their appeals and batches in their own tables (plain SQL). */
@Repository
class RatingStore {

    private static final String COLUMNS = "id, customer_code, store_name, county_id, customer_manager, batch_id, "
            + "proposed_grade, grade, basis, state, created_by, created_at, notice_start, notice_ends_at, published_by, "
            + "finalized_by, finalized_at, version";

    private final JdbcTemplate jdbc;

    RatingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long newBatch(String by, Instant at) {
        return jdbc.queryForObject("insert into integrity_rating_batch (created_by, created_at) values (?, ?) returning id",
                Long.class, by, Timestamp.from(at));
    }

    long insert(IntegrityRating r) {
        return jdbc.queryForObject("""
                insert into integrity_rating (customer_code, store_name, county_id, customer_manager, batch_id,
                    proposed_grade, grade, basis, state, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PRELIMINARY', ?, ?) returning id""", Long.class, r.customerCode(),
                r.storeName(), r.countyId(), r.customerManager(), r.batchId(), r.proposedGrade().name(),
                r.grade().name(), r.basis(), r.createdBy(), Timestamp.from(r.createdAt()));
    }

    /** The customers of the list that have a rating in progress (not FINAL). */
    List<String> withOpenRating(List<String> customerCodes) {
        return jdbc.queryForList("select customer_code from integrity_rating where state <> 'FINAL' "
                + "and customer_code = any (?)", String.class, (Object) customerCodes.toArray(String[]::new));
    }

    Optional<IntegrityRating> find(long id, boolean lock) {
        return jdbc.query("select " + COLUMNS + " from integrity_rating where id = ?" + (lock ? " for update" : ""),
                (rs, i) -> row(rs, appeals(rs.getLong(1))), id).stream().findFirst();
    }

    /** Saves a step's result if nobody else moved the rating meanwhile (false then). */
    boolean save(IntegrityRating r) {
        return jdbc.update("""
                update integrity_rating set grade = ?, state = ?, notice_start = ?, notice_ends_at = ?, published_by = ?,
                    finalized_by = ?, finalized_at = ?, version = version + 1 where id = ? and version = ?""",
                r.grade().name(), r.state().name(), ts(r.noticeStart()), ts(r.noticeEndsAt()), r.publishedBy(),
                r.finalizedBy(), ts(r.finalizedAt()), r.id(), r.version()) == 1;
    }

    long addAppeal(long ratingId, String reason, String by, Instant at) {
        return jdbc.queryForObject("insert into integrity_appeal (rating_id, reason, filed_by, filed_at) "
                + "values (?, ?, ?, ?) returning id", Long.class, ratingId, reason, by, Timestamp.from(at));
    }

    void answerAppeal(long appealId, AppealDecision decision, String note, Grade newGrade, String by, Instant at) {
        jdbc.update("update integrity_appeal set decision = ?, note = ?, new_grade = ?, answered_by = ?, answered_at = ? "
                + "where id = ?", decision.name(), note, newGrade == null ? null : newGrade.name(), by,
                Timestamp.from(at), appealId);
    }

    /** Bumps the version of a rating whose appeals changed, so a client holding the old version sees it is stale. */
    void touch(long id) {
        jdbc.update("update integrity_rating set version = version + 1 where id = ?", id);
    }

    List<Long> preliminaryOfBatch(long batchId) {
        return jdbc.queryForList("select id from integrity_rating where batch_id = ? and state = 'PRELIMINARY' "
                + "order by id", Long.class, batchId);
    }

    boolean batchExists(long batchId) {
        return !jdbc.queryForList("select id from integrity_rating_batch where id = ?", Long.class, batchId).isEmpty();
    }

    List<IntegrityRating> list(String where, List<Object> args, String order, long offset, int limit) {
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        all.add(offset);
        List<IntegrityRating> ratings = jdbc.query("select " + COLUMNS + " from integrity_rating r where " + where
                + " order by " + order + ", id desc limit ? offset ?", (rs, i) -> row(rs, List.of()), all.toArray());
        Map<Long, List<Appeal>> appeals = appealsOf(ratings.stream().map(IntegrityRating::id).toList());
        return ratings.stream().map(r -> withAppeals(r, appeals.getOrDefault(r.id(), List.of()))).toList();
    }

    long count(String where, List<Object> args) {
        Long n = jdbc.queryForObject("select count(*) from integrity_rating r where " + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private List<Appeal> appeals(long ratingId) {
        return jdbc.query("select * from integrity_appeal where rating_id = ? order by id", this::appeal, ratingId);
    }

    private Map<Long, List<Appeal>> appealsOf(List<Long> ids) {
        Map<Long, List<Appeal>> byRating = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select * from integrity_appeal where rating_id = any (?) order by id", this::appeal,
                    (Object) ids.toArray(Long[]::new))
                    .forEach(a -> byRating.computeIfAbsent(a.ratingId(), k -> new ArrayList<>()).add(a));
        }
        return byRating;
    }

    private static IntegrityRating withAppeals(IntegrityRating r, List<Appeal> appeals) {
        return new IntegrityRating(r.id(), r.customerCode(), r.storeName(), r.countyId(), r.customerManager(),
                r.batchId(), r.proposedGrade(), r.grade(), r.basis(), r.state(), r.createdBy(), r.createdAt(),
                r.noticeStart(), r.noticeEndsAt(), r.publishedBy(), r.finalizedBy(), r.finalizedAt(), r.version(),
                appeals);
    }

    private IntegrityRating row(ResultSet rs, List<Appeal> appeals) throws SQLException {
        return new IntegrityRating(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                rs.getString(5), (Long) rs.getObject(6), Grade.valueOf(rs.getString(7)), Grade.valueOf(rs.getString(8)),
                rs.getString(9), RatingState.valueOf(rs.getString(10)), rs.getString(11), instant(rs, 12),
                instant(rs, 13), instant(rs, 14), rs.getString(15), rs.getString(16), instant(rs, 17), rs.getLong(18),
                appeals);
    }

    private Appeal appeal(ResultSet rs, int i) throws SQLException {
        String decision = rs.getString("decision");
        String newGrade = rs.getString("new_grade");
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Appeal(rs.getLong("id"), rs.getLong("rating_id"), rs.getString("reason"), rs.getString("filed_by"),
                rs.getTimestamp("filed_at").toInstant(), decision == null ? null : AppealDecision.valueOf(decision),
                rs.getString("note"), newGrade == null ? null : Grade.valueOf(newGrade), rs.getString("answered_by"),
                answered == null ? null : answered.toInstant());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
