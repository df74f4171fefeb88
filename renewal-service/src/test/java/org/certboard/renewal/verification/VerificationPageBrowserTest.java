package org.certboard.renewal.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.renewal.RenewalFixtures;
import org.certboard.renewal.clock.ClockJobRunner;
import org.certboard.renewal.credential.CredentialFlowTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The verification page in a real browser: Debian's Chromium driven by its chromedriver (both from apt; .ci/run
 * installs them). The driver and browser are given by path, so Selenium Manager never looks for downloads.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class VerificationPageBrowserTest {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static WebDriver browser;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/verify")
    URL verifyPage;

    @Inject
    ClockJobRunner clockJob;

    @BeforeAll
    static void startBrowser() {
        assertThat(new File(CHROMEDRIVER)).as("apt-get install chromium chromium-driver").exists();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1000,1100");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageShowsTheCertificationFoundByTheFormAndSaysClearlyWhenANumberIsUnknown() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        LocalDate examDate = RenewalFixtures.today().minusDays(70);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.register(candidate, "Florence", "Nightingale");
        board.pass(candidate, examDate);
        String number = CredentialFlowTest.awaitNumber(candidate);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Florence Nightingale".equals(
                given().get("/verify/{n}", number).then().extract().path("name")));

        browser.get(verifyPage.toString());
        assertThat(browser.getTitle()).isEqualTo("Verify a certification");
        WebElement field = browser.findElement(By.cssSelector("label[for=number] + input#number"));
        field.sendKeys(number);
        field.submit();

        awaitElement("result");
        assertThat(browser.getCurrentUrl()).endsWith("/verify/" + number);
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("Florence Nightingale");
        assertThat(browser.findElement(By.id("credential")).getText()).isEqualTo("Certified Case Manager (CCM)");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Active");
        assertThat(browser.findElement(By.id("valid-until-label")).getText()).isEqualTo("Valid until");
        assertThat(browser.findElement(By.cssSelector("#first-certified time")).getAttribute("datetime"))
                .isEqualTo(examDate.toString());
        assertThat(browser.findElement(By.cssSelector("#valid-until time")).getAttribute("datetime"))
                .isEqualTo(examDate.plusYears(5).toString());
        WebElement qr = browser.findElement(By.cssSelector("figure svg[role=img]"));
        assertThat(qr.getSize().getWidth()).isEqualTo(200);
        assertThat(browser.findElement(By.cssSelector("figcaption a")).getText()).endsWith("/verify/" + number);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(candidate.toString())
                .doesNotContain("@example.org");
        screenshot("verification-page.png");

        WebElement again = browser.findElement(By.id("number"));
        again.clear();
        again.sendKeys("CCM-1999-000000");
        again.submit();
        awaitElement("message");
        assertThat(browser.findElement(By.id("message")).getText())
                .isEqualTo("No certification with the number CCM-1999-000000 was found. Check the number and try again.");
        assertThat(browser.findElements(By.id("result"))).isEmpty();
        screenshot("verification-page-unknown.png");
    }

    @Test
    void anExpiredCertificationSaysItWasValidUntilItsExpiry() throws Exception {
        RenewalFixtures board = new RenewalFixtures(bootstrapServers);
        // passed five years and two days ago: expired yesterday, still inside the late-renewal grace
        LocalDate examDate = RenewalFixtures.today().minusYears(5).minusDays(2);
        UUID candidate = RenewalFixtures.candidate(examDate);
        board.register(candidate, "Mary", "Seacole");
        board.pass(candidate, examDate);
        String number = CredentialFlowTest.awaitNumber(candidate);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clockJob.runConcurrently(1);
            return "EXPIRED".equals(given().get("/verify/{n}", number).then().extract().path("status"));
        });

        browser.get(verifyPage + "/" + number);
        awaitElement("result");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Expired");
        assertThat(browser.findElement(By.id("valid-until-label")).getText()).isEqualTo("Was valid until");
        assertThat(browser.findElement(By.cssSelector("#valid-until time")).getAttribute("datetime"))
                .isEqualTo(examDate.plusYears(5).toString());
        screenshot("verification-page-expired.png");
    }

    private static void awaitElement(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id(id)).isEmpty());
    }

    private static void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(1000);
    }
}
