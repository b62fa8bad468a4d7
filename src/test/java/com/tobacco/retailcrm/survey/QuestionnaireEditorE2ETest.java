package com.tobacco.retailcrm.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The market department writes a questionnaire on its page: problems shown at their fields with nothing saved,
 * questions added, moved and removed, and an edit that saves the next version while the first stays as it was.
 */
@Tag("e2e")
class QuestionnaireEditorE2ETest extends BrowserTest {

    private JsonNode byTitle(String token, String title) {
        JsonNode all = http.get("/api/v1/questionnaires", token).json();
        return StreamSupport.stream(all.spliterator(), false).filter(q -> title.equals(q.get("title").asString()))
                .findFirst().orElse(null);
    }

    private void type(String css, String text) {
        find(css).clear();
        find(css).sendKeys(text);
    }

    @Test
    void aQuestionnaireIsWrittenCheckedFieldByFieldAndEditedIntoItsNextVersion() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String md = "md" + unique();
        String mdToken = userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        String title = "门店服务问卷" + unique();

        signIn(md, USER_PASSWORD);
        open("/surveys");
        clickAndWaitForNewPage("[data-test=new-questionnaire]");
        assertThat(find("[data-test=version-note]").getText()).contains("第 1 版");
        clickAndWaitForNewPage("[data-test=save]");
        assertThat(find("[data-test=error-title]").getText()).contains("问卷标题不能为空");
        assertThat(find("[data-test=error-text-0]").getText()).contains("题目内容不能为空");

        type("[data-test=title]", title);
        type("[data-test=text-0]", "送货准时吗？");
        type("[data-test=dimension-0]", "送货服务");
        clickAndWaitForNewPage("[data-test=add-question]");
        type("[data-test=text-1]", "您常用的订货方式");
        type("[data-test=dimension-1]", "订货服务");
        new Select(find("[data-test=type-1]")).selectByVisibleText("单选");
        clickAndWaitForNewPage("[data-test=add-question]");
        type("[data-test=text-2]", "其他建议");
        type("[data-test=dimension-2]", "总体评价");
        new Select(find("[data-test=type-2]")).selectByVisibleText("文字");
        clickAndWaitForNewPage("[data-test=save]");
        assertThat(find("[data-test=error-options-1]").getText()).contains("单选题至少要有两个");
        assertThat(find("[data-test=form-errors]").getText()).contains("问卷未保存");
        assertThat(byTitle(mdToken, title)).as("nothing saved while a field is wrong").isNull();
        assertThat(find("[data-test=text-2]").getAttribute("value")).isEqualTo("其他建议");

        find("[data-test=options-1]").sendKeys("网上订货\n电话订货");
        clickAndWaitForNewPage("[data-test=up-1]");
        assertThat(find("[data-test=text-0]").getAttribute("value")).isEqualTo("您常用的订货方式");
        clickAndWaitForNewPage("[data-test=add-question]");
        clickAndWaitForNewPage("[data-test=remove-3]");
        assertThat(all("[data-test^=question-]")).hasSize(3);
        assertThat(find("[data-test=groups]").getText()).contains("订货服务 1 题").contains("送货服务 1 题")
                .contains("总体评价 1 题");
        screenshot("questionnaire-editor");
        clickAndWaitForNewPage("[data-test=save]");
        assertThat(find("[data-test=flash-success]").getText()).contains("第 1 版");

        JsonNode saved = byTitle(mdToken, title);
        assertThat(saved.get("version").asInt()).isEqualTo(1);
        JsonNode questions = saved.get("questions");
        assertThat(questions).hasSize(3);
        assertThat(questions.get(0).get("type").asString()).isEqualTo("SINGLE");
        assertThat(questions.get(0).get("options").get(1).asString()).isEqualTo("电话订货");
        assertThat(questions.get(1).get("type").asString()).isEqualTo("RATING");
        assertThat(questions.get(2).get("type").asString()).isEqualTo("TEXT");
        assertThat(questions.get(2).get("dimension").asString()).isEqualTo("总体评价");

        clickAndWaitForNewPage("[data-test=edit]");
        assertThat(find("[data-test=version-note]").getText()).contains("当前为第 1 版").contains("生成第 2 版")
                .contains("保持原样");
        type("[data-test=title]", title + "（修订）");
        clickAndWaitForNewPage("[data-test=remove-2]");
        screenshot("questionnaire-editor-revise");
        clickAndWaitForNewPage("[data-test=save]");
        assertThat(find("[data-test=flash-success]").getText()).contains("第 2 版");
        long id = saved.get("id").asLong();
        JsonNode first = http.get("/api/v1/questionnaires/" + id + "?version=1", mdToken).json();
        assertThat(first.get("title").asString()).isEqualTo(title);
        assertThat(first.get("questions")).hasSize(3);
        JsonNode second = http.get("/api/v1/questionnaires/" + id, mdToken).json();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("questions")).hasSize(2);
    }

    @Test
    void onlyTheQuestionnaireOwnersMayOpenTheEditor() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "客服部" + unique());
        String agent = "ag" + unique();
        userWithRoles(agent, dept, null, List.of("SERVICE_AGENT"));
        signIn(agent, USER_PASSWORD);
        browser.get(url("/surveys/questionnaires/new"));
        assertThat(browser.getPageSource()).doesNotContain("data-test=\"questionnaire-form\"");
    }
}
