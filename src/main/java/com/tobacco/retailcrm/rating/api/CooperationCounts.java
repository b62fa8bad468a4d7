package com.tobacco.retailcrm.rating.api;

/** One customer's cooperation counts of a period: 拜访 received, 测评 answered and refused, 投诉 filed. */
public record CooperationCounts(int visits, int surveysAnswered, int surveysRefused, int complaints) {

    public static final CooperationCounts NONE = new CooperationCounts(0, 0, 0, 0);

    public static CooperationCounts visits(int visits) {
        return new CooperationCounts(visits, 0, 0, 0);
    }

    public static CooperationCounts surveys(int answered, int refused) {
        return new CooperationCounts(0, answered, refused, 0);
    }

    public static CooperationCounts complaints(int complaints) {
        return new CooperationCounts(0, 0, 0, complaints);
    }

    public CooperationCounts plus(CooperationCounts other) {
        return new CooperationCounts(visits + other.visits, surveysAnswered + other.surveysAnswered,
                surveysRefused + other.surveysRefused, complaints + other.complaints);
    }
}
