package com.tobacco.retailcrm.rating.integrity;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * 诚信等级评定 — one customer's rating procedure (docs/domain/rating.md) and the rules of its steps: a PRELIMINARY rating is
 * published once into NOTICE; appeals are filed only while the notice runs and each is answered once (an upheld one
 * sets the grade to its new grade); FINAL only after the notice has ended and every appeal is answered. Any other
 * step from the current state is refused (422 with the rule).
 *
 * @param proposedGrade the grade of the preliminary rating
 * @param grade         the grade it stands at: the proposed one, or the new grade of the last upheld appeal; the final
 *                      grade once FINAL
 */
record IntegrityRating(long id, String customerCode, String storeName, Long countyId, String customerManager,
                       Long batchId, Grade proposedGrade, Grade grade, String basis, RatingState state,
                       String createdBy, Instant createdAt, Instant noticeStart, Instant noticeEndsAt,
                       String publishedBy, String finalizedBy, Instant finalizedAt, long version,
                       List<Appeal> appeals) {

    IntegrityRating publish(NoticePeriod notice, String by) {
        requireState(RatingState.PRELIMINARY, "rating.error.publish.state");
        return new IntegrityRating(id, customerCode, storeName, countyId, customerManager, batchId, proposedGrade,
                grade, basis, RatingState.NOTICE, createdBy, createdAt, notice.start(), notice.endsAt(), by, null,
                null, version, appeals);
    }

    /** An appeal is heard only while the notice runs: afterwards the rating waits only for its final decision. */
    void checkAppealAllowed(Instant now) {
        requireState(RatingState.NOTICE, "rating.error.appeal.state");
        if (!now.isBefore(noticeEndsAt)) {
            throw new BusinessRuleException("rating.error.appeal.noticeOver", id);
        }
    }

    /**
     * Answers an open appeal of this rating (also after the notice ended: it still blocks the final rating). UPHELD
     * needs the new grade; REJECTED keeps the grade and takes none. Gives the grade the rating stands at afterwards.
     */
    Grade answer(Appeal appeal, AppealDecision decision, Grade newGrade) {
        requireState(RatingState.NOTICE, "rating.error.answer.state");
        if (!appeal.open()) {
            throw new BusinessRuleException("rating.error.answer.answered", appeal.id());
        }
        if (decision == AppealDecision.UPHELD && newGrade == null) {
            throw new InvalidInputException("newGrade", "{rating.error.newGrade.required}");
        }
        if (decision == AppealDecision.REJECTED && newGrade != null) {
            throw new InvalidInputException("newGrade", "{rating.error.newGrade.rejected}");
        }
        return decision == AppealDecision.UPHELD ? newGrade : grade;
    }

    /** 审定: refused before the notice ends and while an appeal waits for its answer. */
    IntegrityRating finalize(Instant now, String by) {
        requireState(RatingState.NOTICE, "rating.error.finalize.state");
        if (now.isBefore(noticeEndsAt)) {
            throw new BusinessRuleException("rating.error.finalize.noticeRunning", id);
        }
        long open = appeals.stream().filter(Appeal::open).count();
        if (open > 0) {
            throw new BusinessRuleException("rating.error.finalize.openAppeal", id, open);
        }
        return new IntegrityRating(id, customerCode, storeName, countyId, customerManager, batchId, proposedGrade,
                grade, basis, RatingState.FINAL, createdBy, createdAt, noticeStart, noticeEndsAt, publishedBy, by, now,
                version, appeals);
    }

    boolean inNotice(Instant now) {
        return state == RatingState.NOTICE && now.isBefore(noticeEndsAt);
    }

    long openAppeals() {
        return appeals.stream().filter(Appeal::open).count();
    }

    private void requireState(RatingState required, String rule) {
        if (state != required) {
            throw new BusinessRuleException(rule, id, state.name());
        }
    }
}
