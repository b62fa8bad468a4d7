package com.tobacco.retailcrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableTextTest {

    @Test
    void aMissingMessageKeyOrABareEnumCodeIsAProblemChineseTextAndAcronymsAreNot() {
        assertThat(ReadableText.problems("流程 ??workflow.caseType.COMPLAINT_zh_CN?? 待办")).singleElement().asString()
                .contains("missing message");
        assertThat(ReadableText.problems("经营者类型 INDIVIDUAL 个体", java.util.Set.of("INDIVIDUAL"))).singleElement().asString().contains("INDIVIDUAL");
        assertThat(ReadableText.problems("当前步骤 CHANGE_REQUEST")).singleElement().asString().contains("CHANGE_REQUEST");
        assertThat(ReadableText.problems("客户经理 张伟 · CRM 与 GIS · 导出 CSV · 138****5678 · 2026-10-01")).isEmpty();
        assertThat(ReadableText.enumCodes()).contains("HOLIDAY", "ACTIVE");
    }
}
