package dev.orderpay.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's view of the whole flow, in a real headless Chromium: an order is created through the API, its
 * checkout link opened (the simulated provider's page lists the order's lines), the provider's button clicked, and
 * the return page read. Runs against Debian's
 * {@code chromium} and {@code chromium-driver} (nothing is downloaded); {@link ChromiumInstalled} skips it with the
 * reason where they are not installed, or fails it where {@code ORDERPAY_REQUIRE_BROWSER=true} (as in CI). A
 * screenshot of the last page is saved under {@code target/browser/} when a test fails.
 */
@ExtendWith(ChromiumInstalled.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserCheckoutTest implements TestPropertyProvider {

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator();

    private final ServiceClient merchant = orderpay.client();
    private WebDriver browser;
    private Path profile;

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @BeforeAll
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary(ChromiumInstalled.CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumInstalled.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void given_an_order_with_lines_when_the_buyer_pays_in_the_browser_then_the_lines_were_listed_and_it_is_authorized(
            TestInfo test) throws Exception {
        JsonNode order = merchant.json(merchant.postJson("/orders", """
                {"currency": "NOK", "receipt": "<b>browser</b> #1",
                 "items": [{"line_id": "1", "description": "Wool socks <i>red</i>", "quantity": 2, "amount": 19800,
                            "vat": 25, "vat_amount": 3960, "sku": "SOCK-42"},
                           {"line_id": "2", "description": "Gift wrap", "quantity": 1, "amount": 10100, "vat": 25,
                            "vat_amount": 2020}],
                 "customer": {"email": "kari@example.com", "first_name": "Kari"}}"""));
        String id = order.get("id").getStringValue();

        onFailureScreenshot(test, () -> {
            browser.get(order.get("links").get(0).get("href").getStringValue());
            assertThat(browser.findElements(By.cssSelector("#lines tr.line"))).extracting(WebElement::getText)
                    .containsExactly("Wool socks <i>red</i> 2 198.00 NOK", "Gift wrap 1 101.00 NOK");
            assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("299.00 NOK");
            assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("kari@example.com");
            browser.findElement(By.id("pay")).click();

            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/redirect"));
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(browser.getTitle()).isNotBlank();
            assertThat(page).contains("Thank you, the payment was received.").contains("299.00 NOK")
                    .contains("AUTHORIZED").doesNotContain("browser</b> #1");
        });
        assertThat(statusInList(id)).isEqualTo("AUTHORIZED");
        JsonNode paid = merchant.json(merchant.get("/orders/" + id));
        assertThat(paid.get("amount").getLongValue()).isEqualTo(29900);
        assertThat(paid.get("items").values()).extracting(item -> item.get("line_id").getStringValue())
                .containsExactly("1", "2");
    }

    @Test
    void given_an_order_when_the_buyer_cancels_in_the_browser_then_the_order_is_cancelled(TestInfo test)
            throws Exception {
        JsonNode order = merchant.json(merchant.postJson("/orders",
                "{\"amount\": 1500, \"currency\": \"SEK\", \"receipt\": \"browser cancel\"}"));
        String id = order.get("id").getStringValue();

        onFailureScreenshot(test, () -> {
            browser.get(order.get("links").get(0).get("href").getStringValue());
            browser.findElement(By.id("cancel")).click();

            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/redirect"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("cancelled");
        });
        assertThat(statusInList(id)).isEqualTo("CANCELLED");
    }

    private String statusInList(String id) throws Exception {
        for (JsonNode listed : merchant.json(merchant.get("/orders?limit=200")).get("orders").values()) {
            if (listed.get("id").getStringValue().equals(id)) {
                return listed.get("status").getStringValue();
            }
        }
        throw new AssertionError("order " + id + " is not in the list");
    }

    private interface BrowserSteps {
        void run() throws Exception;
    }

    private void onFailureScreenshot(TestInfo test, BrowserSteps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError failure) {
            Path shots = Files.createDirectories(Path.of("target", "browser"));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), shots.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            throw failure;
        }
    }
}
