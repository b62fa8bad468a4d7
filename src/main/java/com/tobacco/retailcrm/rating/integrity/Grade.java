package com.tobacco.retailcrm.rating.integrity;

/**
 * 诚信等级 A/B/C/D (docs/domain/rating.md): A law-abiding, self-disciplined, no violations; B law-abiding, no serious
 * violation; C minor violations corrected after education; D serious or repeated violations. The codes are those of
 * the archive field {@code integrityGrade}.
 */
public enum Grade {
    A, B, C, D
}
