package com.tobacco.retailcrm.survey.domain;

/** 题型: 单选, 评分 (1–5) or 文字. */
public enum QuestionType {
    SINGLE, RATING, TEXT
}
