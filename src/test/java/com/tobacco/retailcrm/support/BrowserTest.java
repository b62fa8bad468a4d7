package com.tobacco.retailcrm.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the same shared application as {@link ApiTest}, driven by Debian's headless chromium
 * through chromedriver (paths from {@code CRM_CHROMIUM} / {@code CRM_CHROMEDRIVER}, default {@code /usr/bin}).
 * One browser per test class; every test starts signed out. Screenshots go to {@code target/screenshots}.
 */
@Tag("e2e")
public abstract class BrowserTest extends ApiTest {

    private static WebDriver driver;
    private static volatile Set<String> dataCodes;
    /**
     * Pages whose readability another change is fixing. Remove an entry when its page is fixed, so the check covers
     * it (the audit log's was fixed by issue 17).
     */
    private static final List<String> NOT_YET_CHECKED = List.of();
    private static Path profile;

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        if (driver == null) {
            profile = Files.createTempDirectory("crm-chromium-");
            var options = new ChromeOptions();
            options.setBinary(env("CRM_CHROMIUM", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1400,900", "--lang=zh-CN", "--user-data-dir=" + profile);
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(env("CRM_CHROMEDRIVER", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        browser = driver;
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
        assertReadable();
    }

    /**
     * Fails when the page shows people an unresolved message key or a bare code ({@link ReadableText}); run on every
     * page a browser test opens or submits to, on every screenshot and at the end of every test.
     */
    protected void assertReadable() {
        if (NOT_YET_CHECKED.stream().anyMatch(p -> browser.getCurrentUrl().contains(p))) {
            return;
        }
        Object text = ((JavascriptExecutor) browser).executeScript(
                "return (document.title || '') + '\\n' + (document.body ? document.body.innerText : '')");
        List<String> problems = ReadableText.problems(text == null ? "" : text.toString(), dataCodes());
        if (!problems.isEmpty()) {
            throw new AssertionError("Page " + browser.getCurrentUrl() + " shows what people cannot read: " + problems);
        }
    }

    @AfterEach
    void lastPageIsReadable() {
        if (browser != null && browser.getCurrentUrl() != null && browser.getCurrentUrl().startsWith("http")) {
            assertReadable();
        }
    }

    private Set<String> dataCodes() {
        Set<String> codes = dataCodes;
        if (codes == null) {
            codes = Set.copyOf(jdbc.queryForList(
                    "select distinct code from customer_field_option where code ~ '^[A-Z][A-Z0-9_]{3,}$'", String.class));
            dataCodes = codes;
        }
        return codes;
    }

    /** Signs in through the real sign-in page, with the TOTP code when the helpers enrolled the user ({@link Totp}). */
    protected void signIn(String username, String password) {
        open("/login");
        find("#username").clear();
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        String code = Totp.codeFor(username, clock);
        if (code != null) {
            find("#totp").sendKeys(code);
        }
        find("[data-test=login-submit]").click();
        waitFor(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /** Signs in as a bootstrap admin whose password {@link #adminToken} has already changed. */
    protected void signInAdmin(String username) {
        adminToken(username);
        signIn(username, ADMIN_PASSWORD);
    }

    protected WebElement find(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Clicks something that submits a form or follows a link, and waits until the browser has left the
     * page: otherwise an element the old page also had (an error slot, say) is found there and goes stale.
     */
    protected void clickAndWaitForNewPage(String css) {
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement target = find(css);
        // a button at the window's lower edge can sit under another element (click intercepted): bring it to the
        // middle at once (Bootstrap's smooth scrolling would still be moving the page when the click lands)
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", target);
        target.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        assertReadable();
    }

    protected List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    protected List<String> texts(String css) {
        return all(css).stream().map(WebElement::getText).map(String::strip).toList();
    }

    /**
     * Waits until the condition holds. A condition that reads an element may catch the page while a submit or an htmx
     * swap replaces it (the element found a moment ago is then stale): that is "not yet", so it is asked again.
     */
    protected void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, for a person to look at. */
    protected void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertReadable();
    }
}
