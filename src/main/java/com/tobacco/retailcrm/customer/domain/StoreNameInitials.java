package com.tobacco.retailcrm.customer.domain;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 拼音首字母 — the lower-case pinyin initials of a store name ({@code 华信超市} → {@code hxcs}), letters and digits
 * only. The library segments names with a phrase dictionary, so polyphones read as in the phrase (重庆 → cq,
 * 银行 → yh, 长城 → cc).
 */
public final class StoreNameInitials {

    /** Compiled once: every customer created or renamed passes here. */
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]");

    private StoreNameInitials() {
    }

    public static String of(String storeName) {
        if (storeName == null || storeName.isBlank()) {
            return "";
        }
        String initials = PinyinHelper.toPinyin(storeName, PinyinStyleEnum.FIRST_LETTER, "");
        String cleaned = NOT_LETTER_OR_DIGIT.matcher(initials.toLowerCase(Locale.ROOT)).replaceAll("");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }
}
